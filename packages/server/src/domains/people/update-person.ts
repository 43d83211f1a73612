import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { member, staffProfiles, teams, user } from '../../platform/db/schema/index.ts';
import { versionConflict } from '../../platform/errors.ts';
import { selectPeople } from './list-people.ts';
import { ensureAnotherActiveAdmin, lockMember, nextVersion } from './lock-member.ts';
import { peopleError, teamNotFound } from './people-errors.ts';
import type { PersonView, UpdatePersonInput } from './people-schemas.ts';
import { enterTenant } from './tenant-session.ts';

export interface UpdatePersonOptions {
  db: Db;
  actor: Actor;
  userId: string;
  input: UpdatePersonInput;
}

/**
 * Changes a person's role (member.role) and team (staff_profiles.team_id). With `version`, a
 * stale one gets 409 `version_conflict` with the current person and nothing is written.
 * 409 `last_admin` when the only active admin would stop being one; 422 on `teamId` for a team
 * the company does not have.
 */
export async function updatePerson({ db, actor, userId, input }: UpdatePersonOptions): Promise<PersonView> {
  return db.transaction(async (tx) => {
    const before = await lockMember(tx, actor.tenantId, userId);
    const stale = input.version !== undefined && input.version !== before.version;
    const role = input.role ?? (before.role as Actor['role']);
    if (!stale && before.role === 'admin' && role !== 'admin' && !before.deactivatedAt)
      await ensureAnotherActiveAdmin(tx, actor.tenantId, userId);
    // staff_profiles is out of this login's reach: any requested change bumps the version.
    if (!stale && (input.role !== undefined || input.teamId !== undefined))
      await tx
        .update(member)
        .set({ role, version: nextVersion, updatedAt: new Date() })
        .where(eq(member.id, before.id));
    const [person] = await tx.select({ name: user.name }).from(user).where(eq(user.id, userId));

    await enterTenant(tx, actor);
    const current = (await selectPeople(tx, actor.tenantId, userId))[0];
    if (!current || !person) throw peopleError('person_not_found');
    if (stale) throw versionConflict(current);
    const teamId = input.teamId === undefined ? current.teamId : input.teamId;
    if (teamId !== current.teamId) {
      if (teamId) {
        const [team] = await tx
          .select({ id: teams.id })
          .from(teams)
          .where(and(eq(teams.tenantId, actor.tenantId), eq(teams.id, teamId), isNull(teams.retiredAt)));
        if (!team) throw teamNotFound();
      }
      await tx
        .insert(staffProfiles)
        .values({ tenantId: actor.tenantId, userId, teamId, displayName: person.name })
        .onConflictDoUpdate({
          target: [staffProfiles.tenantId, staffProfiles.userId],
          set: { teamId, updatedAt: new Date() },
        });
    }
    const changed = role !== before.role || teamId !== current.teamId;
    if (!changed) return current;
    await recordAudit(tx, actor, [
      {
        table: 'member',
        recordId: userId,
        action: 'update',
        before: { role: before.role, teamId: current.teamId },
        after: { role, teamId },
      },
    ]);
    return (await selectPeople(tx, actor.tenantId, userId))[0]!;
  });
}
