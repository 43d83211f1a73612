import { z } from '@hono/zod-openapi';
import { IsoDateString } from '../planning/plan-schemas.ts';
import { periodDays } from './kpi-period.ts';
import {
  kpiCompares,
  kpiGrains,
  kpiRecordKinds,
  kpiScopes,
  MAX_PERIOD_DAYS,
  MAX_TREND_DAYS,
} from './kpi-values.ts';

const MIN_DATE = '2000-01-01';
const MAX_DATE = '2099-12-31';

const scopeFields = {
  from: IsoDateString.optional().openapi({
    description: 'First day (Asia/Tokyo), included; default the first of this month',
  }),
  to: IsoDateString.optional().openapi({
    description: 'Day after the last (excluded); default the first of next month',
  }),
  scope: z
    .enum(kpiScopes)
    .optional()
    .openapi({
      description:
        'tenant (admin) · team · rep · area · rank (A/B/C). Default: the caller’s own (admin tenant, ' +
        'manager their team, rep themself); with only scopeId given: rep',
    }),
  scopeId: z.string().max(100).optional().openapi({
    description: 'The team, rep (user id), area or rank the scope names (default: the caller’s own)',
  }),
};

/** `from < to`, both within 2000–2099, at most `maxDays` apart (422 naming `to` or `from`). */
const checkPeriod =
  (maxDays: number) =>
  (value: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
    for (const field of ['from', 'to'] as const) {
      const date = value[field];
      if (date && (date < MIN_DATE || date > MAX_DATE))
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'Choose a date from 2000-01-01 to 2099-12-31.',
          params: {
            ja: '2000-01-01 から 2099-12-31 までの日付を指定してください。',
            en: 'Choose a date from 2000-01-01 to 2099-12-31.',
          },
        });
    }
    if ((value.from === undefined) !== (value.to === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [value.from === undefined ? 'from' : 'to'],
        message: 'Give both from and to, or neither.',
        params: { ja: '開始日と終了日は両方指定してください。', en: 'Give both from and to, or neither.' },
      });
    if (value.from && value.to) {
      const days = periodDays({ from: value.from, to: value.to });
      if (!(days > 0))
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'The end must come after the start.',
          params: { ja: '終了日は開始日より後にしてください。', en: 'The end must come after the start.' },
        });
      else if (days > maxDays)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `A period can be at most ${maxDays} days long.`,
          params: {
            ja: `期間は最長 ${maxDays} 日です。`,
            en: `A period can be at most ${maxDays} days long.`,
          },
        });
    }
  };

export const KpiQuery = z
  .object({
    ...scopeFields,
    compare: z.enum(kpiCompares).optional().openapi({
      description: 'Only this comparison (previous period or the same period last year); default both',
    }),
  })
  .superRefine(checkPeriod(MAX_PERIOD_DAYS));

export const KpiScopeQuery = z.object(scopeFields).superRefine(checkPeriod(MAX_PERIOD_DAYS));

export const KpiTrendQuery = z
  .object({
    ...scopeFields,
    grain: z.enum(kpiGrains).optional().openapi({ description: 'week (ISO, Monday) or month (default)' }),
  })
  .superRefine(checkPeriod(MAX_TREND_DAYS));

export const KpiRecordsParam = z.object({
  kpi: z.enum(kpiRecordKinds).openapi({ param: { name: 'kpi', in: 'path' } }),
});

export const KpiRecordsQuery = z
  .object({
    ...scopeFields,
    limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '1..200, default 50' }),
    cursor: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
  })
  .superRefine(checkPeriod(MAX_PERIOD_DAYS));

const rate = z
  .number()
  .nullable()
  .openapi({ description: 'A fraction 0–1 (4 decimals); null without a base' });
const yen = z.number().int().nullable();
const count = z.number().int().nullable();

export const KpiFigures = z
  .object({
    ordersWon: count.openapi({ description: '受注件数: won (not cancelled) orders' }),
    ordersWonAmountExclTax: yen.openapi({ description: 'Their amount, tax-exclusive (税抜)' }),
    ordersWonAmountInclTax: yen.openapi({ description: 'Their amount, tax-included (税込)' }),
    formsCollected: count.openapi({ description: '申込書回収枚数' }),
    activeCustomers: count.openapi({ description: '顧客稼働数: customers with a won order' }),
    revenuePerCustomerExclTax: yen.openapi({ description: '顧客単価 (税抜)' }),
    revenuePerCustomerInclTax: yen.openapi({ description: '顧客単価 (税込)' }),
    retentionRate: rate.openapi({ description: '継続率' }),
    retentionBase: z.number().int(),
    retained: z.number().int(),
    repeatRate: rate.openapi({ description: 'リピート率' }),
    repeatBase: z.number().int(),
    repeated: z.number().int(),
    satisfactionMean: z.number().nullable().openapi({ description: '顧客満足度 1–5 (2 decimals)' }),
    satisfactionAnswers: z.number().int(),
    visitsDone: z.number().int(),
    visitsPlanned: z.number().int(),
    visitCompletionRate: rate,
    travelSecondsPerVisit: z.number().int().nullable(),
    overdueCustomers: count,
  })
  .openapi('KpiFigures');

