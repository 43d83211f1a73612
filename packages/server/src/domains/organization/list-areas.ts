import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { selectAreas } from './area-view.ts';
import type { AreaView } from './organization-schemas.ts';

export interface ListAreasOptions {
  db: Db;
  actor: Actor;
}

/** The company's areas with their definitions and customer counts; retired ones last. */
export async function listAreas({ db, actor }: ListAreasOptions): Promise<{ items: AreaView[] }> {
  return { items: await withTenant(db, actor, (tx) => selectAreas(tx, actor)) };
}
