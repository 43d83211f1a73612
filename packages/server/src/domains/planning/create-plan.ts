import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { teams } from '../../platform/db/schema/index.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { OPTIMIZE_JOB, type OptimizePayload } from './optimize-plan.ts';
import { teamNotFound } from './plan-errors.ts';
import { type PlanView, toPlanView } from './plan-view.ts';
import { plans } from './tables.ts';
import type { IsoDate } from './working-days.ts';

/** The solver's time when the request names none (seconds). */
export const DEFAULT_PLAN_TIME_LIMIT_SECONDS = 20;

export interface CreatePlanOptions {
  db: Db;
  jobs: JobQueue;
  actor: Actor;
  /** A manager's own team by default; an admin without it plans every rep of the company. */
  teamId?: string | undefined;
  startDate: IsoDate;
  days: number;
  timeLimitSeconds?: number | undefined;
}

/**
 * Queues an optimisation of a scope over a horizon: a `queued` plan (audited as created) and
 * its `planning.optimize` job. While one is queued or running for the same scope, that one is
 * answered instead of starting another.
 */
export async function createPlan(options: CreatePlanOptions): Promise<{ plan: PlanView; jobId: string }> {
  const { db, jobs, actor } = options;
  const teamId = options.teamId ?? (actor.role === 'admin' ? null : actor.teamId);
  if (actor.role !== 'admin' && (teamId === null || teamId !== actor.teamId)) throw teamNotFound();
  const { plan, existing } = await withTenant(db, actor, async (tx) => {
    if (teamId !== null) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.tenantId, actor.tenantId), eq(teams.id, teamId)));
      if (!team) throw teamNotFound();
    }
    const [active] = await tx
      .select()
      .from(plans)
      .where(
        and(
          eq(plans.tenantId, actor.tenantId),
          teamId === null ? isNull(plans.teamId) : eq(plans.teamId, teamId),
          inArray(plans.status, ['queued', 'running']),
        ),
      )
      .limit(1);
    if (active?.jobId) return { plan: active, existing: true };
    const [created] = await tx
      .insert(plans)
      .values({
        tenantId: actor.tenantId,
        id: randomUUID(),
        teamId,
        startDate: options.startDate,
        days: options.days,
        createdBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error('plan insert returned nothing');
    await recordAudit(tx, actor, [
      {
        table: 'plans',
        recordId: created.id,
        action: 'create',
        before: null,
        after: { teamId, startDate: created.startDate, days: created.days, status: created.status },
      },
    ]);
    return { plan: created, existing: false };
  });
  if (existing) return { plan: await toPlanView(plan, jobs), jobId: plan.jobId as string };

  const payload: OptimizePayload = {
    planId: plan.id,
    actor: { tenantId: actor.tenantId, userId: actor.userId, role: actor.role, teamId: actor.teamId },
    timeLimitSeconds: options.timeLimitSeconds ?? DEFAULT_PLAN_TIME_LIMIT_SECONDS,
  };
  const jobId = await jobs.enqueue(OPTIMIZE_JOB, payload, {
    tenantId: actor.tenantId,
    singletonKey: `plan:${plan.id}`,
  });
  const saved = await withTenant(db, actor, async (tx) => {
    const [row] = await tx
      .update(plans)
      .set({ jobId })
      .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.id, plan.id)))
      .returning();
    return row ?? plan;
  });
  return { plan: await toPlanView(saved, jobs), jobId };
}
