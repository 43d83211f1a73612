import { compileProblem, type ProblemData } from '../model/problem-data.ts';
import { SolverError, SolverErrorCode } from '../model/solver-error.ts';
import type { JobInput, ProblemInput, VehicleInput } from '../model/types.ts';
import { findUnreachableJobs } from '../solve.ts';
import type { PeriodicProblem } from './periodic-problem.ts';
import type { PeriodicUnassignedReason } from './periodic-solution.ts';

/** Skill every vehicle of day k has and every visit on day k needs. */
const daySkill = (day: number) => -1 - day;
/** Skill of one vehicle, needed by a visit pinned to it. */
const vehicleSkill = (vehicle: number) => -1_000_000 - vehicle;

/**
 * The periodic problem flattened onto the day engine: one job per (customer, possible day)
 * ("visit"), one vehicle per (day, vehicle) pair, day skills keeping each visit on its day's
 * vehicles, neighbours taken from the same day. Choosing a combination means routing the
 * visits of its days and excluding the others.
 */
export interface PeriodicData {
  readonly problem: PeriodicProblem;
  readonly input: ProblemInput;
  readonly data: ProblemData;
  readonly dayCount: number;
  readonly customerCount: number;
  /** customer × day → visit job, -1 when the customer is never visited that day. */
  readonly visitJob: Int32Array;
  /** Per visit job. */
  readonly customerOf: Int32Array;
  readonly dayOf: Int32Array;
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
  const dayOf: number[] = [];
  const jobs: JobInput[] = [];
  problem.customers.forEach((customer, c) => {
    const days = new Set<number>();
    for (const combination of combinations[c]!) for (const d of combination) days.add(d);
    for (const day of [...days].sort((a, b) => a - b)) {
      const job = jobs.length;
      visitJob[c * dayCount + day] = job;
      customerOf.push(c);
      dayOf.push(day);
      const pin = pinnedVehicle[c * dayCount + day]!;
      const skills = [...(customer.skills ?? []), daySkill(day), ...(pin >= 0 ? [vehicleSkill(pin)] : [])];
      const windows = customer.timeWindowsByDay?.[day] ?? customer.timeWindows;
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
    data = compileProblem(input, { neighbourGroup: Int32Array.from(dayOf) });
  } catch (error) {
    if (error instanceof SolverError) {
      // Job and vehicle numbers mean nothing to the caller: name customers and days instead.
      const message = error.message.replace(/job (\d+)/g, (_, j) => {
        const job = Number(j);
        return `customer ${problem.customers[customerOf[job]!]?.id} (day ${dayOf[job]})`;
      });
      throw new SolverError(error.code, message.slice(message.indexOf(': ') + 2));
    }
    throw error;
  }

  // Combinations with a visit nobody can make, even alone, are dropped.
  const unreachable = findUnreachableJobs(data);
  const dayRoutes = Array.from({ length: dayCount }, () => new Uint8Array(vehicleDay.length));
  vehicleDay.forEach((day, v) => {
    dayRoutes[day]![v] = 1;
  });
  for (let c = 0; c < customerCount; c++) {
    if (impossible[c]) continue;
    const list = combinations[c]!;
    const usable = list.filter((days) => days.every((d) => !unreachable[visitJob[c * dayCount + d]!]));
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
    dayOf: Int32Array.from(dayOf),
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
