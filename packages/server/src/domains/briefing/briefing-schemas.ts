import { z } from '@hono/zod-openapi';
import {
  complaintCategories,
  complaintKinds,
  complaintSeverities,
  complaintStatuses,
  sourceKinds,
  talkingPointReasons,
  timelineKinds,
} from '../complaints/complaint-values.ts';
import { CrossSellSignal } from '../signals/signals-schemas.ts';

/** Lines per section at most (the briefing fits one A4 page). */
export const BRIEFING_LIMITS = {
  cautions: 10,
  preferences: 10,
  lastVisits: 3,
  complaints: 10,
  promises: 10,
  recentOrders: 5,
  reorderDue: 8,
  openQuotes: 5,
  forms: 5,
  talkingPoints: 3,
} as const;

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-20T01:30:00.000Z' });
const isoDate = z.string().openapi({ format: 'date', example: '2026-11-27' });
const text = z.object({ ja: z.string(), en: z.string() }).openapi('LocalizedText');

/** The record a line comes from: open it with the kind's own endpoint. */
export const Source = z
  .object({
    kind: z.enum(sourceKinds),
    id: z.string(),
    field: z.string().optional().openapi({ description: 'The field of the record the text is (cautions…)' }),
  })
  .openapi('BriefingSource');

export const TextLine = z.object({ text: z.string(), source: Source }).openapi('BriefingTextLine');

export const VisitLine = z
  .object({
    date: isoDate,
    repName: z.string().nullable(),
    summary: z.string().openapi({ description: 'What was said (the visit log)' }),
    source: Source,
  })
  .openapi('BriefingVisitLine');

export const ComplaintLine = z
  .object({
    title: z.string(),
    kind: z.enum(complaintKinds),
    category: z.enum(complaintCategories),
    severity: z.enum(complaintSeverities),
    status: z.enum(complaintStatuses),
    receivedDate: isoDate,
    ageDays: z.number().int(),
    dueDate: isoDate,
    overdue: z.boolean(),
    source: Source,
  })
  .openapi('BriefingComplaintLine');

export const PromiseLine = z
  .object({
    title: z.string(),
    owner: z.enum(['ours', 'theirs']).openapi({ description: 'ours: we promised; theirs: the customer did' }),
    dueDate: isoDate,
    overdue: z.boolean(),
    source: Source,
  })
  .openapi('BriefingPromiseLine');

export const OrderLine = z
  .object({
    orderNo: z.string(),
    orderedDate: isoDate,
    subtotal: z.number().int().openapi({ description: 'Tax-excluded yen' }),
    items: z.string().openapi({ description: 'The first products, e.g. "コピー用紙A4 ×10 ほか2品"' }),
    source: Source,
  })
  .openapi('BriefingOrderLine');

export const OrderTrend = z
  .object({
    taxBasis: z.literal('excluded').openapi({ description: 'Amounts are tax-excluded yen' }),
    recentFrom: isoDate,
    recentTo: isoDate,
    previousFrom: isoDate,
    previousTo: isoDate,
    recentAmount: z.number().int().openapi({ description: 'Last 3 months (not cancelled)' }),
    previousAmount: z.number().int().openapi({ description: 'The 3 months before' }),
    changePercent: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'null when the 3 months before had none' }),
    direction: z.enum(['up', 'down', 'flat']),
  })
  .openapi('BriefingOrderTrend');

export const ReorderLine = z
  .object({
    productId: z.string(),
    productCode: z.string(),
    productName: z.string(),
    lastOrderedDate: isoDate,
    medianIntervalDays: z
      .number()
      .int()
      .openapi({ description: "Median days between this customer's purchases of it" }),
    expectedDate: isoDate.openapi({ description: 'Last order + interval' }),
    daysUntil: z.number().int().openapi({ description: 'expectedDate − today; negative when overdue' }),
    daysSinceLast: z.number().int(),
    usualQuantity: z.number().int().openapi({ description: 'Median quantity per order' }),
    unit: z.string(),
    source: Source.openapi({ description: 'The last order holding the product' }),
  })
  .openapi('BriefingReorderLine');

