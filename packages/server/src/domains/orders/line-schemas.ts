import { z } from '@hono/zod-openapi';
import {
  isUnitPrice,
  lineKinds,
  maxQuantity,
  maxUnitPriceYen,
  roundingModes,
} from '../quotes/quote-totals.ts';

export const MAX_LINE_NAME = 200;
export const MAX_UNIT = 20;
export const MAX_LINE_NOTE = 500;

/** Decimal yen, 0..10,000,000, at most 2 decimals (1.5円/枚). */
export const UnitPrice = z
  .number()
  .min(0)
  .max(maxUnitPriceYen)
  .superRefine((value, ctx) => {
    if (!isUnitPrice(value))
      ctx.addIssue({
        code: 'custom',
        message: 'A unit price has at most 2 decimals.',
        params: { ja: '単価は小数第2位までで入力してください。', en: 'A unit price has at most 2 decimals.' },
      });
  })
  .openapi({
    description: 'Tax-exclusive decimal yen, at most 2 decimals (1.5 for 1.5円/枚)',
    example: 3280,
  });

export const TaxRateSchema = z
  .union([z.literal(10), z.literal(8)])
  .openapi({ description: '10 (標準税率) or 8 (軽減税率 ※)', example: 10 });
export const Quantity = z.number().int().min(1).max(maxQuantity);
export const Rounding = z
  .enum(roundingModes)
  .openapi({ description: 'floor 切捨て / ceil 切上げ / half_up 四捨五入' });
export const RateAmounts = z
  .object({ '10': z.number().int().optional(), '8': z.number().int().optional() })
  .openapi('RateAmounts', { description: 'Integer yen per tax rate present in the lines' });

/** One line as a client sends it (quotes and direct orders). */
export const LineInput = z.object({
  kind: z.enum(lineKinds).default('item'),
  productId: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'A catalog product: fills name, unit, price and rate left out' }),
  name: z.string().trim().min(1).max(MAX_LINE_NAME).optional(),
  quantity: Quantity,
  unit: z.string().trim().max(MAX_UNIT).optional(),
  unitPrice: UnitPrice.optional().openapi({
    description: "Omitted with a productId: the customer's catalog price",
  }),
  taxRate: TaxRateSchema.optional().openapi({
    description: "Omitted with a productId: the product's tax category",
  }),
  note: z.string().max(MAX_LINE_NOTE).optional(),
});

/** One stored line as the API shows it. */
export const DocumentLine = z
  .object({
    lineNo: z.number().int(),
    kind: z.enum(lineKinds),
    productId: z.string().nullable(),
    productCode: z.string().nullable(),
    name: z.string(),
    quantity: z.number().int(),
    unit: z.string(),
    unitPrice: z.number().openapi({ description: 'Decimal yen (1.5)' }),
    taxRate: TaxRateSchema,
    amount: z.number().int().openapi({ description: 'Whole yen; positive for a discount (shown as ▲)' }),
    note: z.string(),
  })
  .openapi('DocumentLine');
