import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { AppError, type LocalizedText, versionConflict } from '../../platform/errors.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { customers } from '../customers/tables.ts';
import {
  DayDoesNotFitError,
  type DaySchedule,
  type DayStop,
  hhmmSeconds,
  loadRepDayProfiles,
  type RepDayProfile,
  retimeInOrder,
  solveDay,
  startWindows,
  tokyoInstant,
  tokyoSecondOfDay,
} from './day-schedule.ts';
import { getRepWorkingDays } from './get-rep-working-days.ts';
import { getTravelMatrixProvider } from './get-travel-matrix-provider.ts';
import { loadScopeReps, type PlanDayView, planDayRow, savePlanDays, selectPlanDaysOf } from './plan-days.ts';
import { plannedVisitNotFound } from './plan-errors.ts';
import { loadPlan, type PlannedVisitView, type PlanRow, selectVisits } from './plan-view.ts';
import { planningTravel } from './planning-travel.ts';
import { planDays, plannedVisits, plans } from './tables.ts';
import { addDays, type IsoDate } from './working-days.ts';

export interface DayChange {
  visit: PlannedVisitView;
  days: PlanDayView[];
  visits: PlannedVisitView[];
  change: { travelSecondsBefore: number; travelSecondsAfter: number; resequenced: number };
}

const fieldError = (field: string, text: LocalizedText) => validationFailed({ [field]: text });

export const visitDoesNotFit = () =>
  new AppError(
    422,
    'visit_does_not_fit',
    {
      ja: 'この訪問はその日に入りません（営業時間・勤務時間・昼休み）。',
      en: 'The visit does not fit that day (opening hours, working hours, lunch).',
    },
    {
      date: {
        ja: 'この日には入りません。別の日を選んでください。',
        en: 'It does not fit this day; choose another day.',
      },
    },
  );

const visitNotPlanned = () =>
  new AppError(409, 'visit_not_planned', {
    ja: '実施済み・スキップ済みの訪問は移動できません。',
    en: 'A visit that is done or skipped cannot be moved.',
  });

const planNotReady = () =>
  new AppError(409, 'plan_not_ready', {
    ja: '計画の作成が終わっていません。',
    en: 'The plan is not ready yet.',
  });

type VisitRow = typeof plannedVisits.$inferSelect;

/** The checks of a target day: in the horizon, a rep of the plan's scope, a day they work. */
async function checkTargetDay(db: Db, actor: Actor, plan: PlanRow, repId: string, date: IsoDate) {
  const last = addDays(plan.startDate, plan.days - 1);
  if (date < plan.startDate || date > last)
    throw fieldError('date', {
      ja: `計画の期間（${plan.startDate}〜${last}）内の日付を選んでください。`,
      en: `Choose a date within the plan (${plan.startDate} to ${last}).`,
    });
  const reps = await withTenant(db, actor, (tx) => loadScopeReps(tx, actor.tenantId, plan.teamId));
  if (!reps.some((r) => r.id === repId))
    throw fieldError('repId', {
      ja: 'この計画の担当者ではありません。',
      en: 'Not a rep of this plan.',
    });
  const [horizon] = await getRepWorkingDays({
    db,
    actor,
    repIds: [repId],
    startDate: plan.startDate,
    days: plan.days,
  });
  const day = horizon?.days.find((d) => d.date === date);
  if (!day?.working) {
    const label = day && !day.working && day.label ? `（${day.label}）` : '';
    throw fieldError('date', {
      ja: `担当者の勤務日ではありません${label}。`,
      en: `The rep does not work that day${day && !day.working && day.label ? ` (${day.label})` : ''}.`,
    });
  }
}

interface CustomerPlace {
  id: string;
  lat: number | null;
  lng: number | null;
  timeWindows: { start: string; end: string }[];
  visitDurationMinutes: number;
}

async function loadCustomerPlaces(tx: Tx, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, CustomerPlace>();
  const rows = await tx
    .select({
      id: customers.id,
      lat: customers.lat,
      lng: customers.lng,
      timeWindows: customers.timeWindows,
      visitDurationMinutes: customers.visitDurationMinutes,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r as CustomerPlace]));
}

