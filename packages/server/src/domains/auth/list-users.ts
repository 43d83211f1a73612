import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { type KayoiRole, member, staffProfiles, user } from '../../platform/db/schema/index.ts';

export interface ListUsersOptions {
  db: Db;
  actor: Actor;
  /** Only users with this role. */
  role?: KayoiRole | undefined;
}

export interface UserSummary {
  id: string;
  name: string;
  role: KayoiRole;
  teamId: string | null;
}

/**
 * The active staff the caller may see: a rep only themself, a manager the members of their team,
 * an admin everyone in the tenant. Sorted by name.
 */
export async function listUsers({ db, actor, role }: ListUsersOptions): Promise<UserSummary[]> {
  // A deactivated person is no one's to pick any more (their records keep their name elsewhere).
  const scope: (SQL | undefined)[] = [
    eq(member.organizationId, actor.tenantId),
    isNull(member.deactivatedAt),
  ];
  if (role) scope.push(eq(member.role, role));
  if (actor.role === 'rep') scope.push(eq(member.userId, actor.userId));
  if (actor.role === 'manager') {
    if (!actor.teamId) scope.push(eq(member.userId, actor.userId));
    else scope.push(eq(staffProfiles.teamId, actor.teamId));
  }
  return withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select({ id: user.id, name: user.name, role: member.role, teamId: staffProfiles.teamId })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .leftJoin(
        staffProfiles,
        and(eq(staffProfiles.tenantId, member.organizationId), eq(staffProfiles.userId, member.userId)),
      )
      .where(and(...scope))
      .orderBy(asc(user.name), asc(user.id));
    return rows.map((r) => ({ ...r, role: r.role as KayoiRole, teamId: r.teamId ?? null }));
  });
}
