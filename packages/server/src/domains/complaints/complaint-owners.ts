import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { member, staffProfiles } from '../../platform/db/schema/index.ts';

/**
 * Whether `ownerId` may handle a complaint of a customer whose rep is `repId`: the rep
 * themself, a manager of the rep's team, or an admin of the tenant.
 */
export async function mayOwn(tx: Tx, actor: Actor, ownerId: string, repId: string | null): Promise<boolean> {
  const [candidate] = await tx
    .select({ role: member.role, teamId: staffProfiles.teamId })
    .from(member)
    .leftJoin(
      staffProfiles,
      and(eq(staffProfiles.tenantId, member.organizationId), eq(staffProfiles.userId, member.userId)),
    )
    .where(and(eq(member.organizationId, actor.tenantId), eq(member.userId, ownerId)));
  if (!candidate) return false;
  if (candidate.role === 'admin') return true;
  if (ownerId === repId) return true;
  if (candidate.role !== 'manager' || !candidate.teamId || !repId) return false;
  const [rep] = await tx
    .select({ teamId: staffProfiles.teamId })
    .from(staffProfiles)
    .where(and(eq(staffProfiles.tenantId, actor.tenantId), eq(staffProfiles.userId, repId)));
  return rep?.teamId === candidate.teamId;
}
