import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TeamView } from './organization-schemas.ts';
import { selectTeams } from './team-view.ts';

export interface ListTeamsOptions {
  db: Db;
  actor: Actor;
}

/** The company's teams with their manager and active member count; retired ones last. */
export async function listTeams({ db, actor }: ListTeamsOptions): Promise<{ items: TeamView[] }> {
  return { items: await withTenant(db, actor, (tx) => selectTeams(tx, actor)) };
}