/** A day's visit as a stop: a pinned, fixed or done visit keeps its start. */
function stopOf(v: VisitRow, c: CustomerPlace | undefined, keepTime: boolean): DayStop & { start: number } {
  const start = tokyoSecondOfDay(v.plannedStart);
  const serviceSeconds = Math.max(
    0,
    Math.round((v.plannedDeparture.getTime() - v.plannedStart.getTime()) / 1000),
  );
  const windows = c ? (startWindows(c.timeWindows, serviceSeconds) ?? []) : [];
  return {
    id: v.id,
    position: { lat: c?.lat ?? 0, lng: c?.lng ?? 0 },
    serviceSeconds,
    windows,
    start,
    ...(keepTime || v.pinned || v.fixed || v.status !== 'planned' ? { fixedStart: start } : {}),
  };
}

const dayVisits = (tx: Tx, tenantId: string, planId: string, repId: string, date: string) =>
  tx
    .select()
    .from(plannedVisits)
    .where(
      and(
        eq(plannedVisits.tenantId, tenantId),
        eq(plannedVisits.planId, planId),
        eq(plannedVisits.repId, repId),
        eq(plannedVisits.date, date),
      ),
    )
    .orderBy(plannedVisits.seq);

const dayTravel = async (
  tx: Tx,
  tenantId: string,
  planId: string,
  keys: { repId: string; date: string }[],
) => {
  let total = 0;
  for (const k of keys) {
    const [row] = await tx
      .select({ travel: planDays.travelSeconds })
      .from(planDays)
      .where(
        and(
          eq(planDays.tenantId, tenantId),
          eq(planDays.planId, planId),
          eq(planDays.repId, k.repId),
          eq(planDays.date, k.date),
        ),
      );
    total += row?.travel ?? 0;
  }
  return total;
};

