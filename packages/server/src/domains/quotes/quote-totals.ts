/**
 * Totals of a 見積書 or an order: the one implementation the server stores and the web editor shows
 * live (exported through contracts.ts). Imports nothing, computes with integers only.
 *
 * A unit price is decimal yen with at most 2 decimals (1.5円/枚); it becomes integer sen at once.
 * A line's amount = unit price × quantity, rounded to whole yen by the tenant's rule. From there on
 * everything is integer yen: per rate (10%, 8%) the subtotal is the items minus the discounts, its
 * consumption tax is rounded once per document, never per line, and the total is the sum of the parts.
 *
 * @example
 * calculateTotals({
 *   rounding: 'floor',
 *   lines: [
 *     { unitPrice: 3280, quantity: 5, taxRate: 10 },
 *     { unitPrice: 1296, quantity: 3, taxRate: 8 },
 *     { kind: 'discount', unitPrice: 500, quantity: 1, taxRate: 10 },
 *   ],
 * });
 * // → { lines: [{ amount: 16400 }, { amount: 3888 }, { amount: 500 }],
 * //     subtotals: { '10': 15900, '8': 3888 }, taxes: { '10': 1590, '8': 311 }, total: 21689 }
 */

/** 切捨て (default) | 切上げ | 四捨五入. */
export const roundingModes = ['floor', 'ceil', 'half_up'] as const;
export type RoundingMode = (typeof roundingModes)[number];
/** Consumption tax rates in percent: standard 10%, reduced 8% (軽減税率). */
export const taxRates = [10, 8] as const;
export type TaxRate = (typeof taxRates)[number];
/** A line sells (item) or takes off its rate's subtotal (discount, shown as ▲). */
export const lineKinds = ['item', 'discount'] as const;
export type LineKind = (typeof lineKinds)[number];

export const maxUnitPriceYen = 10_000_000;
export const maxQuantity = 1_000_000;
export const maxLines = 200;

export interface TotalsLineInput {
  kind?: LineKind;
  /** Decimal yen, at most 2 decimals: a number (1.5) or a string ('1.5', '1.50' as numeric(14,2) reads). */
  unitPrice: number | string;
  quantity: number;
  taxRate: TaxRate;
}

export interface TotalsInput {
  lines: readonly TotalsLineInput[];
  rounding?: RoundingMode;
}

export type RateAmounts = { '10'?: number; '8'?: number };

export interface Totals {
  /** Each line's amount in whole yen, in input order (a discount's is positive). */
  lines: { amount: number }[];
  /** Per rate present in the lines: items minus discounts, tax-exclusive. */
  subtotals: RateAmounts;
  /** Per rate present in the lines: the tax on its subtotal, rounded once. */
  taxes: RateAmounts;
  /** Sum of the subtotals and taxes. */
  total: number;
}

const decimalYen = /^(\d{1,8})(?:\.(\d{1,2}))?$/;

/**
 * Decimal yen → integer sen (hundredths), without float arithmetic: the number's shortest decimal
 * form is parsed as text. Throws RangeError for a negative value, more than 2 decimals or more than
 * 10,000,000 yen.
 *
 * @example toSen(1.5) === 150; toSen('12800.00') === 1_280_000
 */
export function toSen(unitPrice: number | string): number {
  const text = typeof unitPrice === 'number' ? String(unitPrice) : unitPrice.trim();
  const match = decimalYen.exec(text);
  if (!match) throw new RangeError(`not a unit price with at most 2 decimals: ${String(unitPrice)}`);
  const yen = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const sen = yen * 100 + Number(fraction);
  if (sen > maxUnitPriceYen * 100) throw new RangeError(`unit price above ${maxUnitPriceYen}: ${text}`);
  return sen;
}

/** Integer sen → decimal yen text without trailing zeros: 150 → '1.5', 1_280_000 → '12800'. */
export function fromSen(sen: number): string {
  if (!Number.isSafeInteger(sen) || sen < 0) throw new RangeError(`not a sen amount: ${sen}`);
  const yen = Math.trunc(sen / 100);
  const rest = sen % 100;
  if (rest === 0) return String(yen);
  return `${yen}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** Whether a value is a unit price this module accepts (0..10,000,000 yen, at most 2 decimals). */
export function isUnitPrice(value: number | string): boolean {
  try {
    toSen(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * `numerator / denominator` rounded to an integer by the mode, for safe integers and a positive
 * denominator; signs round by magnitude (切捨て toward zero), so a negative subtotal's tax mirrors
 * the positive one's.
 */
export function divideRounded(numerator: number, denominator: number, rounding: RoundingMode): number {
  if (numerator < 0) return -divideRounded(-numerator, denominator, rounding);
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  if (remainder === 0) return quotient;
  if (rounding === 'floor') return quotient;
  if (rounding === 'ceil') return quotient + 1;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** A line's amount in whole yen: unit price (sen) × quantity, rounded by the mode. */
export function lineAmount(
  unitPrice: number | string,
  quantity: number,
  rounding: RoundingMode = 'floor',
): number {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > maxQuantity) {
    throw new RangeError(`quantity must be an integer 1..${maxQuantity}: ${quantity}`);
  }
  return divideRounded(toSen(unitPrice) * quantity, 100, rounding);
}

/**
 * Tax on a rate's subtotal, rounded once: the product subtotal × rate is kept below 2^53 by splitting
 * the subtotal into hundreds and a remainder.
 */
export function taxOn(subtotal: number, rate: TaxRate, rounding: RoundingMode = 'floor'): number {
  if (subtotal < 0) return -taxOn(-subtotal, rate, rounding);
  const remainder = subtotal % 100;
  const hundreds = (subtotal - remainder) / 100;
  return hundreds * rate + divideRounded(remainder * rate, 100, rounding);
}

/** The document's totals; throws RangeError for an input outside the contract's bounds. */
export function calculateTotals(input: TotalsInput): Totals {
  const rounding = input.rounding ?? 'floor';
  if (!roundingModes.includes(rounding)) throw new RangeError(`unknown rounding mode: ${String(rounding)}`);
  if (input.lines.length > maxLines) throw new RangeError(`more than ${maxLines} lines`);
  const sums = new Map<TaxRate, number>();
  const lines = input.lines.map((line) => {
    if (!taxRates.includes(line.taxRate)) throw new RangeError(`unknown tax rate: ${String(line.taxRate)}`);
    const amount = lineAmount(line.unitPrice, line.quantity, rounding);
    const signed = line.kind === 'discount' ? -amount : amount;
    sums.set(line.taxRate, (sums.get(line.taxRate) ?? 0) + signed);
    return { amount };
  });
  const subtotals: RateAmounts = {};
  const taxes: RateAmounts = {};
  let total = 0;
  for (const rate of taxRates) {
    const subtotal = sums.get(rate);
    if (subtotal === undefined) continue;
    const tax = taxOn(subtotal, rate, rounding);
    subtotals[`${rate}`] = subtotal;
    taxes[`${rate}`] = tax;
    total += subtotal + tax;
  }
  return { lines, subtotals, taxes, total };
}
