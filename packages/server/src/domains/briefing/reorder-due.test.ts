import { describe, expect, it } from 'vitest';
import { type Purchase, reorderDue } from './reorder-due.ts';

const buy = (
  productCode: string,
  date: string,
  quantity = 1,
  orderId = `o-${productCode}-${date}`,
): Purchase => ({
  productCode,
  productName: productCode,
  unit: '個',
  orderId,
  date,
  quantity,
});

describe('reorderDue', () => {
  it('is due once the median interval has passed since the last purchase, not before', () => {
    const history = [buy('A', '2026-09-01', 10), buy('A', '2026-10-01', 12), buy('A', '2026-10-31', 10)];
    expect(reorderDue(history, '2026-11-29')).toEqual([]);
    const [due] = reorderDue(history, '2026-11-30');
    expect(due).toMatchObject({
      productCode: 'A',
      medianIntervalDays: 30,
      daysSinceLast: 30,
      usualQuantity: 10,
    });
    expect(due?.lastOrderId).toBe('o-A-2026-10-31');
  });

  it('uses the median, so one long gap does not hide a regular product', () => {
    const history = ['2026-01-05', '2026-02-04', '2026-07-01', '2026-07-31', '2026-08-30'].map((d) =>
      buy('B', d),
    );
    // intervals 30, 147, 30, 30 → median 30
    expect(reorderDue(history, '2026-09-29')[0]?.medianIntervalDays).toBe(30);
  });

  it('needs three purchase days, counts one day once, and puts the most overdue first', () => {
    const history = [
      buy('once', '2026-01-01'),
      buy('twice', '2026-01-01'),
      buy('twice', '2026-02-01'),
      buy('sameDay', '2026-03-01'),
      buy('sameDay', '2026-03-01', 2, 'other'),
      buy('sameDay', '2026-03-11'),
      buy('weekly', '2026-11-01'),
      buy('weekly', '2026-11-08'),
      buy('weekly', '2026-11-15'),
      buy('monthly', '2026-08-01'),
      buy('monthly', '2026-09-01'),
      buy('monthly', '2026-10-01'),
    ];
    const due = reorderDue(history, '2026-11-30');
    expect(due.map((d) => d.productCode)).toEqual(['weekly', 'monthly']);
  });
});
