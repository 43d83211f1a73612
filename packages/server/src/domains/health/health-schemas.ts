import { z } from '@hono/zod-openapi';
import { healthBands } from './health-values.ts';

/** Rows of the at-risk list a page may hold, and how deep the list can be read. */
export const MAX_AT_RISK_PAGE = 100;
export const MAX_AT_RISK_OFFSET = 5000;

const isoDate = z.string().openapi({ format: 'date', example: '2026-12-02' });
const refId = () => z.string().max(100);
const severity = z.enum(['low', 'medium', 'high', 'critical']);

export const HealthReason = z
  .discriminatedUnion('code', [
    z.object({
      code: z.literal('visit_overdue'),
      penalty: z.number().int(),
      params: z.object({
        overdueDays: z.number().int(),
        cadenceDays: z.number().int(),
        daysSinceVisit: z.number().int().nullable().openapi({ description: 'null: never visited' }),
      }),
    }),
    z.object({
      code: z.literal('open_complaints'),
      penalty: z.number().int(),
      params: z.object({
        count: z.number().int(),
        oldestDays: z.number().int(),
        overdueCount: z.number().int(),
        worstSeverity: severity,
      }),
    }),
    z.object({
      code: z.literal('orders_falling'),
      penalty: z.number().int(),
      params: z.object({
        recentOrders: z.number().int(),
        expectedOrders: z.number(),
        recentAmount: z.number().int(),
        expectedAmount: z.number().int(),
        dropPercent: z.number().int(),
      }),
    }),
    z.object({
      code: z.literal('satisfaction_falling'),
      penalty: z.number().int(),
      params: z.object({ recentMean: z.number(), previousMean: z.number(), recentAnswers: z.number().int() }),
    }),
    z.object({
      code: z.literal('long_silence'),
      penalty: z.number().int(),
      params: z.object({ days: z.number().int() }),
    }),
  ])
  .openapi('HealthReason', {
    description: 'A warning sign: its code, the points it takes off, and the figures to put it into words',
  });

const healthFields = {
  score: z.number().int().min(0).max(100).openapi({ description: '0–100, higher is healthier' }),
  risk: z.number().int().min(0).max(100).openapi({ description: '100 − score (the planner’s boost)' }),
  band: z.enum(healthBands).openapi({ description: 'good ≥ 70, watch 40–69, at_risk < 40' }),
  reasons: z.array(HealthReason).openapi({ description: 'Largest penalty first' }),
  lastVisitDate: isoDate.nullable(),
  lastOrderDate: isoDate.nullable(),
};

export const CustomerHealth = z
  .object({ customerId: z.string(), asOfDate: isoDate, ...healthFields })
  .openapi('CustomerHealth');

export const AtRiskCustomer = z
  .object({
    customer: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      rank: z.enum(['A', 'B', 'C']),
    }),
    repId: z.string().nullable(),
    repName: z.string().nullable(),
    areaName: z.string().nullable(),
    ...healthFields,
  })
  .openapi('AtRiskCustomer');

export const AtRiskPage = z
  .object({
    asOfDate: isoDate,
    total: z.number().int().openapi({ description: 'Customers of the filter below the band' }),
    items: z.array(AtRiskCustomer),
    nextOffset: z.number().int().nullable().openapi({ description: 'null on the last page' }),
  })
  .openapi('AtRiskPage');

export const AtRiskQuery = z.object({
  teamId: refId().optional().openapi({ description: 'Customers whose rep is in the team' }),
  repId: refId().optional(),
  areaId: refId().optional(),
  band: z
    .enum(['watch', 'at_risk'])
    .optional()
    .openapi({ description: 'watch (default): health below 70; at_risk: below 40' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_AT_RISK_PAGE)
    .optional()
    .openapi({ description: `1..${MAX_AT_RISK_PAGE}, default 50` }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_AT_RISK_OFFSET)
    .optional()
    .openapi({ description: `0..${MAX_AT_RISK_OFFSET}: nextOffset of the previous page` }),
});

export const CustomerHealthParam = z.object({
  id: refId().openapi({ param: { name: 'id', in: 'path' } }),
});
