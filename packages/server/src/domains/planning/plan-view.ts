import { and, asc, desc, eq, gte, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor, Locale } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { customers } from '../customers/tables.ts';
import { planNotFound, unplannedReasonText } from './plan-errors.ts';
import { plannedVisits, plans, planUnplanned } from './tables.ts';
import { addDays, type IsoDate, todayIn } from './working-days.ts';

export type PlanRow = typeof plans.$inferSelect;

/**
 * The plans an actor may see, as a WHERE condition: an admin every plan of the tenant, a
 * manager their team's; reps see plans only through their own visits.
 */
export function planScope(actor: Actor): SQL {
  const inTenant = eq(plans.tenantId, actor.tenantId);
  if (actor.role === 'admin') return inTenant;
  if (actor.role === 'manager' && actor.teamId) return and(inTenant, eq(plans.teamId, actor.teamId)) as SQL;
  return sql`false`;
}

export interface PlanView {
  id: string;
  teamId: string | null;
  areaId: string | null;
  startDate: string;
  days: number;
  status: PlanRow['status'];
  jobId: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  summary: PlanRow['summary'];
  version: number;
  progress: { fraction: number; message: string | null } | null;
}

export async function toPlanView(plan: PlanRow, jobs: JobQueue | undefined): Promise<PlanView> {
  const job = plan.jobId && jobs ? await jobs.getJob(plan.jobId, { tenantId: plan.tenantId }) : null;
  return {
    id: plan.id,
    teamId: plan.teamId,
    areaId: plan.areaId,
    startDate: plan.startDate,
    days: plan.days,
    status: plan.status,
    jobId: plan.jobId,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt.toISOString(),
    finishedAt: plan.finishedAt?.toISOString() ?? null,
    summary: plan.summary,
    version: plan.version,
    progress: plan.status === 'ready' ? { fraction: 1, message: null } : (job?.progress ?? null),
  };
}

/** The plan if the actor may see it (404 otherwise, like one that does not exist). */
export async function loadPlan(tx: Tx, actor: Actor, id: string): Promise<PlanRow> {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(planScope(actor), eq(plans.id, id)));
  if (!plan) throw planNotFound();
  return plan;
}

/**
 * The newest ready plan of a scope (a team, or the whole company when teamId is null): of the
 * whole scope, or with `areaId` the one limited to that area (an area plan never stands for its
 * team's plan).
 */
export async function latestReadyPlan(
  tx: Tx,
  actor: Actor,
  teamId: string | null,
  areaId: string | null = null,
) {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(
      and(
        planScope(actor),
        teamId === null ? isNull(plans.teamId) : eq(plans.teamId, teamId),
        areaId === null ? isNull(plans.areaId) : eq(plans.areaId, areaId),
        eq(plans.status, 'ready'),
      ),
    )
    .orderBy(desc(plans.createdAt))
    .limit(1);
  return plan ?? null;
}

const visitColumns = {
  id: plannedVisits.id,
  planId: plannedVisits.planId,
  customerId: plannedVisits.customerId,
  customerName: customers.name,
  address: customers.address,
  lat: customers.lat,
  lng: customers.lng,
  repId: plannedVisits.repId,
  date: plannedVisits.date,
  seq: plannedVisits.seq,
  plannedArrival: plannedVisits.plannedArrival,
  plannedStart: plannedVisits.plannedStart,
  plannedDeparture: plannedVisits.plannedDeparture,
  travelSecondsBefore: plannedVisits.travelSecondsBefore,
  status: plannedVisits.status,
  pinned: plannedVisits.pinned,
  fixed: plannedVisits.fixed,
  version: plannedVisits.version,
};

type VisitRow = { [K in keyof typeof visitColumns]: (typeof visitColumns)[K]['_']['data'] } & {
  customerName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
};

