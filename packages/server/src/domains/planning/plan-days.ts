import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { member, staffProfiles } from '../../platform/db/schema/index.ts';
import { type DaySchedule, loadRepDayProfiles, tokyoInstant } from './day-schedule.ts';
import { loadPlan } from './plan-view.ts';
import { planDays } from './tables.ts';
import type { IsoDate } from './working-days.ts';

export type PlanDayInsert = typeof planDays.$inferInsert;

/** A plan_days row from a day's schedule (seconds after midnight of `date`). */
export function planDayRow(
  key: { tenantId: string; planId: string; repId: string; date: IsoDate },
  day: Pick<DaySchedule, 'travelSeconds' | 'firstStart' | 'lastEnd' | 'lunch'> & { visitCount: number },
): PlanDayInsert {
  const at = (seconds: number | null) => (seconds === null ? null : tokyoInstant(key.date, seconds));
  return {
    ...key,
    visitCount: day.visitCount,
    travelSeconds: Math.round(day.travelSeconds),
    firstStart: at(day.firstStart),
    lastEnd: at(day.lastEnd),
    lunchStart: at(day.lunch?.start ?? null),
    lunchEnd: at(day.lunch?.end ?? null),
  };
}

/** Writes (or replaces) days of a plan. */
export async function savePlanDays(tx: Tx, rows: readonly PlanDayInsert[]) {
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insert(planDays)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [planDays.tenantId, planDays.planId, planDays.repId, planDays.date],
        set: {
          visitCount: sql`excluded.visit_count`,
          travelSeconds: sql`excluded.travel_seconds`,
          firstStart: sql`excluded.first_start`,
          lastEnd: sql`excluded.last_end`,
          lunchStart: sql`excluded.lunch_start`,
          lunchEnd: sql`excluded.lunch_end`,
          updatedAt: sql`now()`,
        },
      });
}

/** The reps of a plan's scope (its team's, or every rep of the company), by name. */
export async function loadScopeReps(tx: Tx, tenantId: string, teamId: string | null) {
  const rows = await tx
    .select({ id: staffProfiles.userId, name: staffProfiles.displayName })
    .from(staffProfiles)
    .innerJoin(
      member,
      and(eq(member.organizationId, staffProfiles.tenantId), eq(member.userId, staffProfiles.userId)),
    )
    .where(
      and(
        eq(staffProfiles.tenantId, tenantId),
        eq(member.role, 'rep'),
        teamId === null ? undefined : eq(staffProfiles.teamId, teamId),
      ),
    );
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'ja') || a.id.localeCompare(b.id));
}

export interface PlanDayView {
  repId: string;
  repName: string;
  date: string;
  visitCount: number;
  travelSeconds: number;
  firstStart: string | null;
  lastEnd: string | null;
  startPlace: { lat: number; lng: number; label: string } | null;
  endPlace: { lat: number; lng: number; label: string } | null;
  lunch: { start: string; end: string } | null;
}

/** Days of a plan (RLS keeps a manager to their team's reps), by rep name and date. */
export async function selectPlanDays(tx: Tx, tenantId: string, planId: string, where?: SQL) {
  const rows = await tx
    .select()
    .from(planDays)
    .where(and(eq(planDays.tenantId, tenantId), eq(planDays.planId, planId), where))
    .orderBy(asc(planDays.repId), asc(planDays.date));
  const profiles = await loadRepDayProfiles(tx, tenantId, [...new Set(rows.map((r) => r.repId))]);
  const place = (p: { lat: number; lng: number; label: string } | null | undefined) =>
    p ? { lat: p.lat, lng: p.lng, label: p.label.slice(0, 200) } : null;
  return rows
    .map((r): PlanDayView => {
      const profile = profiles.get(r.repId);
      return {
        repId: r.repId,
        repName: profile?.repName ?? '',
        date: r.date,
        visitCount: r.visitCount,
        travelSeconds: r.travelSeconds,
        firstStart: r.firstStart?.toISOString() ?? null,
        lastEnd: r.lastEnd?.toISOString() ?? null,
        startPlace: place(profile?.start),
        endPlace: place(profile?.end),
        lunch:
          r.lunchStart && r.lunchEnd
            ? { start: r.lunchStart.toISOString(), end: r.lunchEnd.toISOString() }
            : null,
      };
    })
    .sort(
      (a, b) =>
        a.repName.localeCompare(b.repName, 'ja') ||
        a.repId.localeCompare(b.repId) ||
        a.date.localeCompare(b.date),
    );
}

/** GET /api/plans/{id}/days: the plan's scope reps and their days (optionally one rep, one date). */
export async function listPlanDays(
  tx: Tx,
  actor: Actor,
  planId: string,
  filters: { repId?: string | undefined; date?: IsoDate | undefined },
) {
  const plan = await loadPlan(tx, actor, planId);
  const reps = await loadScopeReps(tx, actor.tenantId, plan.teamId);
  const days = await selectPlanDays(
    tx,
    actor.tenantId,
    planId,
    and(
      filters.repId ? eq(planDays.repId, filters.repId) : undefined,
      filters.date ? eq(planDays.date, filters.date) : undefined,
    ),
  );
  return { reps, days };
}

/** The days of some (rep, date) pairs of a plan. */
export function selectPlanDaysOf(
  tx: Tx,
  tenantId: string,
  planId: string,
  keys: readonly { repId: string; date: string }[],
) {
  const repIds = [...new Set(keys.map((k) => k.repId))];
  const dates = [...new Set(keys.map((k) => k.date))];
  return selectPlanDays(
    tx,
    tenantId,
    planId,
    and(inArray(planDays.repId, repIds), inArray(planDays.date, dates)),
  ).then((days) => days.filter((d) => keys.some((k) => k.repId === d.repId && k.date === d.date)));
}
