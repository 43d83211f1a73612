import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { customers } from '../customers/tables.ts';
import { plannedVisits } from '../planning/tables.ts';

/**
 * Sets a planned visit's status (planned → done when visited, → skipped when skipped) with its
 * version bumped; audited under its plan. Returns false when the caller cannot see it.
 *
 * TODO(planning): this belongs in src/domains/planning (a `markPlannedVisit` use case); it lives
 * here until the planning domain exports one.
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

/**
 * A finished visit (checked out) is the customer's last visit when it is newer than the one on
 * file: `customers.last_visit_at` is what the planner's cadence counts from. Not a user's edit
 * of the customer: the customer's version is left alone (no conflict with someone editing it).
 *
 * TODO(customers): belongs in src/domains/customers as an exported use case.
 */
export async function recordCustomerVisit(tx: Tx, actor: Actor, customerId: string, at: Date): Promise<void> {
  await tx
    .update(customers)
    .set({
      lastVisitAt: sql`greatest(coalesce(${customers.lastVisitAt}, '-infinity'::timestamptz), ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(customers.tenantId, actor.tenantId), eq(customers.id, customerId)));
}

/** What a visit's end sets off: its planned stop is done, the customer's last visit moves. */
export async function finishVisitEffects(
  tx: Tx,
  actor: Actor,
  visit: { customerId: string; plannedVisitId: string | null; checkInAt: Date },
): Promise<void> {
  if (visit.plannedVisitId) await setPlannedVisitStatus(tx, actor, visit.plannedVisitId, 'done');
  await recordCustomerVisit(tx, actor, visit.customerId, visit.checkInAt);
}
