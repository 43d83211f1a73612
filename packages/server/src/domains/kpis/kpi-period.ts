import { addDays } from '../planning/working-days.ts';

/** A period `[from, to)` of civil dates in Asia/Tokyo. */
export interface KpiPeriod {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** Days in `[from, to)`. */
export const periodDays = ({ from, to }: KpiPeriod): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The same length just before: `[from − n, from)`. */
export const previousPeriod = (period: KpiPeriod): KpiPeriod => ({
  from: addDays(period.from, -periodDays(period)),
  to: period.from,
});

/** A civil date one calendar year earlier (29 February → 28 February). */
export function yearEarlier(date: string): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const day = m === '02' && d === '29' ? '28' : d;
  return `${String(Number(y) - 1).padStart(4, '0')}-${m}-${day}`;
}

/** The same period a year earlier. */
export const lastYearPeriod = (period: KpiPeriod): KpiPeriod => ({
  from: yearEarlier(period.from),
  to: yearEarlier(period.to),
});

/** Midnight of a Tokyo civil date as an instant (JST has no daylight saving). */
export const tokyoMidnight = (date: string): string => `${date}T00:00:00+09:00`;

/** The month holding `date`: `[first, first of next)`. */
export function monthOf(date: string): KpiPeriod {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${date.slice(0, 7)}-01`, to: next };
}

/**
 * The period cut into ISO weeks (starting Monday) or calendar months, the first and last
 * bucket clipped to the period.
 *
 * @example
 * trendBuckets({ from: '2025-04-09', to: '2025-06-01' }, 'month');
 * // [{from:'2025-04-09',to:'2025-05-01'}, {from:'2025-05-01',to:'2025-06-01'}]
 */
export function trendBuckets(period: KpiPeriod, grain: 'week' | 'month'): KpiPeriod[] {
  const buckets: KpiPeriod[] = [];
  let start = period.from;
  while (start < period.to) {
    let end: string;
    if (grain === 'month') end = monthOf(start).to;
    else {
      const weekday = new Date(`${start}T00:00:00Z`).getUTCDay();
      end = addDays(start, weekday === 0 ? 1 : 8 - weekday);
    }
    if (end > period.to) end = period.to;
    buckets.push({ from: start, to: end });
    start = end;
  }
  return buckets;
}
