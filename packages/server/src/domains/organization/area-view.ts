import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { areas } from '../../platform/db/schema/index.ts';
import { normalizeAreaDefinition } from './area-match.ts';
import type { AreaView } from './organization-schemas.ts';

/** The tenant's areas with their customer counts (retired ones last); `id` narrows to one. */
export async function selectAreas(tx: Tx, actor: Actor, id?: string): Promise<AreaView[]> {
  const rows = await tx
    .select({
      id: areas.id,
      name: areas.name,
      definition: areas.definition,
      retiredAt: areas.retiredAt,
      version: areas.version,
      customerCount: sql<number>`(select count(*)::int from customers c
        where c.tenant_id = areas.tenant_id and c.area_id = areas.id and c.archived_at is null)`,
    })
    .from(areas)
    .where(and(eq(areas.tenantId, actor.tenantId), id === undefined ? undefined : eq(areas.id, id)))
    .orderBy(sql`${areas.retiredAt} is not null`, asc(areas.sortOrder), asc(areas.name));
  return rows.map((r) => ({
    ...r,
    definition: normalizeAreaDefinition(r.definition),
    retiredAt: r.retiredAt ? r.retiredAt.toISOString() : null,
    customerCount: Number(r.customerCount),
  }));
}

export async function loadArea(tx: Tx, actor: Actor, id: string): Promise<AreaView | null> {
  return (await selectAreas(tx, actor, id))[0] ?? null;
}

/** What an area's audit rows compare. */
export const auditedArea = (a: Pick<AreaView, 'name' | 'definition' | 'retiredAt'>) => ({
  name: a.name,
  municipalities: a.definition.municipalities.join('、'),
  postcodePrefixes: a.definition.postcodePrefixes.join('、'),
  retiredAt: a.retiredAt,
});
