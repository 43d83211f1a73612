import { z } from '@hono/zod-openapi';
import {
  DocumentLine,
  LineInput,
  Quantity,
  RateAmounts,
  Rounding,
  TaxRateSchema,
  UnitPrice,
} from '../orders/line-schemas.ts';
import { OrderSummary } from '../orders/order-schemas.ts';
import { IsoDateString } from '../planning/plan-schemas.ts';
import { lineKinds, maxLines } from './quote-totals.ts';
import { quoteViewStatuses } from './quote-values.ts';

export const MAX_SUBJECT = 200;
export const MAX_PLACE = 200;
export const MAX_TERMS = 200;
export const MAX_REMARKS = 2000;
export const MAX_REASON = 500;
/** The largest stored total (the totals columns are integers). */
export const MAX_TOTAL_YEN = 2_147_483_647;

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-20T01:30:00.000Z' });
const refId = () => z.string().max(100);

export const QuoteIdParam = z.object({ id: refId().openapi({ param: { name: 'id', in: 'path' } }) });

export const CalculateBody = z
  .object({
    lines: z
      .array(
        z.object({
          kind: z.enum(lineKinds).optional().openapi({ description: 'item (default) or discount (▲)' }),
          unitPrice: UnitPrice,
          quantity: Quantity,
          taxRate: TaxRateSchema,
        }),
      )
      .max(maxLines),
    rounding: Rounding.optional().openapi({ description: "Default: the company profile's rounding" }),
  })
  .openapi('CalculateQuote', {
    example: {
      lines: [
        { unitPrice: 3280, quantity: 5, taxRate: 10 },
        { unitPrice: 1296, quantity: 3, taxRate: 8 },
        { kind: 'discount', unitPrice: 500, quantity: 1, taxRate: 10 },
      ],
    },
  });

export const CalculateResult = z
  .object({
    lines: z.array(z.object({ amount: z.number().int() })),
    subtotals: RateAmounts,
    taxes: RateAmounts,
    total: z.number().int(),
    rounding: Rounding,
  })
  .openapi('QuoteTotals');

const quoteFields = {
  subject: z.string().trim().min(1).max(MAX_SUBJECT).openapi({ description: '件名' }),
  deliveryDate: IsoDateString.nullable().optional().openapi({ description: '納期' }),
  deliveryPlace: z.string().max(MAX_PLACE).nullable().optional().openapi({ description: '納品場所' }),
  paymentTerms: z
    .string()
    .max(MAX_TERMS)
    .nullable()
    .optional()
    .openapi({ description: "支払条件; default the company profile's" }),
  validUntil: IsoDateString.nullable()
    .optional()
    .openapi({ description: "有効期限; default today + the company profile's validity days" }),
  remarks: z.string().max(MAX_REMARKS).optional().openapi({ description: '備考' }),
  lines: z.array(LineInput).max(maxLines),
};

export const CreateQuoteBody = z
  .object({
    id: z.uuid().optional().openapi({ description: 'A client-made UUID' }),
    customerId: refId(),
    visitId: refId()
      .optional()
      .openapi({ description: 'The visit whose needs it answers (a visit of this customer)' }),
    sourceQuoteId: refId()
      .optional()
      .openapi({ description: 'A previous quote to start from: its lines are copied when `lines` is empty' }),
    ...quoteFields,
    lines: quoteFields.lines.default([]),
  })
  .openapi('CreateQuote', {
    example: {
      customerId: 'cus-1',
      subject: 'コピー用紙・コーヒーの定期購入',
      lines: [
        {
          kind: 'item',
          name: 'コピー用紙 A4 500枚×5冊',
          quantity: 5,
          unit: '箱',
          unitPrice: 3280,
          taxRate: 10,
        },
        {
          kind: 'item',
          name: 'ドリップコーヒー 100袋',
          quantity: 3,
          unit: '箱',
          unitPrice: 1296,
          taxRate: 8,
        },
        { kind: 'discount', name: '出精値引', quantity: 1, unit: '式', unitPrice: 500, taxRate: 10 },
      ],
    },
  });

export const UpdateQuoteBody = z
  .object({
    version: z.number().int().min(1).openapi({ description: 'The version you read' }),
    ...quoteFields,
  })
  .openapi('UpdateQuote');

export const VersionBody = z
  .object({ version: z.number().int().min(1).openapi({ description: 'The version you read' }) })
  .openapi('QuoteVersion');

export const LoseBody = z
  .object({
    version: z.number().int().min(1),
    reason: z.string().trim().min(1).max(MAX_REASON).openapi({ description: '失注理由' }),
  })
  .openapi('LoseQuote');

