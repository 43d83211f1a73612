import { z } from '@hono/zod-openapi';

const isoDate = z.string().openapi({ format: 'date', example: '2026-11-27' });

/** Why a product is suggested: a code with its figures, localised by the client (and `message`). */
export const crossSellReasonCodes = ['similar_customers_buy'] as const;

export const ReorderSignal = z
  .object({
    productId: z.string(),
    productCode: z.string(),
    productName: z.string(),
    unit: z.string(),
    orderCount: z.number().int().openapi({ description: 'Distinct order days the interval was read from' }),
    intervalDays: z.number().int().openapi({
      description:
        "Usual days between orders: median of the customer's latest 12 intervals, blended with the product's typical interval",
    }),
    basis: z.enum(['own', 'blended']),
    lastOrderedDate: isoDate,
    expectedDate: isoDate.openapi({ description: 'Last order day + interval' }),
    daysUntil: z.number().int().openapi({ description: 'expectedDate − today; negative when overdue' }),
    daysSinceLast: z.number().int(),
    due: z.boolean().openapi({ description: 'expectedDate is at most 7 days ahead, or past' }),
    usualQuantity: z.number().int(),
    lastOrderId: z.string(),
  })
  .openapi('ReorderSignal');

export const CrossSellSignal = z
  .object({
    productId: z.string(),
    productCode: z.string(),
    productName: z.string(),
    unit: z.string(),
    reason: z.object({
      code: z.enum(crossSellReasonCodes),
      params: z.object({
        anchorProductId: z
          .string()
          .openapi({ description: "The customer's own product the rule starts from" }),
        anchorProductName: z.string(),
        anchorBuyers: z.number().int().openapi({ description: 'Other customers who bought the anchor' }),
        bothBuyers: z.number().int().openapi({ description: 'Of them, those who bought this product too' }),
        confidencePercent: z
          .number()
          .int()
          .openapi({ description: 'bothBuyers / anchorBuyers, in % (rounded)' }),
        basePercent: z
          .number()
          .int()
          .openapi({ description: 'Of all other customers with purchases, % who bought it' }),
        lift: z.number().openapi({ description: 'confidence / base, one decimal' }),
      }),
    }),
    message: z.object({ ja: z.string(), en: z.string() }).openapi({ description: 'The reason in words' }),
  })
  .openapi('CrossSellSignal');

export const CustomerSignals = z
  .object({
    customerId: z.string(),
    today: isoDate.openapi({ description: 'Asia/Tokyo' }),
    reorders: z.array(ReorderSignal).max(30).openapi({
      description: 'Products the customer buys regularly with their expected next order, most urgent first',
    }),
    crossSell: z.array(CrossSellSignal).max(3),
  })
  .openapi('CustomerSignals');
