import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { areas, teams } from '../../platform/db/schema/index.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { getRepWorkingDays } from './get-rep-working-days.ts';
import { OPTIMIZE_JOB, type OptimizePayload } from './optimize-plan.ts';
import { loadScopeReps } from './plan-days.ts';
import { teamNotFound } from './plan-errors.ts';
import { type PlanView, toPlanView } from './plan-view.ts';
import { plans } from './tables.ts';
import { addDays, type IsoDate, todayIn } from './working-days.ts';

/** How far ahead a plan may start (days). */
export const MAX_PLAN_LEAD_DAYS = 365;

/**
 * A horizon a plan can have: it starts yesterday at the earliest (a day being finished can be
 * re-planned) and within a year, and someone of the scope works on one of its days. 422 naming
 * the field otherwise, in ja and en.
 */
async function checkHorizon(
  db: Db,
  actor: Actor,
  teamId: string | null,
  startDate: IsoDate,
  days: number,
  today: IsoDate,
) {
  if (startDate < addDays(today, -1))
    throw validationFailed({
      startDate: {
        ja: `開始日は昨日（${addDays(today, -1)}）以降にしてください。`,
        en: `Start yesterday (${addDays(today, -1)}) or later.`,
      },
    });
  if (startDate > addDays(today, MAX_PLAN_LEAD_DAYS))
    throw validationFailed({
      startDate: {
        ja: `開始日は${MAX_PLAN_LEAD_DAYS}日以内にしてください。`,
        en: `Start within ${MAX_PLAN_LEAD_DAYS} days.`,
      },
    });
  const reps = await withTenant(db, actor, (tx) => loadScopeReps(tx, actor.tenantId, teamId));
  if (reps.length === 0)
    throw validationFailed({
      teamId: { ja: 'このチームには営業担当がいません。', en: 'This team has no reps.' },
    });
  const horizon = await getRepWorkingDays({ db, actor, repIds: reps.map((r) => r.id), startDate, days });
  if (horizon.every((h) => h.workingDates.length === 0)) {
    const text = {
      ja: 'この期間には勤務日がありません（休日・祝日・休業日）。期間を延ばすか開始日を変えてください。',
      en: 'No one works on any day of this horizon (days off, holidays, closed days). Lengthen it or move its start.',
    };
    throw validationFailed({ startDate: text, days: text });
  }
}

/** The solver's time when the request names none (seconds). */
export const DEFAULT_PLAN_TIME_LIMIT_SECONDS = 20;

export interface CreatePlanOptions {
  db: Db;
  jobs: JobQueue;
  actor: Actor;
  /** A manager's own team by default; an admin without it plans every rep of the company. */
  teamId?: string | undefined;
  /** Limits the plan to the customers of one area (of the team's reps). */
  areaId?: string | undefined;
  startDate: IsoDate;
  days: number;
  timeLimitSeconds?: number | undefined;
  /** Today in the tenant's zone (tests). */
  today?: IsoDate;
}

/**
 * Queues an optimisation of a scope (a team or the company, optionally limited to one area's
 * customers) over a horizon: a `queued` plan (audited as created) and
 * its `planning.optimize` job. While one is queued or running for the same scope, that one is
 * answered instead of starting another.
 */
export async function createPlan(options: CreatePlanOptions): Promise<{ plan: PlanView; jobId: string }> {
  const { db, jobs, actor } = options;
  const teamId = options.teamId ?? (actor.role === 'admin' ? null : actor.teamId);
  const areaId = options.areaId ?? null;
  if (actor.role !== 'admin' && (teamId === null || teamId !== actor.teamId)) throw teamNotFound();
  await checkHorizon(db, actor, teamId, options.startDate, options.days, options.today ?? todayIn());
  const { plan, existing } = await withTenant(db, actor, async (tx) => {
    if (teamId !== null) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.tenantId, actor.tenantId), eq(teams.id, teamId)));
      if (!team) throw teamNotFound();
    }
    if (areaId !== null) {
      const [area] = await tx
        .select({ id: areas.id })
        .from(areas)
        .where(and(eq(areas.tenantId, actor.tenantId), eq(areas.id, areaId)));
      if (!area)
        throw validationFailed({ areaId: { ja: 'エリアが見つかりません。', en: 'Area not found.' } });
    }
    const [active] = await tx
      .select()
      .from(plans)
      .where(
        and(
          eq(plans.tenantId, actor.tenantId),
          teamId === null ? isNull(plans.teamId) : eq(plans.teamId, teamId),
          areaId === null ? isNull(plans.areaId) : eq(plans.areaId, areaId),
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
        areaId,
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
        after: { teamId, areaId, startDate: created.startDate, days: created.days, status: created.status },
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
