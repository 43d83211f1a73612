/** The month the load is counted over, in days: visits/month = MONTH_DAYS / cadence days. */
export const MONTH_DAYS = 30;

/**
 * Visits a day when a rep's working profile names no maximum (staff_profiles.max_visits_per_day
 * null): the planner's usual full day of route sales.
 */
export const DEFAULT_VISITS_PER_DAY = 8;

/** Visits a month a set of customers asks for by their cadence, to one decimal. */
export function visitsPerMonth(cadenceDays: readonly number[]): number {
  const total = cadenceDays.reduce((sum, days) => sum + MONTH_DAYS / Math.max(1, days), 0);
  return Math.round(total * 10) / 10;
}

export interface RepLoadOptions {
  /** The cadence of every customer the rep has now. */
  currentCadences: readonly number[];
  /** The cadence of every customer the rep gets (positive) … */
  addedCadences: readonly number[];
  /** … and gives away. */
  removedCadences: readonly number[];
  /** The rep's working days in the next MONTH_DAYS days. */
  workingDays: number;
  maxVisitsPerDay: number | null;
}

/**
 * A rep's cadence load against their capacity, before and after a handover. Capacity = working
 * days × visits a day (the working profile's maximum, else DEFAULT_VISITS_PER_DAY).
 *
 * @example
 * repLoad({ currentCadences: [14, 28], addedCadences: [7], removedCadences: [], workingDays: 20, maxVisitsPerDay: null });
 * // { before: 3.2, after: 7.5, capacity: 160, … }
 */
export function repLoad(options: RepLoadOptions) {
  const perDay = options.maxVisitsPerDay ?? DEFAULT_VISITS_PER_DAY;
  const before = visitsPerMonth(options.currentCadences);
  const change = visitsPerMonth(options.addedCadences) - visitsPerMonth(options.removedCadences);
  const after = Math.round((before + change) * 10) / 10;
  const capacity = options.workingDays * perDay;
  return {
    customersBefore: options.currentCadences.length,
    customersAfter:
      options.currentCadences.length + options.addedCadences.length - options.removedCadences.length,
    visitsPerMonthBefore: before,
    visitsPerMonthAfter: after,
    capacityPerMonth: capacity,
    visitsPerDay: perDay,
    workingDays: options.workingDays,
    overCapacity: after > capacity,
  };
}

/** The first date both reps work, from their working dates (sorted ascending), or null. */
export function firstCommonDate(a: readonly string[], b: readonly string[]): string | null {
  const other = new Set(b);
  return a.find((d) => other.has(d)) ?? null;
}
