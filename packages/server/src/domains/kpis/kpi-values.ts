/**
 * The KPI domain's fixed value lists. Pure data that imports nothing, so the web app can use it
 * through `@kayoi/server/contracts`.
 */

export const kpiScopes = ['tenant', 'team', 'rep', 'area', 'rank'] as const;
export type KpiScope = (typeof kpiScopes)[number];

export const kpiCompares = ['previous', 'last_year'] as const;
export const kpiGrains = ['week', 'month'] as const;

/** The numbers a drill-down opens (GET /api/kpis/{kpi}/records). */
export const kpiRecordKinds = [
  'ordersWon',
  'activeCustomers',
  'revenuePerCustomer',
  'retention',
  'repeat',
  'formsCollected',
  'satisfaction',
  'visitsDone',
  'overdueCustomers',
] as const;
export type KpiRecordKind = (typeof kpiRecordKinds)[number];

/** Longest period of GET /api/kpis and by-rep (days), and of a trend. */
export const MAX_PERIOD_DAYS = 366;
export const MAX_TREND_DAYS = 731;
/** A customer counts as active when it ordered in this many days before a moment. */
export const ACTIVE_WINDOW_DAYS = 90;
