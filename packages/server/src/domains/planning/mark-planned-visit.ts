import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { plannedVisits } from './tables.ts';

/**
 * Sets a planned visit's status (planned → done when visited, → skipped when skipped) with its
 * version bumped; audited under its plan. Returns false when the caller cannot see it.
 * The visits domain calls it when a stop is checked out or skipped.
 */
export async function setPlannedVisitStatus(
  tx: Tx,
  actor: Actor,
  plannedVisitId: string,
  status: 'done' | 'skipped',
): Promise<boolean> {
  const [before] = await tx
    .select({ status: plannedVisits.status, planId: plannedVisits.planId })
    .from(plannedVisits)
    .where(and(eq(plannedVisits.tenantId, actor.tenantId), eq(plannedVisits.id, plannedVisitId)));
  if (!before) return false;
  if (before.status === status) return true;
  await tx
    .update(plannedVisits)
    .set({ status, version: sql`${plannedVisits.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(plannedVisits.tenantId, actor.tenantId), eq(plannedVisits.id, plannedVisitId)));
  await recordAudit(tx, actor, [
    {
      table: 'planned_visits',
      recordId: plannedVisitId,
      action: 'status_change',
      before: { status: before.status },
      after: { status },
      subject: { table: 'plans', id: before.planId },
    },
  ]);
  return true;
}
