import { and, eq, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { member, organization, teams, user } from '../../platform/db/schema/index.ts';
import { authError } from './auth-errors.ts';

export interface GetMeOptions {
  db: Db;
  actor: Actor;
}

export interface Me {
  user: { id: string; name: string; email: string; role: Actor['role']; language: 'ja' | 'en' | null };
  tenant: { id: string; name: string };
  team: { id: string; name: string } | null;
}

/** The signed-in user, their tenant and team (what the web app shows in its header), in one statement. */
export async function getMe({ db, actor }: GetMeOptions): Promise<Me> {
  return withTenant(db, actor, async (tx) => {
    const [row] = await tx
      .select({
        id: user.id,
        name: user.name,
        email: user.email,
        language: member.language,
        tenantId: organization.id,
        tenantName: organization.name,
        teamId: teams.id,
        teamName: teams.name,
      })
      .from(user)
      .innerJoin(organization, eq(organization.id, actor.tenantId))
      .leftJoin(member, and(eq(member.organizationId, organization.id), eq(member.userId, user.id)))
      .leftJoin(
        teams,
        actor.teamId ? and(eq(teams.tenantId, organization.id), eq(teams.id, actor.teamId)) : sql`false`,
      )
      .where(eq(user.id, actor.userId));
    if (!row) throw authError('unauthenticated');
    return {
      user: {
        id: row.id,
        name: row.name,
        email: row.email,
        role: actor.role,
        language: (row.language ?? null) as 'ja' | 'en' | null,
      },
      tenant: { id: row.tenantId, name: row.tenantName },
      team: row.teamId && row.teamName !== null ? { id: row.teamId, name: row.teamName } : null,
    };
  });
}
