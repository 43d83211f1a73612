import type { z } from '@hono/zod-openapi';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { getUnitPrices } from '../catalog/get-unit-price.ts';
import {
  calculateTotals,
  fromSen,
  type LineKind,
  type RoundingMode,
  type TaxRate,
  type Totals,
  toSen,
} from '../quotes/quote-totals.ts';
import type { LineInput } from './line-schemas.ts';
import {
  amountTooLarge,
  lineNameRequired,
  negativeSubtotal,
  productUnknown,
  taxRateRequired,
  unitPriceRequired,
} from './order-errors.ts';

/** The largest figure an integer column holds (a line amount, a subtotal, a total). */
const MAX_STORED_YEN = 2_147_483_647;

/** A line with everything a stored quote or order line holds. */
export interface PricedLine {
  lineNo: number;
  kind: LineKind;
  productId: string | null;
  productCode: string | null;
  name: string;
  quantity: number;
  unit: string;
  /** Decimal yen text for numeric(14,2): '1.5', '3280'. */
  unitPrice: string;
  taxRate: TaxRate;
  amount: number;
  note: string;
}

/** A document's totals as the quotes and orders tables store them. */
export interface TotalsColumns {
  subtotalStandard: number;
  subtotalReduced: number;
  taxStandard: number;
  taxReduced: number;
  total: number;
}

export interface PricedDocument {
  lines: PricedLine[];
  totals: Totals;
  columns: TotalsColumns;
  rounding: RoundingMode;
}

export interface PriceLinesOptions {
  customerId: string;
  /** YYYY-MM-DD (Asia/Tokyo): the day catalog prices must be in effect. */
  date: string;
  rounding: RoundingMode;
  lines: readonly z.output<typeof LineInput>[];
}

/**
 * Completes and prices a document's lines: a line naming a catalog product takes what it leaves
 * out (name, unit, tax rate, and the customer's price that day through the catalog's
 * `getUnitPrices`); then `calculateTotals` rounds each amount and each rate's tax once. 422
 * naming the line's field for an unknown product or a missing price, rate or name; 422 naming
 * `lines` when a rate's discounts exceed its items or a figure passes what the tables hold.
 */
export async function priceLines(tx: Tx, actor: Actor, options: PriceLinesOptions): Promise<PricedDocument> {
  const productIds = options.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const prices = await getUnitPrices(tx, actor, {
    customerId: options.customerId,
    productIds,
    date: options.date,
  });
  const completed = options.lines.map((line, index) => {
    const price = line.productId ? prices.get(line.productId) : undefined;
    if (line.productId && !price) throw productUnknown(index);
    const unitPrice = line.unitPrice !== undefined ? fromSen(toSen(line.unitPrice)) : price?.unitPrice;
    if (unitPrice === undefined) throw unitPriceRequired(index);
    const taxRate = line.taxRate ?? price?.product.taxRate;
    if (taxRate === undefined) throw taxRateRequired(index);
    const name = line.name ?? price?.product.name;
    if (!name) throw lineNameRequired(index);
    return {
      lineNo: index + 1,
      kind: line.kind,
      productId: price?.product.id ?? null,
      productCode: price?.product.code ?? null,
      name,
      quantity: line.quantity,
      unit: line.unit ?? price?.product.unit ?? '',
      unitPrice: fromSen(toSen(unitPrice)),
      taxRate,
      amount: 0,
      note: line.note ?? '',
    };
  });
  return totalsOf(completed, options.rounding);
}

/**
 * Recomputes the amounts and totals of lines already complete (a stored quote's lines carried to
 * an order are not recomputed: see `columnsOf`). Same checks as `priceLines`.
 */
export function totalsOf(lines: readonly PricedLine[], rounding: RoundingMode): PricedDocument {
  const totals = calculateTotals({ lines, rounding });
  for (const rate of ['10', '8'] as const) {
    if ((totals.subtotals[rate] ?? 0) < 0) throw negativeSubtotal();
  }
  const columns = columnsOf(totals);
  const figures = [...totals.lines.map((line) => line.amount), columns.total];
  if (figures.some((figure) => figure > MAX_STORED_YEN)) throw amountTooLarge();
  return {
    lines: lines.map((line, index) => ({ ...line, amount: totals.lines[index]?.amount ?? 0 })),
    totals,
    columns,
    rounding,
  };
}

export function columnsOf(totals: Pick<Totals, 'subtotals' | 'taxes' | 'total'>): TotalsColumns {
  return {
    subtotalStandard: totals.subtotals['10'] ?? 0,
    subtotalReduced: totals.subtotals['8'] ?? 0,
    taxStandard: totals.taxes['10'] ?? 0,
    taxReduced: totals.taxes['8'] ?? 0,
    total: totals.total,
  };
}

/**
 * The API's per-rate figures of stored columns: a rate appears when a line carries it (or, for an
 * order without lines, when its subtotal is not zero).
 */
export function rateFigures(
  columns: TotalsColumns,
  lineRates: readonly number[],
): { subtotals: { '10'?: number; '8'?: number }; taxes: { '10'?: number; '8'?: number } } {
  const has10 = lineRates.includes(10) || (lineRates.length === 0 && columns.subtotalStandard !== 0);
  const has8 = lineRates.includes(8) || (lineRates.length === 0 && columns.subtotalReduced !== 0);
  return {
    subtotals: {
      ...(has10 ? { '10': columns.subtotalStandard } : {}),
      ...(has8 ? { '8': columns.subtotalReduced } : {}),
    },
    taxes: {
      ...(has10 ? { '10': columns.taxStandard } : {}),
      ...(has8 ? { '8': columns.taxReduced } : {}),
    },
  };
}
