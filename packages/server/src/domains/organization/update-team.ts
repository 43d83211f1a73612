import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { teams } from '../../platform/db/schema/index.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { isUniqueViolation, organizationError } from './organization-errors.ts';
import type { TeamView, UpdateTeamInput } from './organization-schemas.ts';
import { auditedTeam, checkManager, loadTeam } from './team-view.ts';

export interface UpdateTeamOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateTeamInput;
}

/**
 * Renames a team, changes its manager, retires it (`retired: true`) or reinstates it. A retired
 * team keeps its members, plans and KPI history; it only takes no new members. Versioned:
 * a stale version gets 409 `version_conflict` with the current team. Audited (retire and
 * reinstate as status changes).
 */
export async function updateTeam({ db, actor, id, input }: UpdateTeamOptions): Promise<TeamView> {
  try {
    return await withTenant(db, actor, async (tx) => {
      const before = await loadTeam(tx, actor, id);
      if (!before) throw organizationError('team_not_found');
      if (input.managerUserId !== undefined && input.managerUserId !== before.managerUserId)
        await checkManager(tx, actor, input.managerUserId);
      const retiredAt =
        input.retired === undefined
          ? undefined
          : input.retired
            ? before.retiredAt
              ? new Date(before.retiredAt)
              : new Date()
            : null;
      await updateVersioned(tx, {
        table: teams,
        where: and(eq(teams.tenantId, actor.tenantId), eq(teams.id, id)) as never,
        version: input.version,
        set: {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.managerUserId !== undefined ? { managerUserId: input.managerUserId } : {}),
          ...(retiredAt !== undefined ? { retiredAt } : {}),
        },
        current: () => loadTeam(tx, actor, id),
        notFound: () => organizationError('team_not_found'),
      });
      const after = (await loadTeam(tx, actor, id)) as TeamView;
      const statusChanged = (before.retiredAt === null) !== (after.retiredAt === null);
      await recordAudit(tx, actor, [
        {
          table: 'teams',
          recordId: id,
          action: statusChanged ? 'status_change' : 'update',
          before: auditedTeam(before),
          after: auditedTeam(after),
        },
      ]);
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'teams_name_uq')) throw organizationError('team_name_taken');
    throw error;
  }
}
