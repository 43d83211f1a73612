import type { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { customerRanks } from '../customers/customer-values.ts';
import type { KpiScopeChoices } from './kpi-schemas.ts';

/**
 * The scopes the caller may ask GET /api/kpis for (docs/kpi.md, "Who may ask for what"): an
 * admin every team, rep and area; a manager their team, its reps, the areas and ranks; a rep
 * only themself.
 */
export async function listKpiScopes({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<z.output<typeof KpiScopeChoices>> {
  return withTenant(db, actor, async (tx) => {
    const t = actor.tenantId;
    const reps = await queryRows<{ id: string; name: string; team_id: string | null }>(
      tx,
      sql`select sp.user_id as id, sp.display_name as name, sp.team_id from staff_profiles sp
          join member m on m.organization_id = sp.tenant_id and m.user_id = sp.user_id and m.role = 'rep'
          where sp.tenant_id = ${t}
            and (${actor.role} = 'admin'
              or (${actor.role} = 'manager' and sp.team_id = ${actor.teamId ?? ''})
              or sp.user_id = ${actor.userId})
          order by sp.display_name, sp.user_id`,
    );
    if (actor.role === 'rep')
      return {
        defaultScope: 'rep',
        scopes: ['rep'],
        teams: [],
        reps: reps.map((r) => ({ id: r.id, name: r.name, teamId: r.team_id })),
        areas: [],
        ranks: [],
      };
    const teams = await queryRows<{ id: string; name: string }>(
      tx,
      sql`select id, name from teams where tenant_id = ${t}
          and (${actor.role} = 'admin' or id = ${actor.teamId ?? ''}) order by name, id`,
    );
    const areas = await queryRows<{ id: string; name: string }>(
      tx,
      sql`select id, name from areas where tenant_id = ${t} order by sort_order, name, id`,
    );
    return {
      defaultScope: actor.role === 'admin' ? 'tenant' : 'team',
      scopes:
        actor.role === 'admin' ? ['tenant', 'team', 'rep', 'area', 'rank'] : ['team', 'rep', 'area', 'rank'],
      teams,
      reps: reps.map((r) => ({ id: r.id, name: r.name, teamId: r.team_id })),
      areas,
      ranks: [...customerRanks],
    };
  });
}
