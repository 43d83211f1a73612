import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { teams } from '../../platform/db/schema/index.ts';
import { idTaken, isUniqueViolation, organizationError } from './organization-errors.ts';
import type { CreateTeamInput, TeamView } from './organization-schemas.ts';
import { auditedTeam, checkManager, loadTeam } from './team-view.ts';

export interface CreateTeamOptions {
  db: Db;
  actor: Actor;
  input: CreateTeamInput;
}

/**
 * Creates a team, optionally with its manager (an active manager-role person). Audited.
 * 422 on name when the company has a team of that name, on managerUserId for anyone else.
 */
export async function createTeam({ db, actor, input }: CreateTeamOptions): Promise<TeamView> {
  const id = input.id ?? randomUUID();
  try {
    return await withTenant(db, actor, async (tx) => {
      await checkManager(tx, actor, input.managerUserId);
      await tx.insert(teams).values({
        tenantId: actor.tenantId,
        id,
        name: input.name,
        managerUserId: input.managerUserId ?? null,
      });
      const team = (await loadTeam(tx, actor, id)) as TeamView;
      await recordAudit(tx, actor, [
        { table: 'teams', recordId: id, action: 'create', before: null, after: auditedTeam(team) },
      ]);
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'teams_tenant_id_id_pk')) throw idTaken();
    if (isUniqueViolation(error, 'teams_name_uq')) throw organizationError('team_name_taken');
    throw error;
  }
}
