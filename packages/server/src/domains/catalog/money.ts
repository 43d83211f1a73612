/**
 * Unit prices as integer sen (hundredths of a yen). The database keeps numeric(14,2) and hands it
 * over as a decimal string; the API takes a JSON number with at most two decimals. Both become
 * integer sen at once, by reading the digits, never by multiplying a float.
 */

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** The largest unit price in sen (10,000,000 yen). */
export const MAX_UNIT_PRICE_SEN = 1_000_000_000;

/**
 * A decimal yen amount (`'1.5'`, `'2980.00'`, `12800`, `1.5`) as integer sen, or null when it is
 * not one: negative, more than two decimals, exponent notation, not finite, above 10,000,000 yen.
 * A JSON number is read through its shortest decimal spelling (1.5 → '1.5'; 0.1 + 0.2 →
 * '0.30000000000000004', refused).
 *
 * @example
 * toSenOrNull('1.5') // 150
 * toSenOrNull(2980) // 298000
 * toSenOrNull(1.005) // null
 */
export function toSenOrNull(value: string | number): number | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const sen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return sen <= MAX_UNIT_PRICE_SEN ? sen : null;
}

/** Like {@link toSenOrNull} for values the database holds (numeric(14,2)): throws on anything else. */
export function senOf(value: string): number {
  const sen = toSenOrNull(value);
  if (sen === null) throw new Error(`not a stored unit price: ${value}`);
  return sen;
}

/**
 * Sen as the shortest decimal yen string: 150 → '1.5', 298000 → '2980', 1205 → '12.05'.
 *
 * @example
 * formatSen(150) // '1.5'
 */
export function formatSen(sen: number): string {
  const yen = Math.trunc(sen / 100);
  const rest = sen % 100;
  if (rest === 0) return String(yen);
  return `${yen}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** Sen as the JSON number the API answers with (exact: at most two decimals). */
export const senToNumber = (sen: number): number => Number(formatSen(sen));

/**
 * A discount percent (`'5'`, `'12.5'`, at most two decimals, 0 < p ≤ 100) as basis points
 * (hundredths of a percent), or null when it is not one.
 */
export function toBasisPointsOrNull(value: string | number): number | null {
  const bp = toSenOrNull(value);
  return bp !== null && bp > 0 && bp <= 10_000 ? bp : null;
}

/**
 * The list price less a discount, rounded down to the sen (the customer never pays a fraction
 * more than the percent says): 2980円 less 5% = 2831円; 1.5円 less 5% = 1.42円.
 */
export function discountedSen(listSen: number, basisPoints: number): number {
  return Math.floor((listSen * (10_000 - basisPoints)) / 10_000);
}
