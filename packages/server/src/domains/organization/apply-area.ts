import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { areas } from '../../platform/db/schema/index.ts';
import { versionConflict } from '../../platform/errors.ts';
import { setCustomersArea } from '../customers/set-customers-area.ts';
import { loadArea } from './area-view.ts';
import { organizationError } from './organization-errors.ts';
import type { AreaView } from './organization-schemas.ts';
import { computeAreaMoves } from './preview-area.ts';

export interface ApplyAreaOptions {
  db: Db;
  actor: Actor;
  id: string;
  /** The area's version the preview was read at: a definition changed since is a 409. */
  version: number;
}

/**
 * Applies an area's stored definition to the customer book in one transaction: matching
 * customers join it, customers in it that no longer match leave it (no area). Each customer is
 * changed through the customers domain (`setCustomersArea`: version + 1 and an audit row in its
 * history); the apply itself is audited on the area. 409 `version_conflict` when the area
 * changed since the preview, 409 `area_retired` for a retired area.
 */
export async function applyArea({
  db,
  actor,
  id,
  version,
}: ApplyAreaOptions): Promise<{ area: AreaView; movedIn: number; movedOut: number }> {
  return withTenant(db, actor, async (tx) => {
    const [locked] = await tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.tenantId, actor.tenantId), eq(areas.id, id)))
      .for('update');
    const area = locked ? await loadArea(tx, actor, id) : null;
    if (!area) throw organizationError('area_not_found');
    if (area.version !== version) throw versionConflict(area);
    if (area.retiredAt) throw organizationError('area_retired');
    const moves = await computeAreaMoves(tx, actor, id, area.definition);
    const joining = moves.filter((m) => m.change === 'in');
    const leaving = moves.filter((m) => m.change === 'out');
    const context = { areaApply: id };
    const movedIn = await setCustomersArea({
      tx,
      actor,
      changes: joining.map((m) => ({ customerId: m.id, areaId: id })),
      context,
    });
    const movedOut = await setCustomersArea({
      tx,
      actor,
      changes: leaving.map((m) => ({ customerId: m.id, areaId: null })),
      context,
    });
    await recordAudit(tx, actor, [
      {
        table: 'areas',
        recordId: id,
        action: 'commit',
        before: null,
        after: { movedIn, movedOut },
        context: { movedIn: String(movedIn), movedOut: String(movedOut) },
      },
    ]);
    return { area: (await loadArea(tx, actor, id)) as AreaView, movedIn, movedOut };
  });
}
