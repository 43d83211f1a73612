import type { z } from '@hono/zod-openapi';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { todayIn } from '../planning/working-days.ts';
import type { AtRiskPage, AtRiskQuery } from './health-schemas.ts';
import { HEALTH_AT_RISK_BELOW, HEALTH_WATCH_BELOW } from './health-values.ts';
import { type HealthFilter, loadCustomerHealth } from './load-customer-health.ts';

export interface ListAtRiskCustomersOptions {
  db: Db;
  actor: Actor;
  query: z.infer<typeof AtRiskQuery>;
  /** The day health is counted to (default: today in Asia/Tokyo). */
  asOfDate?: string;
}

/**
 * The customers whose health is below the band (watch: < 70 by default; at_risk: < 40), the
 * least healthy first (then by name), a bounded page. A rep sees their own book only, a manager
 * their team's (whatever the filter asks, and row-level security again); the admin the company.
 */
export async function listAtRiskCustomers({
  db,
  actor,
  query,
  asOfDate = todayIn(),
}: ListAtRiskCustomersOptions): Promise<z.infer<typeof AtRiskPage>> {
  const filter: HealthFilter = { repId: query.repId, teamId: query.teamId, areaId: query.areaId };
  if (actor.role === 'rep') {
    if (query.repId !== undefined && query.repId !== actor.userId) return empty(asOfDate);
    filter.repId = actor.userId;
  }
  if (actor.role === 'manager') {
    if (!actor.teamId || (query.teamId !== undefined && query.teamId !== actor.teamId))
      return empty(asOfDate);
    filter.teamId = actor.teamId;
  }
  const rows = await withTenant(db, actor, (tx) =>
    loadCustomerHealth(tx, { tenantId: actor.tenantId, asOfDate, filter }),
  );
  const below = query.band === 'at_risk' ? HEALTH_AT_RISK_BELOW : HEALTH_WATCH_BELOW;
  const flagged = rows
    .filter((r) => r.health.score < below)
    .sort(
      (a, b) =>
        a.health.score - b.health.score ||
        a.name.localeCompare(b.name, 'ja') ||
        a.customerId.localeCompare(b.customerId),
    );
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  const page = flagged.slice(offset, offset + limit);
  return {
    asOfDate,
    total: flagged.length,
    items: page.map((r) => ({
      customer: { id: r.customerId, code: r.code, name: r.name, rank: r.rank },
      repId: r.repId,
      repName: r.repName,
      areaName: r.areaName,
      score: r.health.score,
      risk: r.health.risk,
      band: r.health.band,
      reasons: r.health.reasons,
      lastVisitDate: r.lastVisitDate,
      lastOrderDate: r.lastOrderDate,
    })),
    nextOffset: offset + limit < flagged.length ? offset + limit : null,
  };
}

const empty = (asOfDate: string) => ({ asOfDate, total: 0, items: [], nextOffset: null });
