import type { z } from '@hono/zod-openapi';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { computeKpis, emptyFigures, TOTAL } from './compute-kpis.ts';
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
  return transaction(actor, async (tx) => {
    const scope = await resolveKpiScope(tx, actor, query);
    const figuresOf = async (period: typeof current, withOverdue = false) =>
      (await computeKpis({ tx, tenantId: actor.tenantId, scope, period, withOverdue })).get(TOTAL) ??
      emptyFigures();
    return {
      scope: { scope: scope.scope, scopeId: scope.scopeId, label: scope.label },
      periods: { current, previous, lastYear },
      figures: {
        current: await figuresOf(current, true),
        previous: query.compare === 'last_year' ? null : await figuresOf(previous),
        lastYear: query.compare === 'previous' ? null : await figuresOf(lastYear),
      },
    };
  });
}
