import type { z } from '@hono/zod-openapi';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { computeKpisForPeriods, emptyFigures, TOTAL } from './compute-kpis.ts';
import { lastYearPeriod, previousPeriod } from './kpi-period.ts';
import type { KpiQuery, KpiReport } from './kpi-schemas.ts';
import { resolveKpiScope } from './kpi-scope.ts';
import { type KpiTransaction, tenantTransaction } from './kpi-transaction.ts';
import { resolvePeriod } from './resolve-period.ts';

export interface GetKpisOptions {
  db: Db;
  actor: Actor;
  query: z.output<typeof KpiQuery>;
  /** Default: withTenant (the caller's row-level security). */
  transaction?: KpiTransaction;
}

/**
 * The KPIs of a scope and period (docs/kpi.md) with the previous period's and the same period
 * last year's (only the one `compare` names, when given). 404 for a scope the caller may not see.
 */
export async function getKpis({
  db,
  actor,
  query,
  transaction = tenantTransaction(db),
}: GetKpisOptions): Promise<z.output<typeof KpiReport>> {
  const current = resolvePeriod(query);
  const previous = previousPeriod(current);
  const lastYear = lastYearPeriod(current);
  const scope = await transaction(actor, (tx) => resolveKpiScope(tx, actor, query));
  // The period and its comparisons in one pass per KPI family (overdue for the period only).
  const wanted = [
    current,
    ...(query.compare === 'last_year' ? [] : [previous]),
    ...(query.compare === 'previous' ? [] : [lastYear]),
  ];
  const figures = (
    await computeKpisForPeriods({
      run: (fn) => transaction(actor, fn),
      tenantId: actor.tenantId,
      scope,
      periods: wanted,
      withOverdue: true,
    })
  ).map((byKey) => byKey.get(TOTAL) ?? emptyFigures());
  const of = (period: typeof current) => figures[wanted.indexOf(period)] ?? null;
  return {
    scope: { scope: scope.scope, scopeId: scope.scopeId, label: scope.label },
    periods: { current, previous, lastYear },
    figures: {
      current: figures[0] ?? emptyFigures(),
      previous: of(previous),
      lastYear: of(lastYear),
    },
  };
}
