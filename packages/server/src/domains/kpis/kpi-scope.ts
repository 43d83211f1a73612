import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { customerRanks } from '../customers/customer-values.ts';
import { kpiScopeNotFound } from './kpi-errors.ts';
import type { KpiScope } from './kpi-values.ts';

/**
 * A scope the caller may see, resolved to what its queries filter on: `repIds` (null = any rep)
 * for records attributed by their own rep_id, `areaId`/`rank` for the customer's current ones.
 */
export interface ResolvedScope {
  scope: KpiScope;
  scopeId: string | null;
  label: string;
  repIds: readonly string[] | null;
  areaId: string | null;
  rank: string | null;
}

async function teamMembers(tx: Tx, tenantId: string, teamId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`select user_id from staff_profiles where tenant_id = ${tenantId} and team_id = ${teamId}`,
  );
  return rows.map((r) => r.user_id);
}

/**
 * Checks the requested scope against the caller's role and resolves it (docs/kpi.md, "Who may
 * ask for what"). Anything refused is 404 `not_found`, like an id that exists nowhere.
 */
export async function resolveKpiScope(
  tx: Tx,
  actor: Actor,
  requested: { scope?: KpiScope | undefined; scopeId?: string | undefined },
): Promise<ResolvedScope> {
  const defaultScope: KpiScope =
    actor.role === 'admin' ? 'tenant' : actor.role === 'manager' ? 'team' : 'rep';
  const scope = requested.scope ?? (requested.scopeId !== undefined ? 'rep' : defaultScope);
  let scopeId = requested.scopeId ?? null;
  const base = { scope, areaId: null, rank: null } as const;
  // The manager's records: their team's reps.
  const managerReps = async () => {
    if (!actor.teamId) throw kpiScopeNotFound();
    return teamMembers(tx, actor.tenantId, actor.teamId);
  };

  if (actor.role === 'rep') {
    if (scope !== 'rep' || (scopeId !== null && scopeId !== actor.userId)) throw kpiScopeNotFound();
    scopeId = actor.userId;
  }
  switch (scope) {
    case 'tenant': {
      if (actor.role !== 'admin' || scopeId !== null) throw kpiScopeNotFound();
      const [row] = await queryRows<{ name: string }>(
        tx,
        sql`select name from organization where id = ${actor.tenantId}`,
      );
      return { ...base, scopeId: null, label: row?.name ?? '', repIds: null };
    }
    case 'team': {
      if (actor.role === 'manager') {
        if (scopeId !== null && scopeId !== actor.teamId) throw kpiScopeNotFound();
        scopeId = actor.teamId;
      }
      if (scopeId === null) throw kpiScopeNotFound();
      const [team] = await queryRows<{ name: string }>(
        tx,
        sql`select name from teams where tenant_id = ${actor.tenantId} and id = ${scopeId}`,
      );
      if (!team) throw kpiScopeNotFound();
      return { ...base, scopeId, label: team.name, repIds: await teamMembers(tx, actor.tenantId, scopeId) };
    }
    case 'rep': {
      if (scopeId === null) scopeId = actor.userId;
      const [staff] = await queryRows<{ display_name: string; team_id: string | null }>(
        tx,
        sql`select display_name, team_id from staff_profiles where tenant_id = ${actor.tenantId} and user_id = ${scopeId}`,
      );
      if (!staff) throw kpiScopeNotFound();
      if (actor.role === 'manager' && (!actor.teamId || staff.team_id !== actor.teamId))
        throw kpiScopeNotFound();
      return { ...base, scopeId, label: staff.display_name, repIds: [scopeId] };
    }
    case 'area': {
      if (scopeId === null) throw kpiScopeNotFound();
      const [area] = await queryRows<{ name: string }>(
        tx,
        sql`select name from areas where tenant_id = ${actor.tenantId} and id = ${scopeId}`,
      );
      if (!area) throw kpiScopeNotFound();
      const repIds = actor.role === 'manager' ? await managerReps() : null;
      return { ...base, scopeId, label: area.name, repIds, areaId: scopeId };
    }
    case 'rank': {
      if (scopeId === null || !(customerRanks as readonly string[]).includes(scopeId))
        throw kpiScopeNotFound();
      const repIds = actor.role === 'manager' ? await managerReps() : null;
      return { ...base, scopeId, label: scopeId, repIds, rank: scopeId };
    }
  }
}

const inList = (column: SQL, ids: readonly string[]): SQL =>
  ids.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`;

/**
 * The WHERE condition of a scope on a record attributed to `repColumn`, with `customer` the
 * alias of the customers row joined to it (area and rank are the customer's).
 */
export function scopeCondition(scope: ResolvedScope, repColumn: SQL, customer: SQL): SQL {
  const parts: SQL[] = [];
  if (scope.repIds) parts.push(inList(repColumn, scope.repIds));
  if (scope.areaId) parts.push(sql`${customer}.area_id = ${scope.areaId}`);
  if (scope.rank) parts.push(sql`${customer}.rank = ${scope.rank}`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * The join of the record's customer (alias `c`), only when the scope filters on the customer's
 * area or rank: RLS already keeps orders to the caller's book, and the join would cost a
 * customers policy check per record.
 */
export const customerJoin = (scope: ResolvedScope, record: SQL): SQL =>
  scope.areaId !== null || scope.rank !== null
    ? sql`join customers c on c.tenant_id = ${record}.tenant_id and c.id = ${record}.customer_id`
    : sql``;
