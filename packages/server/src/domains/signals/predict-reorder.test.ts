import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../planning/working-days.ts';
import {
  type ProductHistory,
  predictReorders,
  REORDER_MODEL,
  typicalIntervals,
  usualInterval,
} from './predict-reorder.ts';

const buildHistory = (patch: Partial<ProductHistory> & { dates: string[] }): ProductHistory => ({
  productId: 'p-toner',
  productCode: 'T-01',
  productName: 'トナーB',
  unit: '本',
  quantities: patch.dates.map(() => 2),
  lastOrderId: 'o-last',
  ...patch,
});

/** Order days every `gaps[i]` days from 2026-01-05. */
const daysFrom = (gaps: readonly number[], start = '2026-01-05') => {
  const out = [start];
  for (const g of gaps) out.push(addDays(out[out.length - 1] as string, g));
  return out;
};

describe('usualInterval', () => {
  it('is the median of the intervals, so one long gap does not move it', () => {
    expect(usualInterval(daysFrom([30, 147, 30, 30]))).toEqual({ days: 30, basis: 'own' });
  });

  it('needs three order days on its own, two when the product’s typical interval fills in', () => {
    expect(usualInterval(daysFrom([30]))).toBeNull();
    // (1 × 30 + 1 × 40) / 2
    expect(usualInterval(daysFrom([30]), 40)).toEqual({ days: 35, basis: 'blended' });
    expect(usualInterval(['2026-01-05'], 40)).toBeNull();
  });

  it('weighs the customer’s own rhythm more the longer its history', () => {
    // 4 intervals of 20 and a typical 60: (4 × 20 + 1 × 60) / 5 = 28
    expect(usualInterval(daysFrom([20, 20, 20, 20]), 60)?.days).toBe(28);
  });

  it('reads only the latest intervals: a customer who now orders monthly is monthly', () => {
    const weeklyThenMonthly = daysFrom([...Array(10).fill(7), ...Array(12).fill(30)]);
    expect(usualInterval(weeklyThenMonthly)?.days).toBe(30);
  });

  it('stays between the smallest and largest interval and the typical one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 30 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
        (gaps, typical) => {
          const result = usualInterval(daysFrom(gaps), typical);
          if (typical === undefined && gaps.length < 2) {
            expect(result).toBeNull();
            return;
          }
          const considered = [...gaps.slice(-REORDER_MODEL.recentIntervals), ...(typical ? [typical] : [])];
          expect(result).not.toBeNull();
          expect(result?.days).toBeGreaterThanOrEqual(Math.min(...considered));
          expect(result?.days).toBeLessThanOrEqual(Math.max(...considered));
        },
      ),
    );
  });
});

describe('predictReorders', () => {
  const monthly = buildHistory({
    dates: ['2026-09-01', '2026-10-01', '2026-10-31'],
    quantities: [10, 12, 10],
  });

  it('expects the next order one interval after the last and calls it due a week ahead', () => {
    expect(predictReorders({ histories: [monthly], today: '2026-11-22' })[0]).toMatchObject({
      expectedDate: '2026-11-30',
      daysUntil: 8,
      due: false,
    });
    expect(predictReorders({ histories: [monthly], today: '2026-11-23' })[0]).toMatchObject({
      intervalDays: 30,
      expectedDate: '2026-11-30',
      daysUntil: 7,
      due: true,
      usualQuantity: 10,
      lastOrderId: 'o-last',
    });
  });

  it('leaves out a product the customer stopped buying (four intervals without an order)', () => {
    expect(predictReorders({ histories: [monthly], today: addDays('2026-10-31', 120) })).toHaveLength(1);
    expect(predictReorders({ histories: [monthly], today: addDays('2026-10-31', 121) })).toEqual([]);
  });

  it('puts the most overdue relative to its interval first', () => {
    const weekly = buildHistory({
      productId: 'p-coffee',
      productCode: 'C-01',
      dates: daysFrom([7, 7, 7], '2026-11-16'),
    });
    // monthly: 20 days past a 30-day interval (0.67); weekly, last 12-07: 6 past 7 (0.86)
    const order = predictReorders({ histories: [monthly, weekly], today: '2026-12-20' }).map(
      (p) => p.productCode,
    );
    expect(order).toEqual(['C-01', 'T-01']);
  });

  it('uses the product’s typical interval for a customer with two order days only', () => {
    const short = buildHistory({ dates: ['2026-10-01', '2026-10-31'] });
    expect(predictReorders({ histories: [short], today: '2026-11-20' })).toEqual([]);
    const [p] = predictReorders({
      histories: [short],
      today: '2026-11-20',
      typical: new Map([['p-toner', 20]]),
    });
    expect(p).toMatchObject({ basis: 'blended', intervalDays: 25, expectedDate: '2026-11-25', due: true });
  });
});

describe('typicalIntervals', () => {
  it('is the median of the customers’ own intervals, ignoring customers with too short a history', () => {
    const typical = typicalIntervals([
      buildHistory({ dates: daysFrom([10, 10]) }),
      buildHistory({ dates: daysFrom([30, 30]) }),
      buildHistory({ dates: daysFrom([14, 14, 14]) }),
      buildHistory({ dates: daysFrom([90]) }),
    ]);
    expect(typical.get('p-toner')).toBe(14);
  });
});
