import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { plannedVisitNotFound } from './plan-errors.ts';
import { loadPlan, type PlannedVisitView, selectVisits } from './plan-view.ts';
import { plannedVisits } from './tables.ts';

export interface PinPlannedVisitOptions {
  db: Db;
  actor: Actor;
  planId: string;
  visitId: string;
  pinned: boolean;
  /** The version the caller read. */
  version: number;
}

/**
 * Pins (or unpins) a planned visit: a refresh of the plan keeps a pinned visit's day, rep and
 * time. Needs the visit's current version (409 with the server's copy when stale); audited.
 */
export async function pinPlannedVisit(options: PinPlannedVisitOptions): Promise<PlannedVisitView> {
  const { db, actor, planId, visitId } = options;
  return withTenant(db, actor, async (tx) => {
    await loadPlan(tx, actor, planId);
    const one = and(eq(plannedVisits.planId, planId), eq(plannedVisits.id, visitId));
    const load = async () => (await selectVisits(tx, actor, one))[0] ?? null;
    const before = await load();
    await updateVersioned(tx, {
      table: plannedVisits,
      where: and(eq(plannedVisits.tenantId, actor.tenantId), one) as NonNullable<typeof one>,
      version: options.version,
      set: { pinned: options.pinned },
      current: load,
      notFound: plannedVisitNotFound,
    });
    const after = (await load()) as PlannedVisitView;
    await recordAudit(tx, actor, [
      {
        table: 'planned_visits',
        recordId: visitId,
        action: 'update',
        before: { pinned: before?.pinned ?? null },
        after: { pinned: after.pinned },
        subject: { table: 'plans', id: planId },
      },
    ]);
    return after;
  });
}
