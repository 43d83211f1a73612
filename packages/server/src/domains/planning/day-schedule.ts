import { type ProblemInput, type Solution, solveInWorker } from '@kayoi/solver';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import type { LatLng, TravelMatrixProvider } from '../../platform/geo/travel-matrix.ts';
import { customers } from '../customers/tables.ts';
import type { IsoDate } from './working-days.ts';

const TOKYO_OFFSET_MS = 9 * 3_600_000;
/** The instant of `seconds` after midnight of a civil date in Asia/Tokyo. */
export const tokyoInstant = (date: IsoDate, seconds: number) =>
  new Date(Date.parse(`${date}T00:00:00+09:00`) + seconds * 1000);
/** Seconds after local midnight (Asia/Tokyo) of an instant. */
export const tokyoSecondOfDay = (at: Date) =>
  Math.round((((at.getTime() + TOKYO_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000) / 1000;
export const hhmmSeconds = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return ((h ?? 0) * 60 + (m ?? 0)) * 60;
};

/**
 * Opening hours as the windows service may start in: it must end before closing. Empty when
 * the customer has no hours (any time of the shift); null when no window is long enough.
 */
export function startWindows(
  timeWindows: readonly { start: string; end: string }[],
  serviceSeconds: number,
): [number, number][] | null {
  const windows = timeWindows
    .map((w) => [hhmmSeconds(w.start), hhmmSeconds(w.end) - serviceSeconds] as [number, number])
    .filter(([open, lastStart]) => lastStart >= open)
    .sort((a, b) => a[0] - b[0]);
  return timeWindows.length > 0 && windows.length === 0 ? null : windows;
}

/** A rep's working day as the planner sees it: places, hours and lunch. */
export interface RepDayProfile {
  repId: string;
  repName: string;
  teamId: string | null;
  start: (LatLng & { label: string }) | null;
  end: (LatLng & { label: string }) | null;
  workStartMinute: number;
  workEndMinute: number;
  lunchStartMinute: number;
  lunchEndMinute: number;
  lunchDurationMinutes: number;
}

/**
 * The reps' profiles; a rep without a start place starts (and ends) at the middle of their
 * customers, as the planner does.
 */
export async function loadRepDayProfiles(
  tx: Tx,
  tenantId: string,
  repIds: readonly string[],
): Promise<Map<string, RepDayProfile>> {
  if (repIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(staffProfiles)
    .where(and(eq(staffProfiles.tenantId, tenantId), inArray(staffProfiles.userId, [...repIds])));
  const centres = await tx
    .select({
      repId: customers.repId,
      lat: sql<number>`avg(${customers.lat})::float8`,
      lng: sql<number>`avg(${customers.lng})::float8`,
    })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tenantId),
        inArray(customers.repId, [...repIds]),
        isNull(customers.archivedAt),
        ne(customers.status, 'churned'),
        sql`${customers.lat} is not null and ${customers.lng} is not null`,
      ),
    )
    .groupBy(customers.repId);
  const centreOf = new Map(centres.map((c) => [c.repId, c]));
  return new Map(
    rows.map((r) => {
      const centre = centreOf.get(r.userId);
      const middle = centre
        ? { lat: Number(centre.lat), lng: Number(centre.lng), label: '担当顧客の中心' }
        : null;
      const start =
        r.startLat !== null && r.startLng !== null
          ? { lat: r.startLat, lng: r.startLng, label: r.startAddress ?? '出発地' }
          : middle;
      const end =
        r.endLat !== null && r.endLng !== null
          ? { lat: r.endLat, lng: r.endLng, label: r.endAddress ?? '帰着地' }
          : start;
      return [
        r.userId,
        {
          repId: r.userId,
          repName: r.displayName,
          teamId: r.teamId,
          start,
          end,
          workStartMinute: r.workStartMinute,
          workEndMinute: r.workEndMinute,
          lunchStartMinute: r.lunchStartMinute,
          lunchEndMinute: r.lunchEndMinute,
          lunchDurationMinutes: r.lunchDurationMinutes,
        },
      ];
    }),
  );
}

/** A visit to place on a day. */
export interface DayStop {
  /** The planned visit's id. */
  id: string;
  position: LatLng;
  serviceSeconds: number;
  /** Windows service may start in (seconds after midnight); empty = any time of the shift. */
  windows: readonly (readonly [number, number])[];
  /** A pinned or fixed visit keeps this start (seconds after midnight). */
  fixedStart?: number;
}

export interface ScheduledStop {
  id: string;
  seq: number;
  arrival: number;
  start: number;
  departure: number;
  travelSecondsBefore: number;
}

/** A rep's day in order and time (seconds after midnight), with its totals. */
export interface DaySchedule {
  stops: ScheduledStop[];
  /** Driving, the way back to the end place included. */
  travelSeconds: number;
  firstStart: number | null;
  lastEnd: number | null;
  lunch: { start: number; end: number } | null;
}

export class DayDoesNotFitError extends Error {
  override name = 'DayDoesNotFitError';
  constructor(readonly stopIds: string[]) {
    super(`stops ${stopIds.join(', ')} do not fit the day`);
  }
}

