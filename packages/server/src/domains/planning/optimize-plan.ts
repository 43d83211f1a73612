import { randomUUID } from 'node:crypto';
import {
  type PeriodicProblem,
  type PeriodicSolution,
  type Place,
  solvePeriodicInWorker,
} from '@kayoi/solver';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { member, staffProfiles } from '../../platform/db/schema/index.ts';
import { DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH } from '../../platform/geo/straight-line-travel-matrix.ts';
import type { LatLng, TravelMatrixProvider } from '../../platform/geo/travel-matrix.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import { customers } from '../customers/tables.ts';
import { notify } from '../notifications/notify.ts';
import {
  buildPlanProblem,
  type FixedAppointment,
  type PlanningCustomer,
  type PlanningRep,
} from './build-plan-problem.ts';
import { tokyoSecondOfDay } from './day-schedule.ts';
import { getRepWorkingDays } from './get-rep-working-days.ts';
import { getTravelMatrixProvider } from './get-travel-matrix-provider.ts';
import { type PlanDayInsert, planDayRow, savePlanDays } from './plan-days.ts';
import { loadPlanningSignals, NO_SIGNALS } from './planning-signals.ts';
import { planningTravel } from './planning-travel.ts';
import {
  appointments,
  type PlanStatus,
  type PlanSummary,
  plannedVisits,
  planningSettings,
  plans,
  planUnplanned,
} from './tables.ts';
import { addDays, type IsoDate } from './working-days.ts';

export const OPTIMIZE_JOB = 'planning.optimize';

/** What the optimize job carries: the plan, and who asked (the job acts in their name). */
export type OptimizePayload = {
  planId: string;
  actor: { tenantId: string; userId: string; role: Actor['role']; teamId: string | null };
  timeLimitSeconds: number;
};

/** Progress message keys (the web client translates them). */
export type OptimizeStage = 'loading' | 'solving' | 'saving';

const TOKYO = '+09:00';
/**
 * Cost (travel seconds) per second a rep-day's work strays from the mean. At 0.01 the search
 * packed visits into few days and left reps days without a stop (a rep opening 今日 to nothing);
 * at 0.2 the demo company's days even out (3–10 visits) for about 15% more travel.
 */
const DAY_BALANCE_WEIGHT = 0.2;
/** The instant of `seconds` after midnight of a civil date in Asia/Tokyo. */
export const tokyoInstant = (date: IsoDate, seconds: number) =>
  new Date(Date.parse(`${date}T00:00:00${TOKYO}`) + seconds * 1000);

export class PlanCancelledError extends Error {
  override name = 'PlanCancelledError';
}

