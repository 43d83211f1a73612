import { compileProblem, type ProblemData } from '../model/problem-data.ts';
import { SolverError, SolverErrorCode } from '../model/solver-error.ts';
import type { JobInput, ProblemInput, VehicleInput } from '../model/types.ts';
import { Route, RouteBuilder } from '../search/route.ts';
import { findUnreachableJobs } from '../solve.ts';
import type { PeriodicProblem } from './periodic-problem.ts';
import type { PeriodicUnassignedReason } from './periodic-solution.ts';

/** Skill every vehicle of day k has and every visit on day k needs. */
const daySkill = (day: number) => -1 - day;
/** Skill of one vehicle, needed by a visit pinned to it. */
const vehicleSkill = (vehicle: number) => -1_000_000 - vehicle;
/** Skill of every vehicle working one of a set of days, needed by a flexible visit. */
const daySetSkill = (set: number) => -2_000_000 - set;

/**
 * The periodic problem flattened onto the day engine: one job per (customer, possible day)
 * ("visit"), one vehicle per (day, vehicle) pair, day skills keeping each visit on its day's
 * vehicles, neighbours taken from the same day. Choosing a combination means routing the
 * visits of its days and excluding the others. A customer visited once (every combination is
 * a single day, with the same windows on each) is one "flexible" visit that any vehicle of
 * those days can take: the day engine's moves then change its day too.
 */
export interface PeriodicData {
  readonly problem: PeriodicProblem;
  readonly input: ProblemInput;
  readonly data: ProblemData;
  readonly dayCount: number;
  readonly customerCount: number;
  /** customer × day → visit job, -1 when the customer is never visited that day. */
  readonly visitJob: Int32Array;
  /** Per visit job: its customer, and its days (several for a flexible visit). */
  readonly customerOf: Int32Array;
  readonly jobDays: readonly (readonly number[])[];
  /** Per customer: 1 when its single visit is one job shared by its days. */
  readonly flexible: Uint8Array;
  /** Per combined vehicle: its day and its index in that day's vehicles. */
  readonly vehicleDay: Int32Array;
  readonly vehicleSlot: Int32Array;
  /** Per day: a route filter (by combined vehicle index) holding that day's vehicles. */
  readonly dayRoutes: readonly Uint8Array[];
  /** Per customer: the combinations the search may use (sorted day lists, deduplicated). */
  readonly combinations: readonly (readonly number[])[][];
  /** Per customer: why it cannot be served at all, or undefined. */
  readonly impossible: readonly (PeriodicUnassignedReason | undefined)[];
  /** Per customer: weight of one dropped visit. */
  readonly dropWeight: Float64Array;
  /** Previous plan per customer × day: -2 not visited, -1 visited (any vehicle), else vehicle. */
  readonly previous: Int32Array;
  readonly previousVisits: number;
  readonly stabilityPenalty: number;
}

function invalid(detail: string): never {
  throw new SolverError(SolverErrorCode.InvalidInput, detail);
}

