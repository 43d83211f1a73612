import { median } from '../briefing/median.ts';
import { daysBetween } from '../complaints/due-date.ts';
import { addDays } from '../planning/working-days.ts';

/** A customer's purchases of one product: distinct civil order days (Asia/Tokyo), oldest first. */
export interface ProductHistory {
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  /** Distinct order days, ascending (`YYYY-MM-DD`). */
  dates: readonly string[];
  /** Quantity bought on each of `dates` (same length). */
  quantities: readonly number[];
  /** The order of the last day. */
  lastOrderId: string;
}

export interface ReorderModel {
  minOwnOrders: number;
  minBlendedOrders: number;
  priorWeight: number;
  recentIntervals: number;
  dueWithinDays: number;
  lapsedAfterIntervals: number;
}

/** The model's settings, shared by the API, the planner feed and `bench:signals`. */
export const REORDER_MODEL: Readonly<ReorderModel> = {
  /** Order days needed for the customer's own median interval (two intervals). */
  minOwnOrders: 3,
  /** Order days needed when the product's typical interval fills in (one interval). */
  minBlendedOrders: 2,
  /** How many intervals the product's typical interval counts as in the blend. */
  priorWeight: 1,
  /** Only the customer's latest intervals count: the rhythm of the last year, not of three years ago. */
  recentIntervals: 12,
  /** "Due" = the expected date is at most this many days ahead (or past). */
  dueWithinDays: 7,
  /** Past this many intervals without an order the customer has stopped buying it: not a reorder. */
  lapsedAfterIntervals: 4,
};

export type IntervalBasis = 'own' | 'blended';

/**
 * The usual days between orders from a sorted list of distinct order days: the median of the
 * latest {@link REORDER_MODEL.recentIntervals} intervals, blended with the product's typical
 * interval (weight {@link REORDER_MODEL.priorWeight}) when one is given:
 * `(n × ownMedian + w × typical) / (n + w)`. Null when the history is too short.
 *
 * @example
 * usualInterval(['2026-09-01', '2026-10-01', '2026-10-31']) // { days: 30, basis: 'own' }
 * usualInterval(['2026-09-01', '2026-10-01'], 40)           // { days: 35, basis: 'blended' }
 */
export function usualInterval(
  dates: readonly string[],
  typicalDays?: number,
  model: Readonly<ReorderModel> = REORDER_MODEL,
): { days: number; basis: IntervalBasis } | null {
  const hasTypical = typicalDays !== undefined && Number.isFinite(typicalDays) && typicalDays > 0;
  if (dates.length < (hasTypical ? model.minBlendedOrders : model.minOwnOrders)) return null;
  const intervals = dates
    .slice(1)
    .map((d, i) => daysBetween(dates[i] as string, d))
    .slice(-model.recentIntervals);
  const own = median(intervals);
  if (!hasTypical) return own > 0 ? { days: Math.round(own), basis: 'own' } : null;
  const n = intervals.length;
  const w = model.priorWeight;
  const days = Math.round((n * own + w * (typicalDays as number)) / (n + w));
  return days > 0 ? { days, basis: 'blended' } : null;
}

export interface ReorderPrediction {
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  /** Distinct order days the interval was read from. */
  orderCount: number;
  intervalDays: number;
  basis: IntervalBasis;
  lastOrderedDate: string;
  lastOrderId: string;
  /** Last order day + interval. */
  expectedDate: string;
  /** expectedDate − today: negative when overdue. */
  daysUntil: number;
  daysSinceLast: number;
  due: boolean;
  /** Median quantity of the latest orders. */
  usualQuantity: number;
}

export interface PredictReordersOptions {
  histories: readonly ProductHistory[];
  today: string;
  /** Product id → its typical interval across customers (see {@link typicalIntervals}). */
  typical?: ReadonlyMap<string, number>;
  model?: Readonly<ReorderModel>;
}

/**
 * The next order date of each product a customer buys regularly, most urgent first
 * (overdue relative to the interval). Products the customer stopped buying
 * ({@link REORDER_MODEL.lapsedAfterIntervals} intervals without an order) are left out.
 */
export function predictReorders({
  histories,
  today,
  typical,
  model = REORDER_MODEL,
}: PredictReordersOptions): ReorderPrediction[] {
  const out: ReorderPrediction[] = [];
  for (const h of histories) {
    const interval = usualInterval(h.dates, typical?.get(h.productId), model);
    if (!interval) continue;
    const last = h.dates[h.dates.length - 1] as string;
    const daysSinceLast = daysBetween(last, today);
    if (daysSinceLast > interval.days * model.lapsedAfterIntervals) continue;
    const daysUntil = interval.days - daysSinceLast;
    out.push({
      productId: h.productId,
      productCode: h.productCode,
      productName: h.productName,
      unit: h.unit,
      orderCount: h.dates.length,
      intervalDays: interval.days,
      basis: interval.basis,
      lastOrderedDate: last,
      lastOrderId: h.lastOrderId,
      expectedDate: addDays(last, interval.days),
      daysUntil,
      daysSinceLast,
      due: daysUntil <= model.dueWithinDays,
      usualQuantity: Math.max(1, Math.round(median(h.quantities.slice(-model.recentIntervals)))),
    });
  }
  return out.sort(
    (a, b) =>
      a.daysUntil / a.intervalDays - b.daysUntil / b.intervalDays ||
      a.productCode.localeCompare(b.productCode),
  );
}

/**
 * Each product's typical interval across customers: the median of the customers' own median
 * intervals, over customers with at least {@link REORDER_MODEL.minOwnOrders} order days of it.
 */
export function typicalIntervals(
  histories: Iterable<ProductHistory>,
  model: Readonly<ReorderModel> = REORDER_MODEL,
): Map<string, number> {
  const perProduct = new Map<string, number[]>();
  for (const h of histories) {
    const own = usualInterval(h.dates, undefined, model);
    if (!own) continue;
    const list = perProduct.get(h.productId);
    if (list) list.push(own.days);
    else perProduct.set(h.productId, [own.days]);
  }
  return new Map([...perProduct].map(([id, days]) => [id, median(days)]));
}
