import type {
  KpiByRep,
  KpiRecordKind,
  KpiRecordPage,
  KpiReport,
  KpiScopeChoices,
  KpiTrend,
} from '@kayoi/server/contracts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';

/** What every KPI request names: the period and the scope. */
export interface KpiSelection {
  from: string;
  to: string;
  scope?: string | undefined;
  scopeId?: string | undefined;
}

const query = (selection: KpiSelection, extra: Record<string, string | number | undefined> = {}) =>
  buildQuery({
    from: selection.from,
    to: selection.to,
    scope: selection.scope,
    scopeId: selection.scopeId,
    ...extra,
  });

export const getKpis = (selection: KpiSelection, signal?: AbortSignal) =>
  apiFetch<KpiReport>(`/api/kpis${query(selection)}`, { signal });

export const getKpiTrend = (selection: KpiSelection, grain: 'week' | 'month', signal?: AbortSignal) =>
  apiFetch<KpiTrend>(`/api/kpis/trend${query(selection, { grain })}`, { signal });

export const getKpisByRep = (selection: KpiSelection, signal?: AbortSignal) =>
  apiFetch<KpiByRep>(`/api/kpis/by-rep${query(selection)}`, { signal });

export const getKpiScopes = (signal?: AbortSignal) =>
  apiFetch<KpiScopeChoices>('/api/kpis/scopes', { signal });

export const getKpiRecords = (
  kpi: KpiRecordKind,
  selection: KpiSelection,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  apiFetch<KpiRecordPage>(`/api/kpis/${kpi}/records${query(selection, { cursor, limit: 50 })}`, { signal });

/** The CSV download's address (a plain link: the browser sends the session cookie). */
export const kpiCsvUrl = (selection: KpiSelection) => `/api/kpis/export.csv${query(selection)}`;

export const kpiKeys = {
  all: ['kpis'] as const,
  report: (s: KpiSelection) => ['kpis', 'report', s] as const,
  trend: (s: KpiSelection, grain: string) => ['kpis', 'trend', s, grain] as const,
  byRep: (s: KpiSelection) => ['kpis', 'by-rep', s] as const,
  scopes: ['kpis', 'scopes'] as const,
  records: (kpi: string, s: KpiSelection) => ['kpis', 'records', kpi, s] as const,
};
