import {
  type PeriodicCustomer,
  type PeriodicDay,
  type PeriodicProblem,
  type PreviousVisit,
  visitCombinations,
} from '@kayoi/solver';
import type { PlanningSignals } from './planning-signals.ts';
import type { IsoDate } from './working-days.ts';

const DAY_MS = 86_400_000;
/** Asia/Tokyo has no daylight saving: a civil day is UTC+9 all year. */
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** A customer as the planner needs it (read from the customer book). */
export interface PlanningCustomer {
  id: string;
  lat: number | null;
  lng: number | null;
  repId: string | null;
  teamId: string | null;
  rank: 'A' | 'B' | 'C';
  status: 'active' | 'dormant' | 'churned';
  cadenceDays: number;
  cadenceToleranceDays: number;
  lastVisitAt: Date | null;
  /** 0 = Sunday … 6 = Saturday; empty = any working day. */
  preferredWeekdays: readonly number[];
  /** Local opening hours, HH:MM. */
  timeWindows: readonly { start: string; end: string }[];
  visitDurationMinutes: number;
  archived: boolean;
  /** Early warnings from outside the book (planning-signals.ts); none = no boost. */
  signals?: PlanningSignals;
}

/** A rep's working profile and the dates they work in the horizon. */
export interface PlanningRep {
  id: string;
  teamId: string | null;
  start: { lat: number; lng: number };
  end: { lat: number; lng: number };
  /** Minutes after local midnight. */
  workStartMinute: number;
  workEndMinute: number;
  lunchStartMinute: number;
  lunchEndMinute: number;
  lunchDurationMinutes: number;
  /** The most visits a day (the working profile's); null or absent = as many as the hours allow. */
  maxVisitsPerDay?: number | null;
  workingDates: readonly IsoDate[];
}

/** A visit agreed for a given time: kept exactly (that day, that rep, that start). */
export interface FixedAppointment {
  customerId: string;
  date: IsoDate;
  /** Minutes after local midnight (a fraction for a start between minutes). */
  startMinute: number;
  repId: string;
}

export interface BuildPlanProblemOptions {
  /** Every calendar date of the horizon, in order (working or not). */
  dates: readonly IsoDate[];
  customers: readonly PlanningCustomer[];
  reps: readonly PlanningRep[];
  appointments?: readonly FixedAppointment[];
  /** The plan being refreshed: re-planning prefers to keep each visit's day and rep. */
  previous?: readonly { customerId: string; date: IsoDate; repId: string }[];
  /** A customer may be visited by another rep of its team (default: its own rep only). */
  coverByTeam?: boolean;
}

/** Why a customer is not in the problem at all (the planner lists these with the unplanned). */
export type ExcludedReason =
  | 'no_position'
  | 'no_rep'
  | 'rep_not_working'
  | 'cadence_impossible'
  | 'visit_longer_than_opening';

export interface PlanProblem {
  problem: PeriodicProblem;
  /** The date of each problem day (the days at least one rep works). */
  dayDates: IsoDate[];
  /** Customers left out before solving, with the reason. */
  excluded: { customerId: string; reason: ExcludedReason }[];
  /** Customers not due in the horizon (their next visit falls after it): not planned, not a failure. */
  notDue: string[];
}

const civilDay = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const tokyoDay = (at: Date) => Math.floor((at.getTime() + TOKYO_OFFSET_MS) / DAY_MS);
const seconds = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return ((h ?? 0) * 60 + (m ?? 0)) * 60;
};

/** Priority points for the health score's risk 100 (scaled linearly: risk 50 → +15). */
export const RISK_PRIORITY_WEIGHT = 30;
/** Priority points for a reorder fully due (reorderDue 1). */
export const REORDER_PRIORITY_WEIGHT = 15;

/**
 * How urgent a customer is (0..100, the solver's priority): its rank (A 60, B 35, C 15), raised
 * as it becomes overdue (a cadence late adds 40), by its health risk (risk/100 × 30) and a due
 * reorder (reorderDue × 15), lowered for a dormant customer (−10); capped at 100.
 */
