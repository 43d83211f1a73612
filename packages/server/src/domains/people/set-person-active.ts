import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { member, session } from '../../platform/db/schema/index.ts';
import { selectPeople } from './list-people.ts';
import { ensureAnotherActiveAdmin, lockMember, nextVersion } from './lock-member.ts';
import type { PersonView } from './people-schemas.ts';
import { enterTenant } from './tenant-session.ts';

export interface SetPersonActiveOptions {
  db: Db;
  actor: Actor;
  userId: string;
  active: boolean;
}

/**
 * Deactivates or reactivates a person. Deactivating ends their sessions at once (the rows are
 * deleted; sign-in and the session check refuse them from then on); what they wrote keeps their
 * name, since the user row stays. 409 `last_admin` for the company's only active admin.
 * Doing it twice changes nothing.
 */
export async function setPersonActive({
  db,
  actor,
  userId,
  active,
}: SetPersonActiveOptions): Promise<PersonView> {
  return db.transaction(async (tx) => {
    const before = await lockMember(tx, actor.tenantId, userId);
    const wasActive = before.deactivatedAt === null;
    if (wasActive !== active) {
      if (!active && before.role === 'admin') await ensureAnotherActiveAdmin(tx, actor.tenantId, userId);
      await tx
        .update(member)
        .set({ deactivatedAt: active ? null : new Date(), version: nextVersion, updatedAt: new Date() })
        .where(eq(member.id, before.id));
      if (!active) await tx.delete(session).where(eq(session.userId, userId));
    }
    await enterTenant(tx, actor);
    if (wasActive !== active)
      await recordAudit(tx, actor, [
        {
          table: 'member',
          recordId: userId,
          action: 'status_change',
          before: { status: wasActive ? 'active' : 'deactivated' },
          after: { status: active ? 'active' : 'deactivated' },
        },
      ]);
    return (await selectPeople(tx, actor.tenantId, userId))[0]!;
  });
}
