import { asc } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { areas } from '../../platform/db/schema/index.ts';

export interface ListAreasOptions {
  db: Db;
  actor: Actor;
}

/** The tenant's sales areas in display order (every role sees all of them). */
export function listAreas({ db, actor }: ListAreasOptions): Promise<{ id: string; name: string }[]> {
  return withTenant(db, actor, (tx) =>
    tx.select({ id: areas.id, name: areas.name }).from(areas).orderBy(asc(areas.sortOrder), asc(areas.name)),
  );
}
