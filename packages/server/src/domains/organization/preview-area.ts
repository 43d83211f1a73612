import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { type AreaDefinition, areas } from '../../platform/db/schema/index.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { areaMatchCondition, normalizeAreaDefinition } from './area-match.ts';
import { loadArea } from './area-view.ts';
import { organizationError } from './organization-errors.ts';
import type { AreaDefinitionInput, AreaPreviewView } from './organization-schemas.ts';

/** The most customers a preview lists (the counts are always complete). */
export const PREVIEW_LIST_LIMIT = 1000;

export interface PreviewAreaOptions {
  db: Db;
  actor: Actor;
  id: string;
  /** A draft definition (the editor's, not saved yet); default: the area's stored one. */
  definition?: AreaDefinitionInput | undefined;
}

type Move = AreaPreviewView['customers'][number];

/**
 * What applying an area would do to the customer book (not archived, in the actor's scope):
 * customers the definition matches join it (`in`, from whichever area they are in now) or are
 * already in it (`stay`); customers in it that no longer match leave it (`out`, to no area).
 */
export async function previewArea({
  db,
  actor,
  id,
  definition,
}: PreviewAreaOptions): Promise<AreaPreviewView> {
  return withTenant(db, actor, async (tx) => {
    const area = await loadArea(tx, actor, id);
    if (!area) throw organizationError('area_not_found');
    const moves = await computeAreaMoves(
      tx,
      actor,
      id,
      normalizeAreaDefinition(definition ?? area.definition),
    );
    return summarizeMoves(moves);
  });
}

/** Every customer the area's apply concerns, with its change. */
export async function computeAreaMoves(
  tx: Tx,
  actor: Actor,
  areaId: string,
  definition: AreaDefinition,
): Promise<Move[]> {
  const matches = areaMatchCondition(definition);
  const rows = await tx
    .select({
      id: customers.id,
      code: customers.code,
      name: customers.name,
      address: customers.address,
      postalCode: customers.postalCode,
      lat: customers.lat,
      lng: customers.lng,
      currentAreaId: customers.areaId,
      currentAreaName: areas.name,
      matches: sql<boolean>`(${matches})`,
    })
    .from(customers)
    .leftJoin(areas, and(eq(areas.tenantId, customers.tenantId), eq(areas.id, customers.areaId)))
    .where(and(customerScope(actor), isNull(customers.archivedAt), or(matches, eq(customers.areaId, areaId))))
    .orderBy(asc(customers.nameKana), asc(customers.id));
  return rows.map(({ matches: m, ...r }) => ({
    ...r,
    currentAreaName: r.currentAreaName ?? null,
    change: !m ? 'out' : r.currentAreaId === areaId ? 'stay' : 'in',
  }));
}

export function summarizeMoves(moves: readonly Move[]): AreaPreviewView {
  const count = (change: Move['change']) => moves.filter((m) => m.change === change).length;
  const rank = { in: 0, out: 1, stay: 2 } as const;
  const listed = [...moves].sort((a, b) => rank[a.change] - rank[b.change]).slice(0, PREVIEW_LIST_LIMIT);
  return {
    matched: moves.filter((m) => m.change !== 'out').length,
    moveIn: count('in'),
    moveOut: count('out'),
    stay: count('stay'),
    customers: listed,
    truncated: moves.length > listed.length,
  };
}
