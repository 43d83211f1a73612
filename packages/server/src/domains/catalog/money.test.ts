import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedSen, formatSen, toBasisPointsOrNull, toSenOrNull } from './money.ts';

describe('unit prices as integer sen', () => {
  it('reads decimal yen from the database and from JSON numbers without float arithmetic', () => {
    expect(toSenOrNull('1.50')).toBe(150);
    expect(toSenOrNull('2980.00')).toBe(298_000);
    expect(toSenOrNull(1.5)).toBe(150);
    expect(toSenOrNull(0.29)).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
    expect(toSenOrNull(10_000_000)).toBe(1_000_000_000);
  });

  it('refuses more than two decimals, negatives, exponents and more than 10,000,000 yen', () => {
    for (const bad of ['1.005', '-1', '1e3', '', '.5', '1.', 'abc', '10000000.01'])
      expect(toSenOrNull(bad), bad).toBeNull();
    for (const bad of [1.005, -0.5, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 10_000_000.01])
      expect(toSenOrNull(bad), String(bad)).toBeNull();
  });

  it('writes the shortest decimal: 1.5, 2980, 12.05', () => {
    expect(formatSen(150)).toBe('1.5');
    expect(formatSen(298_000)).toBe('2980');
    expect(formatSen(1205)).toBe('12.05');
    expect(formatSen(5)).toBe('0.05');
    expect(formatSen(0)).toBe('0');
  });

  it('round-trips every price of 0..10,000,000 yen in sen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (sen) => {
        expect(toSenOrNull(formatSen(sen))).toBe(sen);
        expect(toSenOrNull(Number(formatSen(sen)))).toBe(sen);
      }),
    );
  });

  it('takes a discount off the list price, rounded down to the sen', () => {
    expect(discountedSen(298_000, toBasisPointsOrNull('5') as number)).toBe(283_100);
    expect(discountedSen(150, toBasisPointsOrNull(5) as number)).toBe(142); // 1.425円 → 1.42円
    expect(discountedSen(150, toBasisPointsOrNull('100') as number)).toBe(0);
    expect(toBasisPointsOrNull('0')).toBeNull();
    expect(toBasisPointsOrNull('100.01')).toBeNull();
    expect(toBasisPointsOrNull('12.5')).toBe(1250);
  });
});
