import { describe, expect, it } from 'vitest';
import { chooseUnitPrice, type PriceEntryCandidate } from './choose-unit-price.ts';

const entry = (
  overrides: Partial<PriceEntryCandidate> & Pick<PriceEntryCandidate, 'id'>,
): PriceEntryCandidate => ({
  target: 'customer',
  unitPriceSen: null,
  discountBasisPoints: null,
  effectiveFrom: '2026-04-01',
  effectiveTo: '2026-09-30',
  ...overrides,
});
const list = 298_000;

describe('the unit price a customer pays', () => {
  const special = entry({ id: 'special', unitPriceSen: 250_000 });

  it('is the special price from its first day to its last day, inclusive', () => {
    for (const date of ['2026-04-01', '2026-06-15', '2026-09-30'])
      expect(chooseUnitPrice({ listPriceSen: list, date, entries: [special] }), date).toEqual({
        unitPriceSen: 250_000,
        source: 'customer_price',
        priceListId: 'special',
      });
  });

  it('is the list price the day before the special price starts and the day after it ends', () => {
    for (const date of ['2026-03-31', '2026-10-01'])
      expect(chooseUnitPrice({ listPriceSen: list, date, entries: [special] }), date).toEqual({
        unitPriceSen: list,
        source: 'list',
      });
  });

  it('keeps an open-ended price in effect for ever after', () => {
    const open = entry({ id: 'open', unitPriceSen: 100, effectiveTo: null });
    expect(chooseUnitPrice({ listPriceSen: 150, date: '2099-12-31', entries: [open] }).unitPriceSen).toBe(
      100,
    );
  });

  it('prefers the special price over a discount, and the customer over its rank', () => {
    const discount = entry({ id: 'discount', discountBasisPoints: 1000 });
    const rankPrice = entry({ id: 'rank-price', target: 'rank', unitPriceSen: 200_000 });
    const rankDiscount = entry({ id: 'rank-discount', target: 'rank', discountBasisPoints: 500 });
    const all = [rankDiscount, rankPrice, discount, special];
    const on = (entries: PriceEntryCandidate[]) =>
      chooseUnitPrice({ listPriceSen: list, date: '2026-05-01', entries });
    expect(on(all).priceListId).toBe('special');
    expect(on([rankDiscount, rankPrice, discount])).toEqual({
      unitPriceSen: 268_200,
      source: 'discount',
      priceListId: 'discount',
    });
    expect(on([rankDiscount, rankPrice]).priceListId).toBe('rank-price');
    expect(on([rankDiscount])).toEqual({
      unitPriceSen: 283_100,
      source: 'discount',
      priceListId: 'rank-discount',
    });
  });

  it('takes a discount that starts the day a special price ended', () => {
    const discount = entry({
      id: 'later',
      discountBasisPoints: 1000,
      effectiveFrom: '2026-10-01',
      effectiveTo: null,
    });
    expect(
      chooseUnitPrice({ listPriceSen: list, date: '2026-09-30', entries: [special, discount] }).priceListId,
    ).toBe('special');
    expect(
      chooseUnitPrice({ listPriceSen: list, date: '2026-10-01', entries: [special, discount] }).priceListId,
    ).toBe('later');
  });
});
