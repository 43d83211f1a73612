/** The dashboard's state in the URL: period preset (or from/to), scope and trend grain. */
export const periodPresets = ['mtd', 'lastMonth', 'last3m', 'fy', 'last12m'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface DashboardSearch {
  period: PeriodPreset | 'custom';
  from?: string;
  to?: string;
  scope?: string;
  scopeId?: string;
  grain: 'week' | 'month';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown, max = 100) =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/** Reads the URL's search into a valid state (anything unknown falls back to the defaults). */
export function parseDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const from = text(search.from, 10);
  const to = text(search.to, 10);
  const custom = from && to && DATE.test(from) && DATE.test(to) && from < to;
  const period = (periodPresets as readonly string[]).includes(String(search.period))
    ? (search.period as PeriodPreset)
    : 'lastMonth';
  const scope = text(search.scope, 10);
  const scopeId = text(search.scopeId);
  return {
    period: custom ? 'custom' : period,
    ...(custom && { from, to }),
    ...(scope && { scope }),
    ...(scopeId && { scopeId }),
    grain: search.grain === 'week' ? 'week' : 'month',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const civil = (y: number, m: number, d = 1) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};
const nextDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return civil(y, m, d + 1);
};

/**
 * The `[from, to)` of a preset on `today` (a Tokyo civil date). Periods to date end tomorrow
 * (today included), so the previous period compared is just as long.
 *
 * @example
 * presetPeriod('lastMonth', '2026-12-02'); // { from: '2026-11-01', to: '2026-12-01' }
 */
export function presetPeriod(preset: PeriodPreset, today: string, fiscalStartMonth = 4) {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'mtd':
      return { from: civil(y, m), to: nextDay(today) };
    case 'lastMonth':
      return { from: civil(y, m - 1), to: civil(y, m) };
    case 'last3m':
      return { from: civil(y, m - 3), to: civil(y, m) };
    case 'fy': {
      const startYear = m >= fiscalStartMonth ? y : y - 1;
      return { from: civil(startYear, fiscalStartMonth), to: nextDay(today) };
    }
    case 'last12m':
      return { from: civil(y, m - 12), to: civil(y, m) };
  }
}

/** The trend's range: 12 months (monthly) or 13 weeks (weekly) ending with the period. */
export function trendRange(to: string, grain: 'week' | 'month') {
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  if (grain === 'week') {
    // Back to a Monday, 13 weeks before the period's end.
    const end = new Date(Date.UTC(y, m - 1, d));
    const start = new Date(end.getTime() - 91 * 86_400_000);
    const monday = new Date(start.getTime() - ((start.getUTCDay() + 6) % 7) * 86_400_000);
    return { from: monday.toISOString().slice(0, 10), to };
  }
  return { from: civil(y, d === 1 ? m - 12 : m - 11), to };
}