/** Applies a day's new schedule to its visits (seq, times, travel); returns how many changed. */
async function writeSchedule(
  tx: Tx,
  tenantId: string,
  date: IsoDate,
  repId: string,
  schedule: DaySchedule,
  before: Map<string, VisitRow>,
  skip: string | null,
): Promise<number> {
  let changed = 0;
  for (const s of schedule.stops) {
    if (s.id === skip) continue;
    const old = before.get(s.id);
    const plannedStart = tokyoInstant(date, s.start);
    const same =
      old &&
      old.seq === s.seq &&
      old.repId === repId &&
      old.date === date &&
      old.plannedStart.getTime() === plannedStart.getTime() &&
      old.plannedArrival.getTime() === tokyoInstant(date, s.arrival).getTime();
    if (same) continue;
    if (old && (old.seq !== s.seq || old.plannedStart.getTime() !== plannedStart.getTime())) changed++;
    await tx
      .update(plannedVisits)
      .set({
        seq: s.seq,
        plannedArrival: tokyoInstant(date, s.arrival),
        plannedStart,
        plannedDeparture: tokyoInstant(date, s.departure),
        travelSecondsBefore: Math.round(s.travelSecondsBefore),
        version: sql`${plannedVisits.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(plannedVisits.tenantId, tenantId), eq(plannedVisits.id, s.id)));
  }
  return changed;
}

interface Prepared {
  plan: PlanRow;
  target: { repId: string; date: IsoDate; visits: VisitRow[] };
  source: { repId: string; date: IsoDate; visits: VisitRow[] } | null;
  places: Map<string, CustomerPlace>;
  profiles: Map<string, RepDayProfile>;
}

async function finish(
  tx: Tx,
  actor: Actor,
  prepared: Prepared,
  visitId: string,
  travelBefore: number,
  resequenced: number,
): Promise<DayChange> {
  const { plan, target, source } = prepared;
  const keys = [
    { repId: target.repId, date: target.date },
    ...(source ? [{ repId: source.repId, date: source.date }] : []),
  ];
  const days = await selectPlanDaysOf(tx, actor.tenantId, plan.id, keys);
  const travelAfter = days.reduce((s, d) => s + d.travelSeconds, 0);
  if (plan.summary)
    await tx
      .update(plans)
      .set({
        summary: {
          ...plan.summary,
          travelSeconds: Math.max(0, plan.summary.travelSeconds + travelAfter - travelBefore),
        },
      })
      .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.id, plan.id)));
  const visits = await selectVisits(
    tx,
    actor,
    and(
      eq(plannedVisits.planId, plan.id),
      or(...keys.map((k) => and(eq(plannedVisits.repId, k.repId), eq(plannedVisits.date, k.date)))),
    ),
  );
  const visit = visits.find((v) => v.id === visitId) as PlannedVisitView;
  return {
    visit,
    days,
    visits,
    change: { travelSecondsBefore: travelBefore, travelSecondsAfter: travelAfter, resequenced },
  };
}

/** The stops of the target day with the new visit, solved; 422 visit_does_not_fit when it cannot. */
async function solveTarget(db: Db, actor: Actor, prepared: Prepared, extra: DayStop) {
  const { target, places, profiles } = prepared;
  const rep = profiles.get(target.repId);
  if (!rep) throw visitDoesNotFit();
  const travel = await getTravelMatrixProvider({ db, actor, osrmUrl: planningTravel.osrmUrl });
  const stops = [...target.visits.map((v) => stopOf(v, places.get(v.customerId), false)), extra];
  try {
    return { schedule: await solveDay({ rep, stops, travel }), travel };
  } catch (error) {
    if (error instanceof DayDoesNotFitError) throw visitDoesNotFit();
    throw error;
  }
}

export interface MoveVisitOptions {
  db: Db;
  actor: Actor;
  planId: string;
  visitId: string;
  date: IsoDate;
  repId: string;
  version: number;
}

/**
 * Moves a planned visit to another day and/or rep: the target day is re-sequenced by the day
 * engine (its pinned, fixed and done visits held at their times), the source day keeps its order
 * and starts with the travel around the gap recomputed; no other day changes. The moved visit is
 * pinned (a refresh keeps it). 409 with `current` on a stale version; audited.
 */
export async function moveVisit(options: MoveVisitOptions): Promise<DayChange> {
  const { db, actor, planId, visitId, date, repId } = options;
  const first = await withTenant(db, actor, async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    const [visit] = await tx
      .select()
      .from(plannedVisits)
      .where(
        and(
          eq(plannedVisits.tenantId, actor.tenantId),
          eq(plannedVisits.planId, planId),
          eq(plannedVisits.id, visitId),
        ),
      );
    if (!visit) throw plannedVisitNotFound();
    if (visit.version !== options.version) {
      const [current] = await selectVisits(tx, actor, eq(plannedVisits.id, visitId));
      throw versionConflict(current);
    }
    return { plan, visit };
  });
  const { plan, visit } = first;
  if (plan.status !== 'ready') throw planNotReady();
  if (visit.status !== 'planned') throw visitNotPlanned();
  await checkTargetDay(db, actor, plan, repId, date);
  const sameDay = visit.repId === repId && visit.date === date;

  const prepared = await withTenant(db, actor, async (tx): Promise<Prepared> => {
    const targetVisits = (await dayVisits(tx, actor.tenantId, planId, repId, date)).filter(
      (v) => v.id !== visitId,
    );
    const sourceVisits = sameDay
      ? null
      : (await dayVisits(tx, actor.tenantId, planId, visit.repId, visit.date)).filter(
          (v) => v.id !== visitId,
        );
    const places = await loadCustomerPlaces(tx, actor.tenantId, [
      visit.customerId,
      ...targetVisits.map((v) => v.customerId),
      ...(sourceVisits ?? []).map((v) => v.customerId),
    ]);
    const profiles = await loadRepDayProfiles(tx, actor.tenantId, [...new Set([repId, visit.repId])]);
    return {
      plan,
      target: { repId, date, visits: targetVisits },
      source: sourceVisits ? { repId: visit.repId, date: visit.date as IsoDate, visits: sourceVisits } : null,
      places,
      profiles,
    };
  });
  const customer = prepared.places.get(visit.customerId);
  if (!customer || customer.lat === null || customer.lng === null) throw visitDoesNotFit();
  const moved = stopOf(visit, customer, false);
  // Moved to another day, it takes the customer's hours; on the same day, any time they allow.
  delete moved.fixedStart;
  const { schedule, travel } = await solveTarget(db, actor, prepared, moved);
  const sourceSchedule = prepared.source
    ? await retimeInOrder({
        rep: prepared.profiles.get(prepared.source.repId) as RepDayProfile,
        stops: prepared.source.visits.map((v) => stopOf(v, prepared.places.get(v.customerId), true)),
        travel,
        firstStart: null,
      })
    : null;

  return withTenant(db, actor, async (tx) => {
    const keys = [
      { repId, date },
      ...(prepared.source ? [{ repId: prepared.source.repId, date: prepared.source.date }] : []),
    ];
    // The days must be as they were read: someone else's change meanwhile is a conflict.
    const involved = [...prepared.target.visits, ...(prepared.source?.visits ?? [])];
    const now = await tx
      .select({ id: plannedVisits.id, version: plannedVisits.version })
      .from(plannedVisits)
      .where(
        and(
          eq(plannedVisits.tenantId, actor.tenantId),
          eq(plannedVisits.planId, planId),
          ne(plannedVisits.id, visitId),
          or(...keys.map((k) => and(eq(plannedVisits.repId, k.repId), eq(plannedVisits.date, k.date)))),
        ),
      );
    const readVersion = new Map(involved.map((v) => [v.id, v.version]));
    if (now.length !== involved.length || now.some((v) => readVersion.get(v.id) !== v.version)) {
      const [current] = await selectVisits(tx, actor, eq(plannedVisits.id, visitId));
      throw versionConflict(current);
    }
    const travelBefore = await dayTravel(tx, actor.tenantId, planId, keys);
    const placed = schedule.stops.find((s) => s.id === visitId);
    if (!placed) throw visitDoesNotFit();
    await updateVersioned(tx, {
      table: plannedVisits,
      where: and(
        eq(plannedVisits.tenantId, actor.tenantId),
        eq(plannedVisits.planId, planId),
        eq(plannedVisits.id, visitId),
      ) as NonNullable<ReturnType<typeof and>>,
      version: options.version,
      set: {
        repId,
        date,
        seq: placed.seq,
        plannedArrival: tokyoInstant(date, placed.arrival),
        plannedStart: tokyoInstant(date, placed.start),
        plannedDeparture: tokyoInstant(date, placed.departure),
        travelSecondsBefore: Math.round(placed.travelSecondsBefore),
        pinned: true,
      },
      current: async () => (await selectVisits(tx, actor, eq(plannedVisits.id, visitId)))[0] ?? null,
      notFound: plannedVisitNotFound,
    });
    const before = new Map(involved.map((v) => [v.id, v]));
    const resequenced = await writeSchedule(tx, actor.tenantId, date, repId, schedule, before, visitId);
    const rows = [
      planDayRow(
        { tenantId: actor.tenantId, planId, repId, date },
        { ...schedule, visitCount: schedule.stops.length },
      ),
    ];
    if (prepared.source && sourceSchedule) {
      await writeSchedule(
        tx,
        actor.tenantId,
        prepared.source.date,
        prepared.source.repId,
        sourceSchedule,
        before,
        null,
      );
      const [old] = await tx
        .select()
        .from(planDays)
        .where(
          and(
            eq(planDays.tenantId, actor.tenantId),
            eq(planDays.planId, planId),
            eq(planDays.repId, prepared.source.repId),
            eq(planDays.date, prepared.source.date),
          ),
        );
      const lunch =
        sourceSchedule.stops.length > 0 && old?.lunchStart && old.lunchEnd
          ? { start: tokyoSecondOfDay(old.lunchStart), end: tokyoSecondOfDay(old.lunchEnd) }
          : null;
      rows.push(
        planDayRow(
          { tenantId: actor.tenantId, planId, repId: prepared.source.repId, date: prepared.source.date },
          { ...sourceSchedule, lunch, visitCount: sourceSchedule.stops.length },
        ),
      );
    }
    await savePlanDays(tx, rows);
    await recordAudit(tx, actor, [
      {
        table: 'planned_visits',
        recordId: visitId,
        action: 'update',
        before: {
          repId: visit.repId,
          date: visit.date,
          plannedStart: visit.plannedStart.toISOString(),
          pinned: visit.pinned,
        },
        after: { repId, date, plannedStart: tokyoInstant(date, placed.start).toISOString(), pinned: true },
        subject: { table: 'plans', id: planId },
        context: { resequenced: String(resequenced) },
      },
    ]);
    return finish(tx, actor, prepared, visitId, travelBefore, resequenced);
  });
}

export interface AddAppointmentOptions {
  db: Db;
  actor: Actor;
  planId: string;
  customerId: string;
  repId: string;
  date: IsoDate;
  /** HH:MM, Asia/Tokyo. */
  startTime: string;
  durationMinutes?: number | undefined;
  /**
   * The caller books on the day of a rep in their own scope (a rep their own day, a manager a
   * rep of their team), whatever the plan's scope (e.g. a company-wide plan): for an agreed
   * appointment booked outside the plan board (bookAppointment).
   */
  ownDay?: boolean;
}

/** The plan of a rep's day the caller may book on (ownDay): the rep must be in their scope. */
async function loadPlanForOwnDay(tx: Tx, actor: Actor, planId: string, repId: string): Promise<PlanRow> {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, actor.tenantId), eq(plans.id, planId)));
  if (!plan) return loadPlan(tx, actor, planId);
  if (actor.role === 'admin' || repId === actor.userId) return plan;
  if (actor.role === 'manager' && actor.teamId) {
    const reps = await loadScopeReps(tx, actor.tenantId, actor.teamId);
    if (reps.some((r) => r.id === repId)) return plan;
  }
  return loadPlan(tx, actor, planId);
}

/**
 * Adds a fixed appointment (fixed and pinned: a refresh keeps it to the minute) at exactly that
 * time; the rest of the day is re-sequenced around it. 422 on `startTime` outside the rep's
 * hours or over their lunch; a customer the caller cannot see answers 404; audited.
 */
export async function addAppointment(options: AddAppointmentOptions): Promise<DayChange> {
  const { db, actor, planId, customerId, repId, date } = options;
  const plan = await withTenant(db, actor, (tx) =>
    options.ownDay ? loadPlanForOwnDay(tx, actor, planId, repId) : loadPlan(tx, actor, planId),
  );
  if (plan.status !== 'ready') throw planNotReady();
  await checkTargetDay(db, actor, plan, repId, date);
  const id = randomUUID();
  const prepared = await withTenant(db, actor, async (tx): Promise<Prepared> => {
    const targetVisits = await dayVisits(tx, actor.tenantId, planId, repId, date);
    const places = await loadCustomerPlaces(tx, actor.tenantId, [
      customerId,
      ...targetVisits.map((v) => v.customerId),
    ]);
    const profiles = await loadRepDayProfiles(tx, actor.tenantId, [repId]);
    return { plan, target: { repId, date, visits: targetVisits }, source: null, places, profiles };
  });
  const customer = prepared.places.get(customerId);
  if (!customer)
    throw new AppError(
      404,
      'not_found',
      { ja: '顧客が見つかりません。', en: 'Customer not found.' },
      {
        customerId: { ja: 'その顧客はありません。', en: 'No such customer.' },
      },
    );
  if (customer.lat === null || customer.lng === null)
    throw fieldError('customerId', {
      ja: 'この顧客は位置（緯度・経度）が未登録です。',
      en: 'This customer has no position (latitude/longitude).',
    });
  const rep = prepared.profiles.get(repId) as RepDayProfile;
  const start = hhmmSeconds(options.startTime);
  const serviceSeconds = (options.durationMinutes ?? customer.visitDurationMinutes) * 60;
  const end = start + serviceSeconds;
  if (start < rep.workStartMinute * 60 || end > rep.workEndMinute * 60)
    throw fieldError('startTime', {
      ja: `担当者の勤務時間（${hm(rep.workStartMinute)}〜${hm(rep.workEndMinute)}）内に収まる時刻を選んでください。`,
      en: `Choose a time within the rep's working hours (${hm(rep.workStartMinute)}–${hm(rep.workEndMinute)}).`,
    });
  if (rep.lunchDurationMinutes > 0) {
    // The lunch must still fit in its window beside the appointment.
    const lunchFrom = rep.lunchStartMinute * 60;
    const lunchTo = rep.lunchEndMinute * 60;
    const need = rep.lunchDurationMinutes * 60;
    const freeBefore = Math.max(0, Math.min(start, lunchTo) - lunchFrom);
    const freeAfter = Math.max(0, lunchTo - Math.max(end, lunchFrom));
    if (end > lunchFrom && start < lunchTo && freeBefore < need && freeAfter < need)
      throw fieldError('startTime', {
        ja: `昼休み（${hm(rep.lunchStartMinute)}〜${hm(rep.lunchEndMinute)}の${rep.lunchDurationMinutes}分）と重なります。`,
        en: `It overlaps the lunch break (${rep.lunchDurationMinutes} min between ${hm(rep.lunchStartMinute)} and ${hm(rep.lunchEndMinute)}).`,
      });
  }
  const stop: DayStop = {
    id,
    position: { lat: customer.lat, lng: customer.lng },
    serviceSeconds,
    windows: [],
    fixedStart: start,
  };
  const { schedule } = await solveTarget(db, actor, prepared, stop);
  const placed = schedule.stops.find((s) => s.id === id);
  if (!placed) throw visitDoesNotFit();

  return withTenant(db, actor, async (tx) => {
    const keys = [{ repId, date }];
    const now = await tx
      .select({ id: plannedVisits.id, version: plannedVisits.version })
      .from(plannedVisits)
      .where(
        and(
          eq(plannedVisits.tenantId, actor.tenantId),
          eq(plannedVisits.planId, planId),
          eq(plannedVisits.repId, repId),
          eq(plannedVisits.date, date),
        ),
      );
    const readVersion = new Map(prepared.target.visits.map((v) => [v.id, v.version]));
    if (now.length !== prepared.target.visits.length || now.some((v) => readVersion.get(v.id) !== v.version))
      throw new AppError(409, 'day_changed', {
        ja: 'その日の予定が先に変更されました。再読み込みしてください。',
        en: 'That day changed meanwhile. Reload and try again.',
      });
    const travelBefore = await dayTravel(tx, actor.tenantId, planId, keys);
    await tx.insert(plannedVisits).values({
      tenantId: actor.tenantId,
      id,
      planId,
      customerId,
      repId,
      date,
      seq: placed.seq,
      plannedArrival: tokyoInstant(date, placed.arrival),
      plannedStart: tokyoInstant(date, placed.start),
      plannedDeparture: tokyoInstant(date, placed.departure),
      travelSecondsBefore: Math.round(placed.travelSecondsBefore),
      pinned: true,
      fixed: true,
    });
    const before = new Map(prepared.target.visits.map((v) => [v.id, v]));
    const resequenced = await writeSchedule(tx, actor.tenantId, date, repId, schedule, before, id);
    await savePlanDays(tx, [
      planDayRow(
        { tenantId: actor.tenantId, planId, repId, date },
        { ...schedule, visitCount: schedule.stops.length },
      ),
    ]);
    await recordAudit(tx, actor, [
      {
        table: 'planned_visits',
        recordId: id,
        action: 'create',
        before: null,
        after: {
          customerId,
          repId,
          date,
          plannedStart: tokyoInstant(date, placed.start).toISOString(),
          fixed: true,
        },
        subject: { table: 'plans', id: planId },
        context: { resequenced: String(resequenced) },
      },
    ]);
    return finish(tx, actor, prepared, id, travelBefore, resequenced);
  });
}

const hm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