export function customerPriority(customer: PlanningCustomer, firstDay: number): number {
  const base = customer.rank === 'A' ? 60 : customer.rank === 'B' ? 35 : 15;
  const overdueDays =
    customer.lastVisitAt === null
      ? customer.cadenceDays
      : firstDay - tokyoDay(customer.lastVisitAt) - customer.cadenceDays;
  const overdue = Math.max(0, Math.min(40, (overdueDays / customer.cadenceDays) * 40));
  const dormant = customer.status === 'dormant' ? -10 : 0;
  const { risk, reorderDue } = customer.signals ?? { risk: 0, reorderDue: 0 };
  const signals =
    (Math.max(0, Math.min(100, risk)) / 100) * RISK_PRIORITY_WEIGHT +
    Math.max(0, Math.min(1, reorderDue)) * REORDER_PRIORITY_WEIGHT;
  return Math.max(0, Math.min(100, Math.round(base + overdue + dormant + signals)));
}

/**
 * Turns the customer book and the reps' working days into the periodic engine's problem: one
 * day per date someone works; each working rep a vehicle with their shift and lunch break; each
 * customer due in the horizon its visit-day combinations (cadence ± tolerance from the last
 * visit, on its preferred weekdays and its rep's working days), its opening hours, its visit
 * length and a priority; a customer keeps its rep (a skill per rep) unless the team may cover.
 * Fixed appointments are pinned to their day, rep and start time. Customers that cannot be
 * planned at all (no position, no rep) come back as `excluded`, with the reason.
 */
