import { and, eq, sql } from 'drizzle-orm';
import { type Actor, APP_DB_ROLE } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { member, staffProfiles } from '../../platform/db/schema/index.ts';
import { authError } from './auth-errors.ts';

export interface ResolveActorOptions {
  userId: string;
  /** The session's active organization; when null the user's only membership is used. */
  activeOrganizationId: string | null | undefined;
}

/**
 * The Actor for a signed-in user: tenant from the session, role from member.role, team from
 * staff_profiles. Null when the user belongs to no tenant (or to several and chose none); 401
 * `unauthenticated` when they were deactivated there.
 * `db` is the app's login: it reads `member` itself (better-auth's table), and switches to
 * kayoi_app with the tenant set to read staff_profiles, which only kayoi_app may see.
 */
export async function resolveActor(db: Db, { userId, activeOrganizationId }: ResolveActorOptions) {
  let tenantId = activeOrganizationId ?? null;
  if (!tenantId) {
    const memberships = await db
      .select({ organizationId: member.organizationId })
      .from(member)
      .where(eq(member.userId, userId))
      .limit(2);
    if (memberships.length !== 1) return null;
    tenantId = memberships[0]!.organizationId;
  }
  const scopedTenant = tenantId;
  return db.transaction(async (tx): Promise<Actor | null> => {
    // staff_profiles has forced RLS and is granted to kayoi_app only: read it as kayoi_app in
    // the tenant (member is readable there too, by its tenant_read policy).
    await tx.execute(sql`select
      set_config('role', ${APP_DB_ROLE}, true),
      set_config('app.tenant_id', ${scopedTenant}, true)`);
    const [row] = await tx
      .select({ role: member.role, teamId: staffProfiles.teamId, deactivatedAt: member.deactivatedAt })
      .from(member)
      .leftJoin(
        staffProfiles,
        and(eq(staffProfiles.tenantId, member.organizationId), eq(staffProfiles.userId, member.userId)),
      )
      .where(and(eq(member.organizationId, scopedTenant), eq(member.userId, userId)));
    if (!row) return null;
    // Deactivation deletes the person's sessions; this refuses one that raced it.
    if (row.deactivatedAt) throw authError('unauthenticated');
    return {
      tenantId: scopedTenant,
      userId,
      role: row.role as Actor['role'],
      teamId: row.teamId ?? null,
    };
  });
}