export const QuoteLine = DocumentLine;

const CustomerRef = z.object({ id: z.string(), name: z.string() });

export const QuoteSummary = z
  .object({
    id: z.string(),
    quoteNo: z.string(),
    revision: z.number().int(),
    status: z.enum(quoteViewStatuses),
    customer: CustomerRef,
    repId: z.string().nullable(),
    subject: z.string(),
    total: z.number().int(),
    issuedAt: isoTime.nullable(),
    validUntil: z.string().nullable(),
    updatedAt: isoTime,
  })
  .openapi('QuoteSummary');

export const Quote = z
  .object({
    id: z.string(),
    quoteNo: z.string(),
    revision: z.number().int(),
    status: z.enum(quoteViewStatuses),
    customer: CustomerRef.extend({ code: z.string() }),
    repId: z.string().nullable(),
    visitId: z.string().nullable(),
    subject: z.string(),
    deliveryDate: z.string().nullable(),
    deliveryPlace: z.string().nullable(),
    paymentTerms: z.string().nullable(),
    validUntil: z.string().nullable(),
    remarks: z.string(),
    lines: z.array(QuoteLine),
    subtotals: RateAmounts,
    taxes: RateAmounts,
    total: z.number().int(),
    rounding: Rounding,
    issuedAt: isoTime.nullable(),
    lostReason: z.string().nullable(),
    orderId: z.string().nullable(),
    version: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime,
    revisions: z.array(
      z.object({
        id: z.string(),
        revision: z.number().int(),
        status: z.enum(quoteViewStatuses),
        issuedAt: isoTime.nullable(),
        total: z.number().int(),
      }),
    ),
  })
  .openapi('Quote');

export const AcceptResult = z
  .object({ quote: Quote, order: z.object({ id: z.string(), orderNo: z.string() }) })
  .openapi('AcceptedQuote');

export const QuoteListQuery = z.object({
  status: z
    .enum(quoteViewStatuses)
    .optional()
    .openapi({ description: 'expired = submitted and past validUntil' }),
  customerId: refId().optional(),
  repId: refId().optional(),
  from: IsoDateString.optional().openapi({
    description: 'Issued (or, for drafts, created) on or after (Asia/Tokyo)',
  }),
  to: IsoDateString.optional().openapi({ description: 'Issued (or created) on or before (Asia/Tokyo)' }),
  q: z.string().max(100).optional().openapi({ description: 'Quote number, subject or customer name' }),
  minTotal: z.coerce.number().int().min(0).max(MAX_TOTAL_YEN).optional(),
  maxTotal: z.coerce.number().int().min(0).max(MAX_TOTAL_YEN).optional(),
  allRevisions: z.enum(['true', 'false']).optional().openapi({
    description: 'true: superseded revisions too (電子帳簿保存法 search); default only the latest',
  }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: '1..100, default 50' }),
  cursor: z.string().max(500).optional(),
});

export const QuotePage = z
  .object({ items: z.array(QuoteSummary), nextCursor: z.string().nullable() })
  .openapi('QuotePage');

export const CsvQuery = QuoteListQuery.omit({ cursor: true, limit: true }).extend({
  encoding: z.enum(['utf8', 'sjis']).optional().openapi({ description: 'utf8 (with BOM, default) or sjis' }),
});

export const DeskQuery = z.object({
  repId: z.string().max(100).optional(),
  customerId: z.string().max(100).optional(),
  from: IsoDateString.optional().openapi({
    description: 'Quotes issued (drafts: created) and orders ordered on or after (Asia/Tokyo), as the lists',
  }),
  to: IsoDateString.optional().openapi({ description: 'On or before (Asia/Tokyo)' }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: 'Per list, default 20' }),
});

export const Desk = z
  .object({
    counts: z.object({
      quotesToSend: z.number().int(),
      quotesExpiring: z.number().int(),
      ordersToArrange: z.number().int(),
      ordersToDeliver: z.number().int(),
      ordersToInvoice: z.number().int(),
    }),
    quotesToSend: z.array(QuoteSummary).openapi({ description: 'Drafts, oldest first' }),
    quotesExpiring: z
      .array(QuoteSummary)
      .openapi({ description: 'Submitted, validUntil within 7 days (Asia/Tokyo), soonest first' }),
    ordersToArrange: z.array(OrderSummary).openapi({ description: '受注: to arrange (手配)' }),
    ordersToDeliver: z.array(OrderSummary).openapi({ description: '手配済: to deliver' }),
    ordersToInvoice: z.array(OrderSummary).openapi({ description: '納品済: to invoice' }),
  })
  .openapi('Desk');
