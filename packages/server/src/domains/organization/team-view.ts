import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { member, teams, user } from '../../platform/db/schema/index.ts';
import { organizationError } from './organization-errors.ts';
import type { TeamView } from './organization-schemas.ts';

/** The tenant's teams as the API shows them (retired ones too, after the others); `id` narrows to one. */
export async function selectTeams(tx: Tx, actor: Actor, id?: string): Promise<TeamView[]> {
  const rows = await tx
    .select({
      id: teams.id,
      name: teams.name,
      managerUserId: teams.managerUserId,
      managerName: user.name,
      retiredAt: teams.retiredAt,
      version: teams.version,
      memberCount: sql<number>`(select count(*)::int from staff_profiles sp
        join member m on m.organization_id = sp.tenant_id and m.user_id = sp.user_id
        where sp.tenant_id = teams.tenant_id and sp.team_id = teams.id and m.deactivated_at is null)`,
    })
    .from(teams)
    .leftJoin(user, eq(user.id, teams.managerUserId))
    .where(and(eq(teams.tenantId, actor.tenantId), id === undefined ? undefined : eq(teams.id, id)))
    .orderBy(sql`${teams.retiredAt} is not null`, asc(teams.name));
  return rows.map((r) => ({
    ...r,
    managerName: r.managerName ?? null,
    retiredAt: r.retiredAt ? r.retiredAt.toISOString() : null,
    memberCount: Number(r.memberCount),
  }));
}

export async function loadTeam(tx: Tx, actor: Actor, id: string): Promise<TeamView | null> {
  return (await selectTeams(tx, actor, id))[0] ?? null;
}

/** 422 on managerUserId unless it names an active manager of the tenant. */
export async function checkManager(tx: Tx, actor: Actor, managerUserId: string | null | undefined) {
  if (!managerUserId) return;
  const [row] = await tx
    .select({ role: member.role, deactivatedAt: member.deactivatedAt })
    .from(member)
    .where(and(eq(member.organizationId, actor.tenantId), eq(member.userId, managerUserId)));
  if (!row || row.deactivatedAt || row.role !== 'manager') throw organizationError('manager_not_allowed');
}

/** What a team's audit rows compare. */
export const auditedTeam = (t: Pick<TeamView, 'name' | 'managerUserId' | 'retiredAt'>) => ({
  name: t.name,
  managerUserId: t.managerUserId,
  retiredAt: t.retiredAt,
});