const toVisitView = (v: VisitRow) => ({
  ...v,
  customerName: v.customerName ?? '',
  address: v.address ?? '',
  plannedArrival: v.plannedArrival.toISOString(),
  plannedStart: v.plannedStart.toISOString(),
  plannedDeparture: v.plannedDeparture.toISOString(),
});
export type PlannedVisitView = ReturnType<typeof toVisitView>;

/** Planned visits (RLS keeps a rep to their own, a manager to their team's), by rep, day and order. */
export async function selectVisits(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
): Promise<PlannedVisitView[]> {
  const rows = await tx
    .select(visitColumns)
    .from(plannedVisits)
    .leftJoin(
      customers,
      and(eq(customers.tenantId, plannedVisits.tenantId), eq(customers.id, plannedVisits.customerId)),
    )
    .where(and(eq(plannedVisits.tenantId, actor.tenantId), where))
    .orderBy(asc(plannedVisits.repId), asc(plannedVisits.date), asc(plannedVisits.seq));
  return rows.map((r) => toVisitView(r as VisitRow));
}

export interface ListPlanVisitsOptions {
  repId?: string | undefined;
  date?: IsoDate | undefined;
}

export async function listPlanVisits(tx: Tx, actor: Actor, planId: string, filters: ListPlanVisitsOptions) {
  await loadPlan(tx, actor, planId);
  return selectVisits(
    tx,
    actor,
    and(
      eq(plannedVisits.planId, planId),
      filters.repId ? eq(plannedVisits.repId, filters.repId) : undefined,
      filters.date ? eq(plannedVisits.date, filters.date) : undefined,
    ),
  );
}

/** The caller's own planned visits from `from` (default today) for `days` days, across plans. */
export function listMyVisits(tx: Tx, actor: Actor, from: IsoDate | undefined, days: number | undefined) {
  const start = from ?? todayIn();
  const end = addDays(start, (days ?? 7) - 1);
  return selectVisits(
    tx,
    actor,
    and(
      eq(plannedVisits.repId, actor.userId),
      sql`${plannedVisits.date} between ${start} and ${end}`,
      inArray(
        plannedVisits.planId,
        tx
          .select({ id: plans.id })
          .from(plans)
          .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.status, 'ready'))),
      ),
    ),
  );
}

/** A customer's next planned visit (today or later) of a ready plan, for its カルテ; null when none. */
export async function getNextVisit(tx: Tx, actor: Actor, customerId: string, today = todayIn()) {
  const [visit] = await tx
    .select(visitColumns)
    .from(plannedVisits)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, plannedVisits.tenantId), eq(customers.id, plannedVisits.customerId)),
    )
    .innerJoin(plans, and(eq(plans.tenantId, plannedVisits.tenantId), eq(plans.id, plannedVisits.planId)))
    .where(
      and(
        eq(plannedVisits.tenantId, actor.tenantId),
        eq(plannedVisits.customerId, customerId),
        eq(plannedVisits.status, 'planned'),
        eq(plans.status, 'ready'),
        gte(plannedVisits.date, today),
      ),
    )
    .orderBy(asc(plannedVisits.date), asc(plannedVisits.plannedStart))
    .limit(1);
  return visit ? toVisitView(visit as VisitRow) : null;
}

export async function listUnplanned(tx: Tx, actor: Actor, planId: string, locale: Locale) {
  await loadPlan(tx, actor, planId);
  const rows = await tx
    .select({
      customerId: planUnplanned.customerId,
      customerName: customers.name,
      reason: planUnplanned.reason,
    })
    .from(planUnplanned)
    .leftJoin(
      customers,
      and(eq(customers.tenantId, planUnplanned.tenantId), eq(customers.id, planUnplanned.customerId)),
    )
    .where(and(eq(planUnplanned.tenantId, actor.tenantId), eq(planUnplanned.planId, planId)))
    .orderBy(asc(planUnplanned.reason), asc(customers.nameKana));
  return rows.map((r) => ({
    customerId: r.customerId,
    customerName: r.customerName ?? '',
    reason: r.reason,
    message: unplannedReasonText[r.reason]?.[locale] ?? r.reason,
  }));
}
