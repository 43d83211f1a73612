export interface VisitCombinationsOptions {
  /** Horizon days on which the customer may be visited (its allowed weekdays, working days), as day indexes. */
  allowedDays: readonly number[];
  /**
   * Calendar day number of each horizon day (horizon day k falls on calendar day
   * `calendarDays[k]`), so cadence counts calendar days across weekends and holidays.
   * Default: horizon day k is calendar day k.
   */
  calendarDays?: readonly number[];
  /** Days between visits, and how far either way a visit may drift. */
  cadenceDays: number;
  toleranceDays: number;
  /** Calendar day number of the last visit before the horizon (same origin as calendarDays). */
  lastVisitDay?: number;
  /** At most this many combinations, the earliest first (default 64). */
  maxCombinations?: number;
}

/**
 * The visit-day combinations of a customer seen every `cadenceDays` ± `toleranceDays`: the
 * first visit falls due after the last one (or, when that date is past or unknown, anywhere
 * from the start of the horizon until a cadence plus the tolerance), each next visit follows
 * the previous by cadence ± tolerance, and the last one leaves nothing due before the horizon
 * ends. Only combinations with at least one visit are listed (a customer that may wait past
 * the horizon still gets them: leave it out of the problem if it need not be seen). Empty when
 * no allowed day fits.
 *
 * @example
 * // Horizon Mon..Fri of one week (calendar days 0..4), weekly customer last seen on day -7:
 * visitCombinations({ allowedDays: [0, 2, 4], cadenceDays: 7, toleranceDays: 2, lastVisitDay: -7 });
 * // [[0], [2]]: day 4 would be 11 days after the last visit
 */
export function visitCombinations(options: VisitCombinationsOptions): number[][] {
  const calendar = (k: number) => options.calendarDays?.[k] ?? k;
  const allowed = [...new Set(options.allowedDays)].sort((a, b) => calendar(a) - calendar(b));
  const dayCount = options.calendarDays?.length ?? Math.max(0, ...options.allowedDays.map((d) => d + 1));
  if (dayCount === 0) return [];
  const start = calendar(0);
  const end = calendar(dayCount - 1);
  const low = options.cadenceDays - options.toleranceDays;
  const high = options.cadenceDays + options.toleranceDays;
  const limit = options.maxCombinations ?? 64;
  let firstFrom = start;
  let firstTo = start + high;
  if (options.lastVisitDay !== undefined) {
    firstFrom = Math.max(start, options.lastVisitDay + low);
    firstTo = options.lastVisitDay + high;
    // Overdue: as soon as possible, within the tolerance.
    if (firstTo < start) firstTo = start + options.toleranceDays;
  }
  const out: number[][] = [];
  const walk = (picked: number[], from: number, to: number) => {
    // Complete when the next visit may fall after the horizon.
    if (picked.length > 0 && to > end) out.push([...picked]);
    for (const day of allowed) {
      if (out.length >= limit) return;
      const at = calendar(day);
      if (at < from || at > to) continue;
      picked.push(day);
      walk(picked, at + low, at + high);
      picked.pop();
    }
  };
  walk([], firstFrom, firstTo);
  return out;
}
