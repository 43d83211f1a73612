import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { planFinished } from './plan-errors.ts';
import { loadPlan, type PlanView, planScope, toPlanView } from './plan-view.ts';
import { plans } from './tables.ts';

export interface CancelPlanOptions {
  db: Db;
  jobs: JobQueue;
  actor: Actor;
  id: string;
}

/**
 * Cancels a queued or running plan: the plan becomes `cancelled` (audited) and its job's signal
 * fires wherever it runs; the previous plan stays as it was. A finished plan: 409 plan_finished.
 */
export async function cancelPlan({ db, jobs, actor, id }: CancelPlanOptions): Promise<PlanView> {
  const plan = await withTenant(db, actor, async (tx) => {
    const before = await loadPlan(tx, actor, id);
    if (before.status !== 'queued' && before.status !== 'running') throw planFinished();
    const [after] = await tx
      .update(plans)
      .set({ status: 'cancelled', finishedAt: new Date(), version: before.version + 1 })
      .where(and(planScope(actor), eq(plans.id, id), eq(plans.version, before.version)))
      .returning();
    if (!after) throw planFinished();
    await recordAudit(tx, actor, [
      {
        table: 'plans',
        recordId: id,
        action: 'status_change',
        before: { status: before.status },
        after: { status: 'cancelled' },
      },
    ]);
    return after;
  });
  if (plan.jobId) await jobs.cancel(plan.jobId, { tenantId: actor.tenantId });
  return toPlanView(plan, jobs);
}
