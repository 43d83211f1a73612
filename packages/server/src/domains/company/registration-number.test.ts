import { describe, expect, it } from 'vitest';
import {
  corporateNumberCheckDigit,
  isValidCorporateNumber,
  normalizeRegistrationNumber,
  registrationNumberIssue,
} from './registration-number.ts';

describe('registration numbers', () => {
  it("accepts 国税庁's own published 法人番号 7000012050002 and others from the 公表サイト", () => {
    expect(isValidCorporateNumber('7000012050002')).toBe(true); // 国税庁
    expect(isValidCorporateNumber('4011001098993')).toBe(true);
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
  });

  it('refuses a 法人番号 with one digit changed', () => {
    expect(isValidCorporateNumber('7000012050003')).toBe(false);
    expect(isValidCorporateNumber('8000012050002')).toBe(false);
    expect(registrationNumberIssue('T7000012050012', 'corporation')).toBe('check_digit');
  });

  it('normalises full-width, lower-case and hyphenated input', () => {
    expect(normalizeRegistrationNumber('Ｔ７００００１２０５０００２')).toBe('T7000012050002');
    expect(normalizeRegistrationNumber('t7000-0120-50002')).toBe('T7000012050002');
    expect(normalizeRegistrationNumber(' ｔ 7000012050002 ')).toBe('T7000012050002');
  });

  it('checks only the form for a sole proprietor', () => {
    expect(registrationNumberIssue('T7000012050003', 'sole_proprietor')).toBeNull();
    expect(registrationNumberIssue('T700001205000', 'sole_proprietor')).toBe('format');
    expect(registrationNumberIssue('7000012050002', 'corporation')).toBe('format');
  });
});
