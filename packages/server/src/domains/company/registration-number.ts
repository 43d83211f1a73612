/**
 * 適格請求書発行事業者登録番号: `T` + 13 digits. For a corporation (法人) the digits are its
 * 法人番号, whose first digit checks the other twelve (法人番号の指定等に関する省令 第二条):
 * check = 9 − (Σ Pn × Qn mod 9), Pn the n-th digit of the 12-digit base counted from its last
 * digit, Qn = 1 for odd n and 2 for even n. A sole proprietor's digits are not a 法人番号: only
 * the form is checked.
 */
import type { EntityType } from './company-values.ts';

export type RegistrationNumberIssue = 'format' | 'check_digit';

/**
 * The stored form of what a user typed: full-width characters made half-width, lower case made
 * upper, spaces and hyphens dropped (`ｔ７０００-０１２０-５０００２` → `T7000012050002`).
 */
export function normalizeRegistrationNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑–—−ー]/g, '');
}

/** The 法人番号 check digit (1–9) of a 12-digit base number. */
export function corporateNumberCheckDigit(base: string): number {
  if (!/^[0-9]{12}$/.test(base)) throw new Error(`not a 12-digit base number: ${base}`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

/** True when the 13 digits are a 法人番号 whose check digit is right. */
export function isValidCorporateNumber(digits: string): boolean {
  return /^[1-9][0-9]{12}$/.test(digits) && corporateNumberCheckDigit(digits.slice(1)) === Number(digits[0]);
}

/**
 * Checks a normalised registration number for the entity type: the issue, or null when fine.
 *
 * @example
 * registrationNumberIssue('T7000012050002', 'corporation') // null (国税庁)
 * registrationNumberIssue('T7000012050003', 'corporation') // 'check_digit'
 */
export function registrationNumberIssue(
  normalized: string,
  entityType: EntityType,
): RegistrationNumberIssue | null {
  if (!/^T[0-9]{13}$/.test(normalized)) return 'format';
  if (entityType === 'corporation' && !isValidCorporateNumber(normalized.slice(1))) return 'check_digit';
  return null;
}