const Period = z.object({ from: z.string(), to: z.string() }).openapi('KpiPeriod');

export const KpiScopeView = z
  .object({
    scope: z.enum(kpiScopes),
    scopeId: z.string().nullable(),
    label: z.string().openapi({ description: 'The team’s, rep’s or area’s name, the rank, or the company' }),
  })
  .openapi('KpiScopeView');

export const KpiReport = z
  .object({
    scope: KpiScopeView,
    periods: z.object({ current: Period, previous: Period, lastYear: Period }),
    figures: z.object({
      current: KpiFigures,
      previous: KpiFigures.nullable(),
      lastYear: KpiFigures.nullable(),
    }),
  })
  .openapi('KpiReport');

export const KpiTrendBucket = z
  .object({
    from: z.string(),
    to: z.string(),
    ordersWon: z.number().int(),
    ordersWonAmountExclTax: z.number().int(),
    formsCollected: z.number().int(),
    activeCustomers: z.number().int(),
    revenuePerCustomerExclTax: z.number().int().nullable(),
    satisfactionMean: z.number().nullable(),
    satisfactionAnswers: z.number().int(),
    visitsDone: z.number().int(),
  })
  .openapi('KpiTrendBucket');

export const KpiTrend = z
  .object({ scope: KpiScopeView, grain: z.enum(kpiGrains), buckets: z.array(KpiTrendBucket) })
  .openapi('KpiTrend');

export const KpiPlace = z.object({ place: z.number().int(), of: z.number().int() }).openapi('KpiPlace');

export const KpiRepRow = z
  .object({
    repId: z.string(),
    repName: z.string(),
    teamId: z.string().nullable(),
    figures: KpiFigures,
    places: z.record(z.string(), KpiPlace).nullable().openapi({
      description:
        'A rep asking: their place in their team for each figure (1 = best; of = team size). Null otherwise',
    }),
  })
  .openapi('KpiRepRow');

export const KpiByRep = z
  .object({ scope: KpiScopeView, period: Period, rows: z.array(KpiRepRow), total: KpiFigures })
  .openapi('KpiByRep');

export const KpiRecord = z
  .object({
    type: z.enum(['order', 'customer', 'visit', 'form']).openapi({
      description:
        'form: a 申込書 recorded without a visit (formsCollected lists one line per visit otherwise)',
    }),
    id: z.string(),
    customerId: z.string(),
    customerCode: z.string(),
    customerName: z.string(),
    repId: z.string().nullable(),
    repName: z.string().nullable(),
    date: z
      .string()
      .nullable()
      .openapi({ description: 'Order or visit day (Asia/Tokyo); last visit for overdue' }),
    orderNo: z.string().nullable(),
    orders: z.number().int().nullable().openapi({ description: 'Won orders of the customer in the period' }),
    amountExclTax: z.number().int().nullable(),
    amountInclTax: z.number().int().nullable(),
    forms: z.number().int().nullable(),
    satisfaction: z.number().int().nullable(),
    kept: z.boolean().nullable().openapi({ description: 'retention: still active; repeat: ordered again' }),
    dueDate: z.string().nullable().openapi({ description: 'overdue: last visit + cadence + tolerance' }),
  })
  .openapi('KpiRecord');

export const KpiRecordPage = z
  .object({ kpi: z.enum(kpiRecordKinds), items: z.array(KpiRecord), nextCursor: z.string().nullable() })
  .openapi('KpiRecordPage');

export type KpiFiguresView = z.output<typeof KpiFigures>;
export type KpiScopeInput = z.output<typeof KpiScopeQuery>;

const Choice = z.object({ id: z.string(), name: z.string() });
export const KpiScopeChoices = z
  .object({
    defaultScope: z.enum(kpiScopes),
    scopes: z.array(z.enum(kpiScopes)),
    teams: z.array(Choice),
    reps: z.array(Choice.extend({ teamId: z.string().nullable() })),
    areas: z.array(Choice),
    ranks: z.array(z.string()),
  })
  .openapi('KpiScopeChoices');

export type KpiReportView = z.output<typeof KpiReport>;
export type KpiTrendView = z.output<typeof KpiTrend>;
export type KpiByRepView = z.output<typeof KpiByRep>;
export type KpiRecordPageView = z.output<typeof KpiRecordPage>;
export type KpiRecordView = z.output<typeof KpiRecord>;
export type KpiScopeChoicesView = z.output<typeof KpiScopeChoices>;
