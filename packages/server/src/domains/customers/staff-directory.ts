import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { member, staffProfiles, user } from '../../platform/db/schema/index.ts';

export interface StaffMember {
  userId: string;
  email: string;
  name: string;
  role: string;
  teamId: string | null;
}

/** The tenant's reps and managers who have a staff profile (who customers can belong to). */
export async function loadAssignableStaff(tx: Tx, actor: Actor): Promise<StaffMember[]> {
  const rows = await tx
    .select({
      userId: member.userId,
      email: user.email,
      name: staffProfiles.displayName,
      role: member.role,
      teamId: staffProfiles.teamId,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .innerJoin(
      staffProfiles,
      and(eq(staffProfiles.tenantId, member.organizationId), eq(staffProfiles.userId, member.userId)),
    )
    .where(
      and(
        eq(member.organizationId, actor.tenantId),
        inArray(member.role, ['rep', 'manager']),
        // Nobody hands a customer or a task to someone who left.
        isNull(member.deactivatedAt),
      ),
    );
  return rows;
}

/**
 * Whether the actor may give a customer to this staff member: a rep only to themself, a
 * manager within their team, an admin to any rep or manager of the tenant.
 */
export function canAssignTo(actor: Actor, staff: StaffMember | undefined): boolean {
  if (!staff) return false;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'manager':
      return actor.teamId !== null && staff.teamId === actor.teamId;
    case 'rep':
      return staff.userId === actor.userId;
  }
}