export function compilePeriodic(problem: PeriodicProblem, options: { usePriority: boolean }): PeriodicData {
  if (!problem || !Array.isArray(problem.days) || !Array.isArray(problem.customers)) {
    invalid('a periodic problem needs "days" and "customers" arrays');
  }
  const dayCount = problem.days.length;
  const customerCount = problem.customers.length;
  if (dayCount === 0) invalid('at least one day is needed');

  // Vehicles: one per (day, vehicle).
  const vehicleDay: number[] = [];
  const vehicleSlot: number[] = [];
  const vehicleIndexOf = new Map<string, number>();
  problem.days.forEach((day, k) => {
    if (!day || !Array.isArray(day.vehicles)) invalid(`day ${k} needs a "vehicles" array`);
    day.vehicles.forEach((vehicle: VehicleInput, slot: number) => {
      const key = `${k}|${String(vehicle.id)}`;
      if (vehicleIndexOf.has(key)) invalid(`day ${k}: vehicle id ${vehicle.id} is used twice`);
      vehicleIndexOf.set(key, vehicleDay.length);
      vehicleDay.push(k);
      vehicleSlot.push(slot);
    });
  });
  if (vehicleDay.length === 0) invalid('no day has a vehicle');

  // Combinations, pins.
  const combinations: number[][][] = [];
  const impossible: (PeriodicUnassignedReason | undefined)[] = [];
  const pinnedVehicle = new Int32Array(customerCount * dayCount).fill(-1);
  const usedVehicleSkills = new Set<number>();
  const seenIds = new Set<string>();
  problem.customers.forEach((customer, c) => {
    if (customer === null || typeof customer !== 'object') invalid(`customer #${c} is not an object`);
    const key = String(customer.id);
    if (seenIds.has(key)) invalid(`customer id ${key} is used twice`);
    seenIds.add(key);
    if (!Array.isArray(customer.combinations)) invalid(`customer ${key} needs "combinations"`);
    const unique = new Map<string, number[]>();
    for (const combination of customer.combinations) {
      if (!Array.isArray(combination) || combination.length === 0) {
        invalid(`customer ${key}: a combination must be a non-empty list of day indexes`);
      }
      for (const day of combination) {
        if (!Number.isInteger(day) || day < 0 || day >= dayCount) {
          invalid(`customer ${key}: day ${day} is outside 0..${dayCount - 1}`);
        }
      }
      const sorted = [...new Set(combination)].sort((a, b) => a - b);
      unique.set(sorted.join(','), sorted);
    }
    let list = [...unique.values()];
    let reason: PeriodicUnassignedReason | undefined = list.length === 0 ? 'no_combination' : undefined;
    for (const pin of customer.pinned ?? []) {
      if (!Number.isInteger(pin.day) || pin.day < 0 || pin.day >= dayCount) {
        invalid(`customer ${key}: pinned day ${pin.day} is outside 0..${dayCount - 1}`);
      }
      list = list.filter((days) => days.includes(pin.day));
      if (pin.vehicleId !== undefined) {
        const v = vehicleIndexOf.get(`${pin.day}|${String(pin.vehicleId)}`);
        if (v === undefined) {
          reason ??= 'pinned_conflict';
        } else {
          pinnedVehicle[c * dayCount + pin.day] = v;
          usedVehicleSkills.add(v);
        }
      }
    }
    if (list.length === 0) reason ??= 'pinned_conflict';
    combinations.push(reason ? [] : list);
    impossible.push(reason);
  });

  // Visits: one job per (customer, day of some combination).
  const visitJob = new Int32Array(customerCount * dayCount).fill(-1);
  const customerOf: number[] = [];
  const jobDays: number[][] = [];
  const jobs: JobInput[] = [];
  const flexible = new Uint8Array(customerCount);
  const daySets = new Map<string, number>();
  problem.customers.forEach((customer, c) => {
    const days = new Set<number>();
    for (const combination of combinations[c]!) for (const d of combination) days.add(d);
    const sorted = [...days].sort((a, b) => a - b);
    const windowsOn = (day: number) => customer.timeWindowsByDay?.[day] ?? customer.timeWindows;
    const single =
      sorted.length > 1 &&
      combinations[c]!.every((list) => list.length === 1) &&
      sorted.every((day) => JSON.stringify(windowsOn(day)) === JSON.stringify(windowsOn(sorted[0]!)));
    const groups = single ? [sorted] : sorted.map((day) => [day]);
    if (single) flexible[c] = 1;
    for (const group of groups) {
      const job = jobs.length;
      for (const day of group) visitJob[c * dayCount + day] = job;
      customerOf.push(c);
      jobDays.push(group);
      const day = group[0]!;
      const skills = [...(customer.skills ?? [])];
      if (group.length === 1) {
        skills.push(daySkill(day));
        const pin = pinnedVehicle[c * dayCount + day]!;
        if (pin >= 0) skills.push(vehicleSkill(pin));
      } else {
        const key = group.join(',');
        let set = daySets.get(key);
        if (set === undefined) {
          set = daySets.size;
          daySets.set(key, set);
        }
        skills.push(daySetSkill(set));
      }
      const windows = windowsOn(day);
      const input: JobInput = {
        id: job,
        serviceSeconds: customer.serviceSeconds ?? 0,
        skills,
        ...(windows ? { timeWindows: windows } : {}),
        ...(customer.demand ? { delivery: customer.demand } : {}),
        ...(customer.locationIndex !== undefined ? { locationIndex: customer.locationIndex } : {}),
        ...(customer.coordinates !== undefined ? { coordinates: customer.coordinates } : {}),
      };
      jobs.push(input);
    }
  });
  const vehicles: VehicleInput[] = vehicleDay.map((day, v) => {
    const vehicle = problem.days[day]!.vehicles[vehicleSlot[v]!]!;
    const skills = [
      ...(vehicle.skills ?? []),
      daySkill(day),
      ...(usedVehicleSkills.has(v) ? [vehicleSkill(v)] : []),
    ];
    for (const [key, set] of daySets)
      if (key.split(',').map(Number).includes(day)) skills.push(daySetSkill(set));
    return { ...vehicle, id: v, skills };
  });
  const input: ProblemInput = {
    jobs,
    vehicles,
    ...(problem.matrices ? { matrices: problem.matrices } : {}),
    ...(problem.haversine ? { haversine: problem.haversine } : {}),
    ...(problem.costBasis ? { costBasis: problem.costBasis } : {}),
  };
  let data: ProblemData;
  try {
    data = compileProblem(input, { neighbourGroups: jobDays });
  } catch (error) {
    if (error instanceof SolverError) {
      // Job and vehicle numbers mean nothing to the caller: name customers and days instead.
      const message = error.message.replace(/job (\d+)/g, (_, j) => {
        const job = Number(j);
        return `customer ${problem.customers[customerOf[job]!]?.id} (day ${jobDays[job]?.join(', ')})`;
      });
      throw new SolverError(error.code, message.slice(message.indexOf(': ') + 2));
    }
    throw error;
  }

  // Combinations with a visit nobody can make, even alone, are dropped.
  const unreachable = findUnreachableJobs(data);
  const empties = Array.from({ length: data.vehicleCount }, (_, v) => new Route(data, v, v));
  const dayRoutes = Array.from({ length: dayCount }, () => new Uint8Array(vehicleDay.length));
  vehicleDay.forEach((day, v) => {
    dayRoutes[day]![v] = 1;
  });
  for (let c = 0; c < customerCount; c++) {
    if (impossible[c]) continue;
    const list = combinations[c]!;
    const reachable = (d: number) => {
      const job = visitJob[c * dayCount + d]!;
      if (unreachable[job]) return false;
      return !flexible[c] || reachableOn(data, job, dayRoutes[d]!, empties);
    };
    const usable = list.filter((days) => days.every(reachable));
    if (usable.length === 0) {
      impossible[c] = list.every((days) =>
        days.some((d) => overCapacity(data, visitJob[c * dayCount + d]!, dayRoutes[d]!)),
      )
        ? 'no_capacity'
        : 'window_unreachable';
    }
    combinations[c] = usable;
  }

  const dropWeight = new Float64Array(customerCount);
  problem.customers.forEach((customer, c) => {
    dropWeight[c] = options.usePriority ? 1 + (customer.priority ?? 0) : 1;
  });

  const previous = new Int32Array(customerCount * dayCount).fill(-2);
  let previousVisits = 0;
  if (problem.previousPlan) {
    const customerIndex = new Map(problem.customers.map((c, i) => [String(c.id), i]));
    for (const visit of problem.previousPlan) {
      const c = customerIndex.get(String(visit.customerId));
      if (c === undefined || !Number.isInteger(visit.day) || visit.day < 0 || visit.day >= dayCount) continue;
      const v =
        visit.vehicleId === undefined
          ? undefined
          : vehicleIndexOf.get(`${visit.day}|${String(visit.vehicleId)}`);
      previous[c * dayCount + visit.day] = v ?? -1;
      previousVisits++;
    }
  }
  return {
    problem,
    input,
    data,
    dayCount,
    customerCount,
    visitJob,
    customerOf: Int32Array.from(customerOf),
    jobDays,
    flexible,
    vehicleDay: Int32Array.from(vehicleDay),
    vehicleSlot: Int32Array.from(vehicleSlot),
    dayRoutes,
    combinations,
    impossible,
    dropWeight,
    previous,
    previousVisits,
    stabilityPenalty: problem.stabilityPenalty ?? 1000,
  };
}

function overCapacity(data: ProblemData, job: number, vehicles: Uint8Array): boolean {
  const dims = data.dimensions;
  for (let v = 0; v < data.vehicleCount; v++) {
    if (!vehicles[v]) continue;
    let fits = true;
    for (let d = 0; d < dims; d++) {
      if (data.delivery[job * dims + d]! > data.capacity[v * dims + d]!) fits = false;
    }
    if (fits) return false;
  }
  return true;
}

/** True when some vehicle of the flagged ones can serve the job alone. */
function reachableOn(
  data: ProblemData,
  job: number,
  vehicles: Uint8Array,
  empties: readonly Route[],
): boolean {
  const builder = new RouteBuilder(data);
  for (let v = 0; v < data.vehicleCount; v++) {
    if (!vehicles[v]) continue;
    const route = empties[v]!;
    if (!route.feasible) continue;
    for (let p = 0; p <= route.size; p++) {
      builder.startWith(route, p);
      if (builder.add(job) && builder.finishWith(route, p + 1) !== Number.POSITIVE_INFINITY) return true;
    }
  }
  return false;
}
