import { and, eq } from 'drizzle-orm';
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

/** The signed-in user, their tenant and team (what the web app shows in its header). */
export async function getMe({ db, actor }: GetMeOptions): Promise<Me> {
  return withTenant(db, actor, async (tx) => {
    const [me] = await tx
      .select({ id: user.id, name: user.name, email: user.email })
      .from(user)
      .where(eq(user.id, actor.userId));
    const [membership] = await tx
      .select({ language: member.language })
      .from(member)
      .where(and(eq(member.organizationId, actor.tenantId), eq(member.userId, actor.userId)));
    const [tenant] = await tx
      .select({ id: organization.id, name: organization.name })
      .from(organization)
      .where(eq(organization.id, actor.tenantId));
    if (!me || !tenant) throw authError('unauthenticated');
    const [team] = actor.teamId
      ? await tx
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(and(eq(teams.tenantId, actor.tenantId), eq(teams.id, actor.teamId)))
      : [];
    return {
      user: { ...me, role: actor.role, language: (membership?.language ?? null) as 'ja' | 'en' | null },
      tenant,
      team: team ?? null,
    };
  });
}
