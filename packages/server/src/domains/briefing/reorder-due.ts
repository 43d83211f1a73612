import { daysBetween } from '../complaints/due-date.ts';
import { median } from './median.ts';

/** One purchase of a product: its order's civil date (Asia/Tokyo), order id and quantity. */
export interface Purchase {
  productCode: string;
  productName: string;
  unit: string;
  orderId: string;
  date: string;
  quantity: number;
}

export interface ReorderDue {
  productCode: string;
  productName: string;
  unit: string;
  lastOrderedDate: string;
  lastOrderId: string;
  medianIntervalDays: number;
  daysSinceLast: number;
  usualQuantity: number;
}

/** Purchases on distinct days needed before an interval is trusted (two intervals). */
export const MIN_PURCHASES = 3;

/**
 * Products whose usual interval has passed: for each product bought on at least
 * {@link MIN_PURCHASES} distinct days, the median of the days between consecutive purchases;
 * due when the days since the last purchase reach it. Most overdue (relative to its interval)
 * first.
 *
 * @example
 * // bought 2026-09-01, 10-01, 10-31 (intervals 30, 30): due on 2026-11-30
 */
export function reorderDue(purchases: readonly Purchase[], today: string): ReorderDue[] {
  const byProduct = new Map<string, Purchase[]>();
  for (const p of purchases) byProduct.set(p.productCode, [...(byProduct.get(p.productCode) ?? []), p]);
  const due: ReorderDue[] = [];
  for (const list of byProduct.values()) {
    const byDay = new Map<string, Purchase>();
    for (const p of [...list].sort((a, b) => a.date.localeCompare(b.date))) byDay.set(p.date, p);
    const days = [...byDay.keys()];
    if (days.length < MIN_PURCHASES) continue;
    const intervals = days.slice(1).map((d, i) => daysBetween(days[i] as string, d));
    const interval = Math.round(median(intervals));
    const last = byDay.get(days[days.length - 1] as string) as Purchase;
    const since = daysBetween(last.date, today);
    if (interval <= 0 || since < interval) continue;
    due.push({
      productCode: last.productCode,
      productName: last.productName,
      unit: last.unit,
      lastOrderedDate: last.date,
      lastOrderId: last.orderId,
      medianIntervalDays: interval,
      daysSinceLast: since,
      usualQuantity: Math.round(median(list.map((p) => p.quantity))),
    });
  }
  return due.sort(
    (a, b) =>
      b.daysSinceLast / b.medianIntervalDays - a.daysSinceLast / a.medianIntervalDays ||
      a.productCode.localeCompare(b.productCode),
  );
}
