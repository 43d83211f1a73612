import { and, asc, isNotNull, isNull } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';

/** The most markers the map gets. */
export const MAP_LIMIT = 5000;

export interface ListAreaMapOptions {
  db: Db;
  actor: Actor;
}

/** The located customers the actor may see (not archived) with their area: the areas' map. */
export async function listAreaMap({ db, actor }: ListAreaMapOptions) {
  const rows = await withTenant(db, actor, (tx) =>
    tx
      .select({
        id: customers.id,
        name: customers.name,
        lat: customers.lat,
        lng: customers.lng,
        areaId: customers.areaId,
      })
      .from(customers)
      .where(
        and(
          customerScope(actor),
          isNull(customers.archivedAt),
          isNotNull(customers.lat),
          isNotNull(customers.lng),
        ),
      )
      .orderBy(asc(customers.id))
      .limit(MAP_LIMIT + 1),
  );
  return {
    customers: rows.slice(0, MAP_LIMIT).map((r) => ({ ...r, lat: r.lat as number, lng: r.lng as number })),
    truncated: rows.length > MAP_LIMIT,
  };
}
