import { buildHaversineMatrices } from './haversine.ts';
import { SolverError, SolverErrorCode } from './solver-error.ts';
import type { Coordinates, Place, ProblemInput, TimeWindow } from './types.ts';

/** Large enough to stand for "no limit" in time arithmetic while staying exact in doubles. */
export const NO_LIMIT = 1e15;

/**
 * The immutable, flattened problem the search works on. Nodes 0..jobCount-1 are jobs, the
 * next breakCount nodes are breaks (each pinned to one vehicle, with no location of its own).
 */
export interface ProblemData {
  readonly input: ProblemInput;
  readonly jobCount: number;
  readonly breakCount: number;
  readonly vehicleCount: number;
  readonly locationCount: number;
  readonly dimensions: number;
  /** locationCount² row-major matrices. */
  readonly durations: Float64Array;
  readonly distances: Float64Array;
  readonly costs: Float64Array;
  /** Per node (jobs then breaks): location (-1 for breaks), service seconds, window slice. */
  readonly nodeLocation: Int32Array;
  readonly nodeService: Float64Array;
  readonly windowOffset: Int32Array;
  readonly windowStart: Float64Array;
  readonly windowEnd: Float64Array;
  readonly breakVehicle: Int32Array;
  /** Per job. */
  readonly priority: Float64Array;
  readonly mandatory: Uint8Array;
  readonly delivery: Float64Array;
  readonly pickup: Float64Array;
  /** jobCount × vehicleCount: 1 when the vehicle has every skill the job needs. */
  readonly compatible: Uint8Array;
  /** Per vehicle. */
  readonly vehicleStart: Int32Array;
  readonly vehicleEnd: Int32Array;
  readonly shiftStart: Float64Array;
  readonly shiftEnd: Float64Array;
  readonly capacity: Float64Array;
  readonly maxTasks: Float64Array;
  readonly maxTravel: Float64Array;
  /** Route duration limit (departure delayed as late as possible); NO_LIMIT when none. */
  readonly maxDuration: Float64Array;
  /** True when some vehicle has a duration limit: routes then keep duration segments. */
  readonly hasDurationLimit: boolean;
  readonly fixedCost: Float64Array;
  readonly vehicleBreaks: readonly Int32Array[];
  /** Vehicles with equal profile can swap route tails using each other's caches. */
  readonly vehicleProfile: Int32Array;
  /** Vehicles of one kind are interchangeable (same start, end, shift, limits, skills, cost). */
  readonly vehicleKind: Int32Array;
  /** True when every job is compatible with every vehicle. */
  readonly uniformSkills: boolean;
  /** Granular neighbourhood: for each job, the closest jobs (time-window aware), best first. */
  readonly neighbours: readonly Int32Array[];
}

export interface CompileOptions {
  neighbourCount?: number;
  /**
   * Per job, the groups it belongs to: granular neighbours are taken from jobs sharing a
   * group only (the periodic engine groups visits by day, since visits on different days
   * never share a route).
   */
  neighbourGroups?: readonly (readonly number[])[];
}

function invalid(detail: string): never {
  throw new SolverError(SolverErrorCode.InvalidInput, detail);
}

function checkWindows(windows: readonly TimeWindow[], what: string): void {
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const w of windows) {
    if (!Array.isArray(w) || w.length !== 2 || !Number.isFinite(w[0]) || !Number.isFinite(w[1])) {
      invalid(`${what}: a time window must be [start, end] with finite numbers`);
    }
    if (w[0] > w[1]) invalid(`${what}: time window [${w[0]}, ${w[1]}] ends before it starts`);
    if (w[0] < previousEnd) invalid(`${what}: time windows must be sorted and disjoint`);
    previousEnd = w[1];
  }
}

function readMatrix(
  rows: readonly (readonly number[])[],
  name: string,
  size: number,
  target: Float64Array,
): void {
  if (rows.length !== size) {
    throw new SolverError(
      SolverErrorCode.InconsistentMatrix,
      `${name} has ${rows.length} rows, expected ${size}`,
    );
  }
  for (let i = 0; i < size; i++) {
    const row = rows[i]!;
    if (!Array.isArray(row) || row.length !== size) {
      throw new SolverError(
        SolverErrorCode.InconsistentMatrix,
        `${name} row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries, expected ${size}`,
      );
    }
    for (let j = 0; j < size; j++) {
      const value = row[j]!;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new SolverError(
          SolverErrorCode.InconsistentMatrix,
          `${name}[${i}][${j}] must be a non-negative number, got ${JSON.stringify(value)}`,
        );
      }
      target[i * size + j] = value;
    }
  }
}