/**
 * Orders and times a rep's day with the day engine (solveInWorker): every stop must be served
 * (DayDoesNotFitError otherwise), fixed stops at their time, the lunch break inside its window,
 * travel from the provider (the tenant's straight line or OSRM).
 */
export async function solveDay(options: {
  rep: RepDayProfile;
  stops: readonly DayStop[];
  travel: TravelMatrixProvider;
  timeLimitSeconds?: number;
}): Promise<DaySchedule> {
  const { rep, stops } = options;
  if (stops.length === 0)
    return { stops: [], travelSeconds: 0, firstStart: null, lastEnd: null, lunch: null };
  if (!rep.start || !rep.end) throw new DayDoesNotFitError(stops.map((s) => s.id));
  const places: LatLng[] = [rep.start, rep.end, ...stops.map((s) => s.position)];
  const { durationsSeconds } = await options.travel.matrix({ sources: places });
  const lunchSeconds = rep.lunchDurationMinutes * 60;
  const input: ProblemInput = {
    jobs: stops.map((s, i) => ({
      id: s.id,
      locationIndex: i + 2,
      serviceSeconds: s.serviceSeconds,
      mandatory: true,
      ...(s.fixedStart !== undefined
        ? { timeWindows: [[s.fixedStart, s.fixedStart] as const] }
        : s.windows.length > 0
          ? { timeWindows: s.windows }
          : {}),
    })),
    vehicles: [
      {
        id: rep.repId,
        start: { locationIndex: 0 },
        end: { locationIndex: 1 },
        shift: [rep.workStartMinute * 60, rep.workEndMinute * 60],
        breaks:
          lunchSeconds > 0
            ? [
                {
                  id: 'lunch',
                  timeWindows: [[rep.lunchStartMinute * 60, rep.lunchEndMinute * 60 - lunchSeconds]],
                  serviceSeconds: lunchSeconds,
                },
              ]
            : [],
      },
    ],
    matrices: { durations: durationsSeconds },
    costBasis: 'duration',
    unreachableJobs: 'unassign',
  };
  const solution: Solution = await solveInWorker(input, {
    timeLimitSeconds: options.timeLimitSeconds ?? 2,
    seed: 1,
  }).solution;
  if (solution.unassigned.length > 0)
    throw new DayDoesNotFitError(solution.unassigned.map((u) => String(u.id)));
  const route = solution.routes[0];
  if (!route) throw new DayDoesNotFitError(stops.map((s) => s.id));
  const out: ScheduledStop[] = [];
  let lunch: DaySchedule['lunch'] = null;
  let firstStart: number | null = null;
  let lastEnd: number | null = null;
  let previousLocation = 0;
  for (const step of route.steps) {
    const departure = step.serviceStart + step.serviceSeconds;
    if (step.type === 'start') {
      firstStart = step.serviceStart;
    } else if (step.type === 'job') {
      const location = step.locationIndex ?? 0;
      out.push({
        id: String(step.id),
        seq: out.length + 1,
        arrival: step.arrival,
        start: step.serviceStart,
        departure,
        travelSecondsBefore: durationsSeconds[previousLocation]?.[location] ?? 0,
      });
      previousLocation = location;
    } else if (step.type === 'break') {
      lunch = { start: step.serviceStart, end: departure };
    } else {
      lastEnd = step.arrival;
    }
  }
  // A route leaves as late as its first visit allows (as the periodic planner does).
  const first = out[0];
  if (first && firstStart !== null)
    firstStart = Math.max(firstStart, first.arrival - first.travelSecondsBefore);
  return { stops: out, travelSeconds: route.travelSeconds, firstStart, lastEnd, lunch };
}

/**
 * A day's times recomputed keeping its order and its starts (after a visit left it): each
 * arrival follows the previous departure by the travel between them; a start never moves
 * earlier than planned, so windows, fixed times and the lunch stay as they were.
 */
export async function retimeInOrder(options: {
  rep: RepDayProfile;
  stops: readonly (DayStop & { start: number })[];
  travel: TravelMatrixProvider;
  firstStart: number | null;
}): Promise<DaySchedule> {
  const { rep, stops } = options;
  if (stops.length === 0 || !rep.start || !rep.end)
    return { stops: [], travelSeconds: 0, firstStart: null, lastEnd: null, lunch: null };
  const places: LatLng[] = [rep.start, rep.end, ...stops.map((s) => s.position)];
  const { durationsSeconds: d } = await options.travel.matrix({ sources: places });
  const out: ScheduledStop[] = [];
  let location = 0;
  let travel = 0;
  const firstLeg = d[0]?.[2] ?? 0;
  const first = stops[0] as DayStop & { start: number };
  let clock = Math.max(rep.workStartMinute * 60, first.start - firstLeg);
  const firstStart = clock;
  stops.forEach((s, i) => {
    const leg = d[location]?.[i + 2] ?? 0;
    travel += leg;
    const arrival = clock + leg;
    const start = Math.max(arrival, s.start);
    out.push({
      id: s.id,
      seq: i + 1,
      arrival,
      start,
      departure: start + s.serviceSeconds,
      travelSecondsBefore: leg,
    });
    clock = start + s.serviceSeconds;
    location = i + 2;
  });
  const back = d[location]?.[1] ?? 0;
  return { stops: out, travelSeconds: travel + back, firstStart, lastEnd: clock + back, lunch: null };
}