export const QuoteLine = z
  .object({ title: z.string(), date: isoDate, amount: z.number().int(), source: Source })
  .openapi('BriefingQuoteLine');

export const FormLine = z
  .object({ title: z.string(), status: z.string(), date: isoDate, source: Source })
  .openapi('BriefingFormLine');

export const TalkingPoint = z
  .object({
    reason: z.enum(talkingPointReasons),
    message: text,
    source: Source,
  })
  .openapi('BriefingTalkingPoint');

/** A section read from a table another domain owns: `available` false while that table does not exist. */
const section = <T extends z.ZodType>(line: T) => z.object({ available: z.boolean(), items: z.array(line) });

export const Briefing = z
  .object({
    customer: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      rank: z.string(),
      address: z.string(),
      phone: z.string(),
      repId: z.string().nullable(),
      repName: z.string().nullable(),
      lastVisitAt: isoTime.nullable(),
    }),
    today: isoDate.openapi({ description: 'Asia/Tokyo' }),
    generatedAt: isoTime,
    cautions: z.array(TextLine).openapi({ description: '注意点, first and unmissable' }),
    preferences: z.array(TextLine).openapi({ description: '好み・人柄' }),
    lastVisits: section(VisitLine),
    openComplaints: z.array(ComplaintLine).openapi({ description: 'Open and in progress, oldest first' }),
    awaitingConfirmation: z
      .array(ComplaintLine)
      .openapi({ description: 'Resolved: ask the customer to confirm (action confirm) at this visit' }),
    promises: z.object({
      available: z.boolean(),
      ours: z.array(PromiseLine),
      theirs: z.array(PromiseLine),
    }),
    recentOrders: z.object({ items: z.array(OrderLine), trend: OrderTrend }),
    reorderDue: z.array(ReorderLine).openapi({
      description:
        'Products due for reorder (the signals domain: expected within 7 days or overdue), most overdue first',
    }),
    crossSell: z.array(CrossSellSignal).openapi({
      description: 'Products customers like this one buy and this one does not, each with its reason',
    }),
    openQuotes: section(QuoteLine),
    forms: section(FormLine).openapi({ description: 'Application forms collected' }),
    talkingPoints: z.array(TalkingPoint).max(BRIEFING_LIMITS.talkingPoints),
  })
  .openapi('Briefing');

export const CustomerIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const kindList = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const parts = value.split(',').map((p) => p.trim());
    if (parts.some((p) => !(timelineKinds as readonly string[]).includes(p)))
      ctx.addIssue({
        code: 'custom',
        message: `Use a comma-separated list of ${timelineKinds.join(', ')}.`,
        params: {
          ja: `${timelineKinds.join('、')} をカンマ区切りで指定してください。`,
          en: `Use a comma-separated list of ${timelineKinds.join(', ')}.`,
        },
      });
  })
  .openapi({
    description: `Comma-separated: ${timelineKinds.join(',')} (default all)`,
    example: 'visit,order',
  });

export const TimelineQuery = z.object({
  kinds: kindList.optional(),
  before: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: '1..100, default 30' }),
});

export const TimelineItem = z
  .object({
    kind: z.enum(timelineKinds),
    id: z.string(),
    at: isoTime,
    title: z.string().openapi({ description: 'Order number, complaint title, visit summary…' }),
    detail: z.string().openapi({ description: 'One line more: products, category, promise owner…' }),
    status: z.string().nullable(),
    amount: z.number().int().nullable().openapi({ description: 'Tax-excluded yen (orders, quotes)' }),
    source: Source,
  })
  .openapi('TimelineItem');

export const TimelinePage = z
  .object({
    items: z.array(TimelineItem),
    nextCursor: z.string().nullable(),
    kindsAvailable: z
      .array(z.enum(timelineKinds))
      .openapi({ description: 'Kinds whose records exist in this installation (others are always empty)' }),
  })
  .openapi('TimelinePage');