/** Validates the input and flattens it for the search. Throws SolverError on bad input. */
export function compileProblem(input: ProblemInput, options: CompileOptions = {}): ProblemData {
  if (!input || !Array.isArray(input.jobs) || !Array.isArray(input.vehicles)) {
    invalid('a problem needs "jobs" and "vehicles" arrays');
  }
  if (input.vehicles.length === 0) invalid('at least one vehicle is needed');
  const jobs = input.jobs;
  const vehicles = input.vehicles;
  const jobCount = jobs.length;
  const vehicleCount = vehicles.length;

  // Places: matrix indices, or coordinates collected into a haversine matrix.
  const coordinateList: Coordinates[] = [];
  const coordinateIndex = new Map<string, number>();
  const useMatrices = input.matrices !== undefined;
  const resolvePlace = (place: Place | undefined, what: string): number => {
    if (place === undefined) return -1;
    if (useMatrices) {
      if (!Number.isInteger(place.locationIndex) || (place.locationIndex ?? -1) < 0) {
        invalid(`${what}: needs a non-negative integer locationIndex when matrices are given`);
      }
      return place.locationIndex!;
    }
    const c = place.coordinates;
    if (!c || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
      invalid(`${what}: needs coordinates [lon, lat] when no matrices are given`);
    }
    const key = `${c[0]},${c[1]}`;
    let index = coordinateIndex.get(key);
    if (index === undefined) {
      index = coordinateList.length;
      coordinateIndex.set(key, index);
      coordinateList.push(c);
    }
    return index;
  };

  const jobLocation = jobs.map((job, i) => {
    if (job === null || typeof job !== 'object') invalid(`job #${i} is not an object`);
    const loc = resolvePlace(job, `job ${job.id}`);
    if (loc < 0) invalid(`job ${job.id} has no location`);
    return loc;
  });
  const startLocation = vehicles.map((v) => resolvePlace(v.start, `vehicle ${v.id} start`));
  const endLocation = vehicles.map((v) => resolvePlace(v.end, `vehicle ${v.id} end`));

  let locationCount: number;
  let durations: Float64Array;
  let distances: Float64Array;
  let costs: Float64Array;
  if (input.matrices) {
    const m = input.matrices;
    if (!Array.isArray(m.durations)) invalid('matrices.durations is missing');
    locationCount = m.durations.length;
    durations = new Float64Array(locationCount * locationCount);
    readMatrix(m.durations, 'durations matrix', locationCount, durations);
    if (m.distances) {
      distances = new Float64Array(locationCount * locationCount);
      readMatrix(m.distances, 'distances matrix', locationCount, distances);
    } else {
      distances = durations;
    }
    if (m.costs) {
      costs = new Float64Array(locationCount * locationCount);
      readMatrix(m.costs, 'costs matrix', locationCount, costs);
    } else {
      costs = input.costBasis === 'duration' ? durations : distances;
    }
    const maxIndex = Math.max(...jobLocation, ...startLocation, ...endLocation);
    if (maxIndex >= locationCount) {
      throw new SolverError(
        SolverErrorCode.InconsistentMatrix,
        `location index ${maxIndex} is outside the ${locationCount}×${locationCount} matrix`,
      );
    }
  } else {
    locationCount = coordinateList.length;
    const built = buildHaversineMatrices({
      coordinates: coordinateList,
      detourFactor: input.haversine?.detourFactor ?? 1.3,
      speedMetresPerSecond: input.haversine?.speedMetresPerSecond ?? 25 / 3.6,
    });
    durations = built.durations;
    distances = built.distances;
    costs = input.costBasis === 'duration' ? durations : distances;
  }

  // Capacity dimensions.
  let dimensions = 0;
  for (const v of vehicles) dimensions = Math.max(dimensions, v.capacity?.length ?? 0);
  for (const j of jobs) dimensions = Math.max(dimensions, j.delivery?.length ?? 0, j.pickup?.length ?? 0);

  // Breaks.
  const breakVehicleList: number[] = [];
  const vehicleBreaks: Int32Array[] = [];
  for (let v = 0; v < vehicleCount; v++) {
    const breaks = vehicles[v]!.breaks ?? [];
    const ids: number[] = [];
    for (const b of breaks) {
      checkWindows(b.timeWindows ?? [], `break ${b.id} of vehicle ${vehicles[v]!.id}`);
      ids.push(jobCount + breakVehicleList.length);
      breakVehicleList.push(v);
    }
    vehicleBreaks.push(Int32Array.from(ids));
  }
  const breakCount = breakVehicleList.length;
  const nodeCount = jobCount + breakCount;

  const nodeLocation = new Int32Array(nodeCount).fill(-1);
  const nodeService = new Float64Array(nodeCount);
  const windowOffset = new Int32Array(nodeCount + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const priority = new Float64Array(jobCount);
  const mandatory = new Uint8Array(jobCount);
  const delivery = new Float64Array(jobCount * dimensions);
  const pickup = new Float64Array(jobCount * dimensions);
  const seenIds = new Set<string>();
  for (let j = 0; j < jobCount; j++) {
    const job = jobs[j]!;
    const key = String(job.id);
    if (seenIds.has(key)) invalid(`job id ${key} is used twice`);
    seenIds.add(key);
    nodeLocation[j] = jobLocation[j]!;
    const service = job.serviceSeconds ?? 0;
    if (!Number.isFinite(service) || service < 0) invalid(`job ${key}: serviceSeconds must be >= 0`);
    nodeService[j] = service;
    const windows = job.timeWindows ?? [];
    checkWindows(windows, `job ${key}`);
    windowOffset[j] = starts.length;
    if (windows.length === 0) {
      starts.push(0);
      ends.push(NO_LIMIT);
    }
    for (const w of windows) {
      starts.push(w[0]);
      ends.push(w[1]);
    }
    const p = job.priority ?? 0;
    if (!Number.isFinite(p) || p < 0 || p > 100) invalid(`job ${key}: priority must be in 0..100`);
    priority[j] = p;
    mandatory[j] = job.mandatory ? 1 : 0;
    for (let d = 0; d < dimensions; d++) {
      delivery[j * dimensions + d] = job.delivery?.[d] ?? 0;
      pickup[j * dimensions + d] = job.pickup?.[d] ?? 0;
    }
  }
  let breakIndex = 0;
  for (let v = 0; v < vehicleCount; v++) {
    for (const b of vehicles[v]!.breaks ?? []) {
      const node = jobCount + breakIndex++;
      nodeService[node] = b.serviceSeconds ?? 0;
      windowOffset[node] = starts.length;
      if (b.timeWindows.length === 0) {
        starts.push(0);
        ends.push(NO_LIMIT);
      }
      for (const w of b.timeWindows) {
        starts.push(w[0]);
        ends.push(w[1]);
      }
    }
  }
  windowOffset[nodeCount] = starts.length;

  const vehicleStart = Int32Array.from(startLocation);
  const vehicleEnd = Int32Array.from(endLocation);
  const shiftStart = new Float64Array(vehicleCount);
  const shiftEnd = new Float64Array(vehicleCount);
  const capacity = new Float64Array(vehicleCount * dimensions);
  const maxTasks = new Float64Array(vehicleCount);
  const maxTravel = new Float64Array(vehicleCount);
  const maxDuration = new Float64Array(vehicleCount);
  let hasDurationLimit = false;
  const fixedCost = new Float64Array(vehicleCount);
  const compatible = new Uint8Array(jobCount * vehicleCount);
  let uniformSkills = true;
  const profileKeys = new Map<string, number>();
  const vehicleProfile = new Int32Array(vehicleCount);
  const kindKeys = new Map<string, number>();
  const vehicleKind = new Int32Array(vehicleCount);
  for (let v = 0; v < vehicleCount; v++) {
    const vehicle = vehicles[v]!;
    const shift = vehicle.shift ?? [0, NO_LIMIT];
    checkWindows([shift], `vehicle ${vehicle.id} shift`);
    shiftStart[v] = shift[0];
    shiftEnd[v] = shift[1];
    for (let d = 0; d < dimensions; d++) {
      capacity[v * dimensions + d] = vehicle.capacity?.[d] ?? (vehicle.capacity ? 0 : NO_LIMIT);
    }
    maxTasks[v] = vehicle.maxTasks ?? NO_LIMIT;
    maxTravel[v] = vehicle.maxTravelSeconds ?? NO_LIMIT;
    maxDuration[v] = vehicle.maxDurationSeconds ?? NO_LIMIT;
    if (vehicle.maxDurationSeconds !== undefined) {
      if (!Number.isFinite(vehicle.maxDurationSeconds) || vehicle.maxDurationSeconds < 0) {
        invalid(`vehicle ${vehicle.id}: maxDurationSeconds must be >= 0`);
      }
      hasDurationLimit = true;
    }
    fixedCost[v] = vehicle.fixedCost ?? 0;
    const skills = new Set<number>(vehicle.skills ?? []);
    for (let j = 0; j < jobCount; j++) {
      const ok = (jobs[j]!.skills ?? []).every((s: number) => skills.has(s));
      compatible[j * vehicleCount + v] = ok ? 1 : 0;
      if (!ok) uniformSkills = false;
    }
    const key = JSON.stringify([
      vehicleEnd[v],
      shiftEnd[v],
      Array.from(capacity.subarray(v * dimensions, (v + 1) * dimensions)),
      maxTasks[v],
      maxTravel[v],
      maxDuration[v],
      [...skills].sort(),
    ]);
    let profile = profileKeys.get(key);
    if (profile === undefined) {
      profile = profileKeys.size;
      profileKeys.set(key, profile);
    }
    vehicleProfile[v] = profile;
    const kindKey = `${key}|${vehicleStart[v]}|${shiftStart[v]}|${fixedCost[v]}|${vehicle.breaks?.length ?? 0}`;
    let kind = kindKeys.get(kindKey);
    if (kind === undefined) {
      kind = kindKeys.size;
      kindKeys.set(kindKey, kind);
    }
    vehicleKind[v] = kind;
  }

  const windowStart = Float64Array.from(starts);
  const windowEnd = Float64Array.from(ends);
  if (hasDurationLimit) {
    for (let node = 0; node < nodeCount; node++) {
      if (windowOffset[node + 1]! - windowOffset[node]! > 1) {
        invalid('maxDurationSeconds needs every job and break to have at most one time window');
      }
    }
  }
  const neighbours = buildNeighbours({
    ...(options.neighbourGroups ? { groups: options.neighbourGroups } : {}),
    jobCount,
    locationCount,
    nodeLocation,
    nodeService,
    windowOffset,
    windowStart,
    windowEnd,
    durations,
    costs,
    count: options.neighbourCount ?? 40,
  });

  return {
    input,
    jobCount,
    breakCount,
    vehicleCount,
    locationCount,
    dimensions,
    durations,
    distances,
    costs,
    nodeLocation,
    nodeService,
    windowOffset,
    windowStart,
    windowEnd,
    breakVehicle: Int32Array.from(breakVehicleList),
    priority,
    mandatory,
    delivery,
    pickup,
    compatible,
    vehicleStart,
    vehicleEnd,
    shiftStart,
    shiftEnd,
    capacity,
    maxTasks,
    maxTravel,
    maxDuration,
    hasDurationLimit,
    fixedCost,
    vehicleBreaks,
    vehicleProfile,
    vehicleKind,
    uniformSkills,
    neighbours,
  };
}

interface NeighbourOptions {
  jobCount: number;
  locationCount: number;
  nodeLocation: Int32Array;
  nodeService: Float64Array;
  windowOffset: Int32Array;
  windowStart: Float64Array;
  windowEnd: Float64Array;
  durations: Float64Array;
  costs: Float64Array;
  count: number;
  groups?: readonly (readonly number[])[];
}

/**
 * Vidal's correlation measure: cost plus penalties for waiting and for window clashes. With
 * groups, only jobs of the same group are candidates.
 */
function buildNeighbours(o: NeighbourOptions): Int32Array[] {
  const n = o.jobCount;
  const result: Int32Array[] = [];
  const scores = new Float64Array(n);
  const earliest = (j: number) => o.windowStart[o.windowOffset[j]!]!;
  const latest = (j: number) => o.windowEnd[o.windowOffset[j + 1]! - 1]!;
  const groupsOf = (j: number): readonly number[] => (o.groups ? o.groups[j]! : [0]);
  const members = new Map<number, number[]>();
  for (let j = 0; j < n; j++) {
    for (const g of groupsOf(j)) {
      let list = members.get(g);
      if (!list) {
        list = [];
        members.set(g, list);
      }
      list.push(j);
    }
  }
  const seen = new Int32Array(n).fill(-1);
  const score = (a: number, b: number, la: number, lb: number) => {
    const t = o.durations[la * o.locationCount + lb]!;
    const c = o.costs[la * o.locationCount + lb]!;
    const wait = Math.max(earliest(b) - t - o.nodeService[a]! - latest(a), 0);
    const clash = Math.max(earliest(a) + o.nodeService[a]! + t - latest(b), 0);
    return c + 0.2 * wait + clash;
  };
  for (let i = 0; i < n; i++) {
    const li = o.nodeLocation[i]!;
    const groups = groupsOf(i);
    let candidates: number[];
    if (groups.length === 1) {
      candidates = members.get(groups[0]!)!.filter((j) => j !== i);
    } else {
      candidates = [];
      seen[i] = i;
      for (const g of groups) {
        for (const j of members.get(g)!) {
          if (seen[j] === i) continue;
          seen[j] = i;
          candidates.push(j);
        }
      }
      candidates.sort((a, b) => a - b);
    }
    for (const j of candidates) {
      const lj = o.nodeLocation[j]!;
      scores[j] = Math.min(score(i, j, li, lj), score(j, i, lj, li));
    }
    candidates.sort((a, b) => scores[a]! - scores[b]!);
    result.push(Int32Array.from(candidates.slice(0, o.count)));
  }
  return result;
}