export function buildPlanProblem(options: BuildPlanProblemOptions): PlanProblem {
  const { dates, reps } = options;
  const working = new Map(reps.map((r) => [r.id, new Set(r.workingDates)]));
  const dayDates = dates.filter((d) => reps.some((r) => working.get(r.id)?.has(d)));
  const calendarDays = dayDates.map(civilDay);
  const firstDay = dates.length > 0 ? civilDay(dates[0] as IsoDate) : 0;
  const repSkill = new Map(reps.map((r, i) => [r.id, i]));
  const teamSkill = new Map<string, number>();
  for (const r of reps)
    if (r.teamId && !teamSkill.has(r.teamId)) teamSkill.set(r.teamId, reps.length + teamSkill.size);

  const days: PeriodicDay[] = dayDates.map((date) => ({
    id: date,
    vehicles: reps
      .filter((r) => working.get(r.id)?.has(date))
      .map((r) => ({
        id: r.id,
        start: { coordinates: [r.start.lng, r.start.lat] as const },
        end: { coordinates: [r.end.lng, r.end.lat] as const },
        shift: [r.workStartMinute * 60, r.workEndMinute * 60] as const,
        breaks:
          r.lunchDurationMinutes > 0
            ? [
                {
                  id: `lunch:${r.id}:${date}`,
                  timeWindows: [
                    [r.lunchStartMinute * 60, (r.lunchEndMinute - r.lunchDurationMinutes) * 60] as const,
                  ],
                  serviceSeconds: r.lunchDurationMinutes * 60,
                },
              ]
            : [],
        skills: [repSkill.get(r.id) as number, ...(r.teamId ? [teamSkill.get(r.teamId) as number] : [])],
        ...(r.maxVisitsPerDay ? { maxTasks: r.maxVisitsPerDay } : {}),
      })),
  }));

  const appointmentsOf = new Map<string, FixedAppointment[]>();
  for (const a of options.appointments ?? [])
    appointmentsOf.set(a.customerId, [...(appointmentsOf.get(a.customerId) ?? []), a]);

  const excluded: PlanProblem['excluded'] = [];
  const notDue: string[] = [];
  const customers: PeriodicCustomer[] = [];
  const lastDay = calendarDays.at(-1) ?? firstDay;
  for (const c of options.customers) {
    if (c.archived || c.status === 'churned') continue;
    if (c.lat === null || c.lng === null) {
      excluded.push({ customerId: c.id, reason: 'no_position' });
      continue;
    }
    const rep = c.repId === null ? undefined : reps.find((r) => r.id === c.repId);
    if (!rep) {
      excluded.push({ customerId: c.id, reason: 'no_rep' });
      continue;
    }
    const lastVisitDay = c.lastVisitAt === null ? undefined : tokyoDay(c.lastVisitAt);
    if (lastVisitDay !== undefined && lastVisitDay + c.cadenceDays - c.cadenceToleranceDays > lastDay) {
      notDue.push(c.id);
      continue;
    }
    const cover = options.coverByTeam && c.teamId !== null;
    const allowedDays = dayDates.flatMap((date, k) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (c.preferredWeekdays.length > 0 && !c.preferredWeekdays.includes(weekday)) return [];
      const someone = cover
        ? reps.some((r) => r.teamId === c.teamId && working.get(r.id)?.has(date))
        : working.get(rep.id)?.has(date);
      return someone ? [k] : [];
    });
    const appointments = appointmentsOf.get(c.id) ?? [];
    const pinnedDays = appointments.map((a) => dayDates.indexOf(a.date)).filter((k) => k >= 0);
    let combinations = visitCombinations({
      allowedDays,
      calendarDays,
      cadenceDays: c.cadenceDays,
      toleranceDays: c.cadenceToleranceDays,
      ...(lastVisitDay !== undefined ? { lastVisitDay } : {}),
    });
    if (pinnedDays.length > 0) {
      // An appointment is kept whatever the cadence says: it is the visit of that day.
      const withPins = combinations.filter((combo) => pinnedDays.every((d) => combo.includes(d)));
      combinations = withPins.length > 0 ? withPins : [pinnedDays.sort((a, b) => a - b)];
    }
    if (combinations.length === 0) {
      excluded.push({
        customerId: c.id,
        reason: allowedDays.length === 0 ? 'rep_not_working' : 'cadence_impossible',
      });
      continue;
    }
    // Opening hours bound the whole visit: service starts early enough to end before closing.
    const service = c.visitDurationMinutes * 60;
    const windows = c.timeWindows
      .map((w) => [seconds(w.start), seconds(w.end) - service] as const)
      .filter(([open, lastStart]) => lastStart >= open);
    if (c.timeWindows.length > 0 && windows.length === 0) {
      excluded.push({ customerId: c.id, reason: 'visit_longer_than_opening' });
      continue;
    }
    const timeWindowsByDay = dayDates.map((_, k) => {
      const a = appointments.find((x) => dayDates.indexOf(x.date) === k);
      if (!a) return null;
      const at = Math.round(a.startMinute * 60);
      return [[at, at] as const];
    });
    customers.push({
      id: c.id,
      coordinates: [c.lng, c.lat],
      serviceSeconds: service,
      ...(windows.length > 0 ? { timeWindows: windows } : {}),
      ...(appointments.length > 0 ? { timeWindowsByDay } : {}),
      combinations,
      priority: customerPriority(c, firstDay),
      skills: [cover ? (teamSkill.get(c.teamId as string) as number) : (repSkill.get(rep.id) as number)],
      ...(pinnedDays.length > 0
        ? {
            pinned: appointments
              .filter((a) => dayDates.includes(a.date))
              .map((a) => ({ day: dayDates.indexOf(a.date), vehicleId: a.repId })),
          }
        : {}),
    });
  }

  const previousPlan: PreviousVisit[] = (options.previous ?? []).flatMap((v) => {
    const day = dayDates.indexOf(v.date);
    return day >= 0 ? [{ customerId: v.customerId, day, vehicleId: v.repId }] : [];
  });

  return {
    problem: {
      days,
      customers,
      haversine: { detourFactor: 1.3, speedMetresPerSecond: 25_000 / 3600 },
      costBasis: 'duration',
      ...(previousPlan.length > 0 ? { previousPlan } : {}),
    },
    dayDates,
    excluded,
    notDue,
  };
}