async function setStatus(tx: Tx, actor: Actor, planId: string, status: PlanStatus, extra = {}) {
  const [before] = await tx
    .select({ status: plans.status })
    .from(plans)
    .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.id, planId)));
  if (!before || before.status === status) return before?.status;
  await tx
    .update(plans)
    .set({ status, ...extra, version: sql`${plans.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.id, planId)));
  await recordAudit(tx, actor, [
    { table: 'plans', recordId: planId, action: 'status_change', before, after: { status, ...extra } },
  ]);
  return before.status;
}

/** The reps of a scope (team, or every rep of the tenant) with their working profiles. */
async function loadReps(tx: Tx, actor: Actor, teamId: string | null) {
  const rows = await tx
    .select({
      id: staffProfiles.userId,
      teamId: staffProfiles.teamId,
      startLat: staffProfiles.startLat,
      startLng: staffProfiles.startLng,
      endLat: staffProfiles.endLat,
      endLng: staffProfiles.endLng,
      workStartMinute: staffProfiles.workStartMinute,
      workEndMinute: staffProfiles.workEndMinute,
      lunchStartMinute: staffProfiles.lunchStartMinute,
      lunchEndMinute: staffProfiles.lunchEndMinute,
      lunchDurationMinutes: staffProfiles.lunchDurationMinutes,
      maxVisitsPerDay: staffProfiles.maxVisitsPerDay,
    })
    .from(staffProfiles)
    .innerJoin(
      member,
      and(eq(member.organizationId, staffProfiles.tenantId), eq(member.userId, staffProfiles.userId)),
    )
    .where(
      and(
        eq(staffProfiles.tenantId, actor.tenantId),
        eq(member.role, 'rep'),
        // A deactivated rep is planned no more.
        isNull(member.deactivatedAt),
        teamId === null ? undefined : eq(staffProfiles.teamId, teamId),
      ),
    );
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

async function loadCustomers(
  tx: Tx,
  actor: Actor,
  repIds: string[],
  wholeCompany: boolean,
  /** A plan limited to an area plans only its customers. */
  areaId: string | null,
) {
  const rows = await tx
    .select({
      id: customers.id,
      lat: customers.lat,
      lng: customers.lng,
      repId: customers.repId,
      rank: customers.rank,
      status: customers.status,
      cadenceDays: customers.cadenceDays,
      cadenceToleranceDays: customers.cadenceToleranceDays,
      lastVisitAt: customers.lastVisitAt,
      preferredWeekdays: customers.preferredWeekdays,
      timeWindows: customers.timeWindows,
      visitDurationMinutes: customers.visitDurationMinutes,
      archivedAt: customers.archivedAt,
    })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, actor.tenantId),
        isNull(customers.archivedAt),
        ne(customers.status, 'churned'),
        wholeCompany ? undefined : repIds.length > 0 ? inArray(customers.repId, repIds) : sql`false`,
        areaId === null ? undefined : eq(customers.areaId, areaId),
      ),
    );
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

export interface OptimizePlanOptions {
  db: Db;
  payload: OptimizePayload;
  context: JobContext;
  /** `config.osrmUrl`: the solver then gets the road network's durations as a matrix. */
  osrmUrl?: string | undefined;
}

/**
 * The `planning.optimize` job: reads the scope's reps, customers, working days and the previous
 * plan of the same scope, builds the periodic problem, solves it on a worker thread (objective
 * 'service') and stores the planned visits and the unplanned customers with their reasons. The
 * previous plan's visits still `planned` give way to the new plan in the same transaction;
 * pinned ones are kept (as appointments of the new plan) and done ones stay as they were.
 */
export async function optimizePlan({
  db,
  payload,
  context,
  osrmUrl,
}: OptimizePlanOptions): Promise<PlanSummary> {
  const actor: Actor = payload.actor;
  const { signal, reportProgress } = context;
  try {
    return await optimize(db, actor, payload, signal, reportProgress, osrmUrl);
  } catch (error) {
    // A stopping queue runs the job again after the restart: the plan is queued meanwhile.
    const stopping = signal.reason instanceof Error && signal.reason.name === 'QueueStoppingError';
    const cancelled = signal.aborted || error instanceof PlanCancelledError;
    const status: PlanStatus = stopping ? 'queued' : cancelled ? 'cancelled' : 'failed';
    await withTenant(db, actor, (tx) =>
      setStatus(tx, actor, payload.planId, status, stopping ? {} : { finishedAt: new Date() }),
    ).catch(() => {});
    throw error;
  }
}

async function optimize(
  db: Db,
  actor: Actor,
  payload: OptimizePayload,
  signal: AbortSignal,
  reportProgress: JobContext['reportProgress'],
  osrmUrl: string | undefined,
): Promise<PlanSummary> {
  await reportProgress(0.02, 'loading');
  const loaded = await withTenant(db, actor, async (tx) => {
    const [plan] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.id, payload.planId)));
    if (!plan) throw new Error(`plan ${payload.planId} not found`);
    if (plan.status === 'cancelled') throw new PlanCancelledError('the plan was cancelled');
    await setStatus(tx, actor, plan.id, 'running');
    const reps = await loadReps(tx, actor, plan.teamId);
    const repIds = reps.map((r) => r.id);
    const book = await loadCustomers(tx, actor, repIds, plan.teamId === null, plan.areaId);
    // Health risk and due reorders as of the plan's first day raise a customer's priority.
    const signals = await loadPlanningSignals(
      tx,
      actor.tenantId,
      plan.startDate,
      book.map((c) => c.id),
    );
    const [settings] = await tx
      .select()
      .from(planningSettings)
      .where(eq(planningSettings.tenantId, actor.tenantId));
    const [previousPlan] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(
        and(
          eq(plans.tenantId, actor.tenantId),
          plan.teamId === null ? isNull(plans.teamId) : eq(plans.teamId, plan.teamId),
          plan.areaId === null ? isNull(plans.areaId) : eq(plans.areaId, plan.areaId),
          eq(plans.status, 'ready'),
          ne(plans.id, plan.id),
        ),
      )
      .orderBy(sql`${plans.createdAt} desc`)
      .limit(1);
    const previous = previousPlan
      ? await tx
          .select()
          .from(plannedVisits)
          .where(and(eq(plannedVisits.tenantId, actor.tenantId), eq(plannedVisits.planId, previousPlan.id)))
      : [];
    // Appointments booked outside a plan (a handover's introduction visit …) over this horizon.
    const booked =
      repIds.length > 0
        ? await tx
            .select()
            .from(appointments)
            .where(
              and(
                eq(appointments.tenantId, actor.tenantId),
                inArray(appointments.repId, repIds),
                sql`${appointments.date} between ${plan.startDate} and ${addDays(plan.startDate, plan.days - 1)}`,
              ),
            )
        : [];
    return {
      plan,
      reps,
      book,
      signals,
      settings,
      previousPlanId: previousPlan?.id ?? null,
      previous,
      booked,
    };
  });
  const { plan, reps, book, signals, settings, previous, booked } = loaded;
  const horizon = await getRepWorkingDays({
    db,
    actor,
    repIds: reps.map((r) => r.id),
    startDate: plan.startDate,
    days: plan.days,
  });
  const workingOf = new Map(horizon.map((h) => [h.repId, h.workingDates]));
  const dates = Array.from({ length: plan.days }, (_, i) => addDays(plan.startDate, i));

  // A rep without a start place starts (and ends) at the middle of their customers.
  const planningReps: PlanningRep[] = reps.flatMap((r) => {
    const own = book.filter((c) => c.repId === r.id && c.lat !== null && c.lng !== null);
    const centre =
      own.length > 0
        ? {
            lat: own.reduce((s, c) => s + (c.lat as number), 0) / own.length,
            lng: own.reduce((s, c) => s + (c.lng as number), 0) / own.length,
          }
        : null;
    const start = r.startLat !== null && r.startLng !== null ? { lat: r.startLat, lng: r.startLng } : centre;
    const end = r.endLat !== null && r.endLng !== null ? { lat: r.endLat, lng: r.endLng } : start;
    if (!start || !end) return [];
    return [{ ...r, start, end, workingDates: workingOf.get(r.id) ?? [] }];
  });
  // A visit of the previous plan already done counts as the customer's last visit (the book's
  // last_visit_at may not know it yet): the new plan does not visit them again before it is due.
  const doneAt = new Map<string, Date>();
  for (const v of previous)
    if (v.status === 'done' && (doneAt.get(v.customerId)?.getTime() ?? 0) < v.plannedStart.getTime())
      doneAt.set(v.customerId, v.plannedStart);
  const planningCustomers: PlanningCustomer[] = book.map((c) => {
    const done = doneAt.get(c.id);
    const lastVisitAt =
      done && (c.lastVisitAt === null || c.lastVisitAt.getTime() < done.getTime()) ? done : c.lastVisitAt;
    return {
      ...c,
      lastVisitAt,
      teamId: reps.find((r) => r.id === c.repId)?.teamId ?? null,
      archived: c.archivedAt !== null,
      signals: signals.get(c.id) ?? NO_SIGNALS,
    };
  });
  const inHorizon = (date: string) => date >= plan.startDate && date <= (dates.at(-1) as string);
  const kept = previous.filter((v) => v.pinned && v.status === 'planned' && inHorizon(v.date));
  const fixed: FixedAppointment[] = kept.map((v) => ({
    customerId: v.customerId,
    date: v.date,
    // To the second: a start the day engine placed at 09:02:44 rounded down to 09:02 could not
    // be reached any more (the visit would be dropped).
    startMinute: tokyoSecondOfDay(v.plannedStart) / 60,
    repId: v.repId,
  }));
  // A booked appointment not already kept from the previous plan is pinned at its start.
  const keptKey = new Set(kept.map((v) => `${v.customerId}|${v.date}`));
  for (const a of booked)
    if (!keptKey.has(`${a.customerId}|${a.date}`)) {
      keptKey.add(`${a.customerId}|${a.date}`);
      fixed.push({
        customerId: a.customerId,
        date: a.date as IsoDate,
        startMinute: a.startMinute,
        repId: a.repId,
      });
    }
  const built = buildPlanProblem({
    dates,
    customers: planningCustomers,
    reps: planningReps,
    appointments: fixed,
    previous: previous.map((v) => ({ customerId: v.customerId, date: v.date, repId: v.repId })),
  });
  built.problem.haversine = {
    detourFactor: settings?.detourFactor ?? DEFAULT_DETOUR_FACTOR,
    speedMetresPerSecond: ((settings?.averageSpeedKmh ?? DEFAULT_SPEED_KMH) * 1000) / 3600,
  };
  if (osrmUrl && built.problem.customers.length > 0) {
    const travel = await getTravelMatrixProvider({ db, actor, osrmUrl });
    built.problem = await withTravelMatrix(built.problem, travel, signal);
  }

  if (signal.aborted) throw new PlanCancelledError('the plan was cancelled');
  await reportProgress(0.1, 'solving');
  const timeLimitMs = payload.timeLimitSeconds * 1000;
  let solution: PeriodicSolution | null = null;
  if (built.problem.customers.length > 0 && built.problem.days.length > 0) {
    const started = Date.now();
    const run = solvePeriodicInWorker(built.problem, {
      timeLimitMs,
      objective: 'service',
      balanceWeight: DAY_BALANCE_WEIGHT,
      seed: 1,
      signal,
      onProgress: () => {
        void reportProgress(0.1 + 0.8 * Math.min(1, (Date.now() - started) / timeLimitMs), 'solving');
      },
    });
    solution = await run.solution;
  }
  if (signal.aborted) throw new PlanCancelledError('the plan was cancelled');
  await reportProgress(0.92, 'saving');

  const visits: (typeof plannedVisits.$inferInsert)[] = [];
  for (const day of solution?.days ?? []) {
    const date = built.dayDates[day.day] as IsoDate;
    for (const route of day.routes) {
      let seq = 0;
      let lastDeparture = route.steps[0]?.departure ?? 0;
      for (const step of route.steps) {
        if (step.type === 'visit') {
          seq++;
          const customerId = String(step.id);
          visits.push({
            tenantId: actor.tenantId,
            id: randomUUID(),
            planId: plan.id,
            customerId,
            repId: String(route.vehicleId),
            date,
            seq,
            plannedArrival: tokyoInstant(date, step.arrival),
            plannedStart: tokyoInstant(date, step.serviceStart),
            plannedDeparture: tokyoInstant(date, step.departure),
            travelSecondsBefore: Math.max(0, step.arrival - lastDeparture),
            pinned: keptKey.has(`${customerId}|${date}`),
            fixed: keptKey.has(`${customerId}|${date}`),
          });
        }
        if (step.type !== 'end') lastDeparture = step.departure;
      }
    }
  }
  // Every working day of every rep gets its totals (a day without visits too).
  const dayRows = new Map<string, PlanDayInsert>();
  for (const r of planningReps)
    for (const date of r.workingDates)
      if (inHorizon(date))
        dayRows.set(
          `${r.id}|${date}`,
          planDayRow(
            { tenantId: actor.tenantId, planId: plan.id, repId: r.id, date },
            { visitCount: 0, travelSeconds: 0, firstStart: null, lastEnd: null, lunch: null },
          ),
        );
  for (const day of solution?.days ?? []) {
    const date = built.dayDates[day.day] as IsoDate;
    for (const route of day.routes) {
      const repId = String(route.vehicleId);
      const start = route.steps.find((s) => s.type === 'start');
      const end = route.steps.find((s) => s.type === 'end');
      const lunch = route.steps.find((s) => s.type === 'break');
      dayRows.set(
        `${repId}|${date}`,
        planDayRow(
          { tenantId: actor.tenantId, planId: plan.id, repId, date },
          {
            visitCount: route.steps.filter((s) => s.type === 'visit').length,
            travelSeconds: route.travelSeconds,
            firstStart: start?.departure ?? null,
            lastEnd: end?.arrival ?? null,
            lunch: lunch ? { start: lunch.serviceStart, end: lunch.departure } : null,
          },
        ),
      );
    }
  }
  const unplanned = [
    ...built.excluded.map((e) => ({ customerId: e.customerId, reason: e.reason as string })),
    ...(solution?.unassigned ?? []).map((u) => ({
      customerId: String(u.customerId),
      reason: u.reason as string,
    })),
  ];
  const summary: PlanSummary = {
    travelSeconds: solution?.summary.travelSeconds ?? 0,
    visits: visits.length,
    unplanned: unplanned.length,
    movedVisits: solution?.summary.movedVisits ?? 0,
  };

  await withTenant(db, actor, async (tx) => {
    const [current] = await tx
      .select({ status: plans.status })
      .from(plans)
      .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.id, plan.id)))
      .for('update');
    if (current?.status !== 'running') throw new PlanCancelledError('the plan was cancelled');
    // The previous plan's visits yet to happen give way to this plan (done ones stay as history).
    if (loaded.previousPlanId)
      await tx
        .delete(plannedVisits)
        .where(
          and(
            eq(plannedVisits.tenantId, actor.tenantId),
            eq(plannedVisits.planId, loaded.previousPlanId),
            eq(plannedVisits.status, 'planned'),
            sql`${plannedVisits.date} >= ${plan.startDate}`,
          ),
        );
    for (let i = 0; i < visits.length; i += 500)
      await tx.insert(plannedVisits).values(visits.slice(i, i + 500));
    await savePlanDays(tx, [...dayRows.values()]);
    // Each booked appointment now points at its visit in this plan (or at none: it did not fit).
    for (const a of booked) {
      const visit = visits.find(
        (v) => v.customerId === a.customerId && v.date === a.date && v.repId === a.repId,
      );
      await tx
        .update(appointments)
        .set({ planId: visit ? plan.id : null, plannedVisitId: visit?.id ?? null })
        .where(and(eq(appointments.tenantId, actor.tenantId), eq(appointments.id, a.id)));
    }
    if (unplanned.length > 0)
      await tx
        .insert(planUnplanned)
        .values(unplanned.map((u) => ({ tenantId: actor.tenantId, planId: plan.id, ...u })))
        .onConflictDoNothing();
    await tx
      .update(plans)
      .set({ summary })
      .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.id, plan.id)));
    await setStatus(tx, actor, plan.id, 'ready', { finishedAt: new Date() });
    // The one who asked for the plan hears it is ready (in the same transaction as the plan).
    await notify(tx, {
      tenantId: actor.tenantId,
      recipients: [plan.createdBy],
      kind: 'plan_ready',
      params: {
        startDate: plan.startDate,
        days: plan.days,
        visits: summary.visits,
        unplanned: summary.unplanned,
      },
      link: '/plan',
    });
  });
  await reportProgress(1, 'saving');
  return summary;
}

/**
 * The problem with every place as an index into the provider's matrix (durations in seconds)
 * instead of coordinates: the road network's times when the provider is OSRM.
 */
export async function withTravelMatrix(
  problem: PeriodicProblem,
  travel: TravelMatrixProvider,
  signal?: AbortSignal,
): Promise<PeriodicProblem> {
  const locations: LatLng[] = [];
  const indexOf = new Map<string, number>();
  const index = (place: Place | undefined): Place | undefined => {
    if (!place?.coordinates) return place;
    const [lng, lat] = place.coordinates;
    const key = `${lat},${lng}`;
    let i = indexOf.get(key);
    if (i === undefined) {
      i = locations.length;
      indexOf.set(key, i);
      locations.push({ lat, lng });
    }
    return { locationIndex: i };
  };
  const days = problem.days.map((d) => ({
    ...d,
    vehicles: d.vehicles.map((v) => {
      const start = index(v.start);
      const end = index(v.end);
      return { ...v, ...(start ? { start } : {}), ...(end ? { end } : {}) };
    }),
  }));
  const customers = problem.customers.map((c) => {
    const { coordinates: _, ...rest } = c;
    return { ...rest, ...index(c) };
  });
  const matrix = await travel.matrix({ sources: locations, ...(signal ? { signal } : {}) });
  return {
    ...problem,
    days,
    customers,
    matrices: { durations: matrix.durationsSeconds, distances: matrix.distancesMetres },
    costBasis: 'duration',
  };
}

export interface RegisterPlanningJobsOptions {
  jobs: JobQueue;
  db: Db;
  /** `config.osrmUrl`: plans then travel on the road network. */
  osrmUrl?: string | undefined;
}

/** Registers the planner's job handlers on the app's queue. */
export function registerPlanningJobs({ jobs, db, osrmUrl }: RegisterPlanningJobsOptions): Promise<void> {
  planningTravel.osrmUrl = osrmUrl;
  return jobs.work<OptimizePayload, PlanSummary>(OPTIMIZE_JOB, (job, context) =>
    optimizePlan({ db, payload: job.payload, context, osrmUrl }),
  );
}
