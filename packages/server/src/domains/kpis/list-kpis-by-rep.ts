import type { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { computeKpis, emptyFigures, type KpiRun, TOTAL } from './compute-kpis.ts';
import type { KpiPeriod } from './kpi-period.ts';
import type { KpiByRep, KpiFiguresView, KpiScopeQuery } from './kpi-schemas.ts';
import { type ResolvedScope, resolveKpiScope } from './kpi-scope.ts';
import { type KpiTransaction, tenantTransaction } from './kpi-transaction.ts';
import { resolvePeriod } from './resolve-period.ts';

export interface ListKpisByRepOptions {
  db: Db;
  actor: Actor;
  query: z.output<typeof KpiScopeQuery>;
  /** Default: withTenant (the caller's row-level security). */
  transaction?: KpiTransaction;
}

type RankedKey = keyof KpiFiguresView;
/** The figures a rep is placed on, and whether more is better. */
export const rankedFigures: readonly [RankedKey, 'high' | 'low'][] = [
  ['ordersWon', 'high'],
  ['ordersWonAmountExclTax', 'high'],
  ['formsCollected', 'high'],
  ['retentionRate', 'high'],
  ['repeatRate', 'high'],
  ['revenuePerCustomerExclTax', 'high'],
  ['activeCustomers', 'high'],
  ['satisfactionMean', 'high'],
  ['visitsDone', 'high'],
  ['visitCompletionRate', 'high'],
  ['overdueCustomers', 'low'],
];

type Staff = {
  user_id: string;
  display_name: string;
  team_id: string | null;
  role: string;
};

async function staffOf(tx: Tx, tenantId: string): Promise<Map<string, Staff>> {
  const rows = await queryRows<Staff>(
    tx,
    sql`select sp.user_id, sp.display_name, sp.team_id, coalesce(m.role, '') as role
        from staff_profiles sp
        left join member m on m.organization_id = sp.tenant_id and m.user_id = sp.user_id
        where sp.tenant_id = ${tenantId}`,
  );
  return new Map(rows.map((r) => [r.user_id, r]));
}

/**
 * The rows of a scope: every rep of it (even with nothing to show), and anyone with figures.
 * `run` opens the caller's transactions for the figures; `staff` is read beforehand.
 */
async function rowsOf(
  run: KpiRun,
  staff: Map<string, Staff>,
  tenantId: string,
  scope: ResolvedScope,
  period: KpiPeriod,
) {
  // Each rep's figures and the scope's total (grouping sets) in one pass per KPI family.
  const figures = await computeKpis({ run, tenantId, scope, period, byRep: true, withTotal: true });
  const total = figures.get(TOTAL) ?? emptyFigures();
  figures.delete(TOTAL);
  const ids = new Set(figures.keys());
  for (const s of staff.values())
    if (s.role === 'rep' && (scope.repIds === null || scope.repIds.includes(s.user_id))) ids.add(s.user_id);
  const rows = [...ids]
    .map((repId) => ({
      repId,
      repName: staff.get(repId)?.display_name ?? '',
      teamId: staff.get(repId)?.team_id ?? null,
      role: staff.get(repId)?.role ?? '',
      figures: figures.get(repId) ?? emptyFigures(),
    }))
    .sort((a, b) => a.repName.localeCompare(b.repName, 'ja') || a.repId.localeCompare(b.repId));
  return { rows, total };
}

/** 1 + how many are strictly better; a null is worse than any value. Undefined when the rep has none. */
function placeOf(value: number | null, others: (number | null)[], better: 'high' | 'low') {
  if (value === null) return undefined;
  const beats = (o: number | null) => o !== null && (better === 'high' ? o > value : o < value);
  return 1 + others.filter(beats).length;
}

/**
 * The KPIs of each rep of the scope and the scope's total. A rep gets their own row only, with
 * their place in their team on each figure (computed over the team's records, docs/kpi.md).
 */
export async function listKpisByRep({
  db,
  actor,
  query,
  transaction = tenantTransaction(db),
}: ListKpisByRepOptions): Promise<z.output<typeof KpiByRep>> {
  const period = resolvePeriod(query);
  const { scope, staff } = await transaction(actor, async (tx) => ({
    scope: await resolveKpiScope(tx, actor, query),
    staff: await staffOf(tx, actor.tenantId),
  }));
  const { rows, total } = await rowsOf((fn) => transaction(actor, fn), staff, actor.tenantId, scope, period);
  const view = { scope: { scope: scope.scope, scopeId: scope.scopeId, label: scope.label }, period, total };
  if (actor.role !== 'rep')
    return { ...view, rows: rows.map(({ role: _role, ...row }) => ({ ...row, places: null })) };

  const own = rows.find((r) => r.repId === actor.userId);
  if (!own) return { ...view, rows: [] };
  if (!actor.teamId) return { ...view, rows: [{ ...ownRow(own), places: {} }] };
  // The team's records, read as the team's manager would: only places leave this block.
  const teamId = actor.teamId;
  const asManager: Actor = { ...actor, role: 'manager', teamId };
  const { members, teamStaff } = await transaction(asManager, async (tx) => ({
    members: await queryRows<{ user_id: string }>(
      tx,
      sql`select user_id from staff_profiles where tenant_id = ${actor.tenantId} and team_id = ${teamId}`,
    ),
    teamStaff: await staffOf(tx, actor.tenantId),
  }));
  const teamScope: ResolvedScope = {
    scope: 'team',
    scopeId: teamId,
    label: '',
    repIds: members.map((m) => m.user_id),
    areaId: null,
    rank: null,
  };
  const team = (
    await rowsOf((fn) => transaction(asManager, fn), teamStaff, actor.tenantId, teamScope, period)
  ).rows.filter((r) => r.role === 'rep');
  const mine = team.find((r) => r.repId === actor.userId)?.figures ?? own.figures;
  const others = team.filter((r) => r.repId !== actor.userId).map((r) => r.figures);
  const places: Record<string, { place: number; of: number }> = {};
  for (const [key, better] of rankedFigures) {
    const place = placeOf(
      mine[key],
      others.map((o) => o[key]),
      better,
    );
    if (place !== undefined) places[key] = { place, of: others.length + 1 };
  }
  return { ...view, rows: [{ ...ownRow(own), places }] };
}

const ownRow = ({
  role: _role,
  ...row
}: {
  role: string;
  repId: string;
  repName: string;
  teamId: string | null;
  figures: KpiFiguresView;
}) => row;
