import { and, asc, eq, gt } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import {
  invitation,
  type KayoiRole,
  member,
  staffProfiles,
  teams,
  user,
} from '../../platform/db/schema/index.ts';
import type { PendingInvitationView, PeopleListView, PersonView } from './people-schemas.ts';

export interface ListPeopleOptions {
  db: Db;
  actor: Actor;
}

/** Everyone of the company (active and deactivated, by name) and the invitations not accepted (expired ones for 30 days). */
export async function listPeople({ db, actor }: ListPeopleOptions): Promise<PeopleListView> {
  const items = await withTenant(db, actor, (tx) => selectPeople(tx, actor.tenantId));
  const invitations = await selectPendingInvitations(db, actor.tenantId);
  return { items, invitations };
}

/** The people of a tenant as the API shows them; `userId` narrows to one. Runs as kayoi_app. */
export async function selectPeople(tx: Tx, tenantId: string, userId?: string): Promise<PersonView[]> {
  const rows = await tx
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: member.role,
      teamId: staffProfiles.teamId,
      teamName: teams.name,
      deactivatedAt: member.deactivatedAt,
      version: member.version,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(
      staffProfiles,
      and(eq(staffProfiles.tenantId, member.organizationId), eq(staffProfiles.userId, member.userId)),
    )
    .leftJoin(teams, and(eq(teams.tenantId, member.organizationId), eq(teams.id, staffProfiles.teamId)))
    .where(and(eq(member.organizationId, tenantId), userId ? eq(member.userId, userId) : undefined))
    .orderBy(asc(user.name), asc(user.id));
  return rows.map(({ deactivatedAt, ...r }) => ({
    ...r,
    role: r.role as KayoiRole,
    teamId: r.teamId ?? null,
    teamName: r.teamName ?? null,
    status: deactivatedAt ? ('deactivated' as const) : ('active' as const),
  }));
}

async function selectPendingInvitations(db: Db, tenantId: string): Promise<PendingInvitationView[]> {
  const rows = await db
    .select()
    .from(invitation)
    .where(
      and(
        eq(invitation.organizationId, tenantId),
        eq(invitation.status, 'pending'),
        // Expired ones stay listed for 30 days, so the admin sees them and can send them again.
        gt(invitation.expiresAt, new Date(Date.now() - 30 * 86_400_000)),
      ),
    )
    .orderBy(asc(invitation.createdAt))
    .limit(500);
  return rows.map(invitationView);
}

export const invitationView = (row: typeof invitation.$inferSelect): PendingInvitationView => ({
  id: row.id,
  email: row.email,
  name: row.name ?? '',
  role: (row.role ?? 'rep') as KayoiRole,
  teamId: row.teamId ?? null,
  expiresAt: row.expiresAt.toISOString(),
  expired: row.expiresAt.getTime() <= Date.now(),
});
