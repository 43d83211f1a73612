import { SolverError, SolverErrorCode } from '../model/solver-error.ts';
import type { BreakInput, JobInput, Place, ProblemInput, TimeWindow, VehicleInput } from '../model/types.ts';
import type { Solution, Step } from '../solution/solution.ts';

/**
 * The subset of VROOM's input (docs/API.md of VROOM-Project/vroom) we read. Unknown keys
 * are ignored, as VROOM does.
 */
interface VroomJob {
  id: number;
  location?: [number, number];
  location_index?: number;
  service?: number;
  setup?: number;
  delivery?: number[];
  pickup?: number[];
  amount?: number[];
  skills?: number[];
  priority?: number;
  time_windows?: [number, number][];
}

interface VroomVehicle {
  id: number;
  start?: [number, number];
  start_index?: number;
  end?: [number, number];
  end_index?: number;
  capacity?: number[];
  skills?: number[];
  time_window?: [number, number];
  breaks?: { id: number; time_windows?: [number, number][]; service?: number }[];
  max_tasks?: number;
  max_travel_time?: number;
  costs?: { fixed?: number };
}

interface VroomMatrices {
  durations?: number[][];
  distances?: number[][];
  costs?: number[][];
}

export interface VroomInput {
  jobs?: VroomJob[];
  shipments?: unknown[];
  vehicles?: VroomVehicle[];
  matrix?: number[][];
  matrices?: Record<string, VroomMatrices>;
}

function fail(detail: string): never {
  throw new SolverError(SolverErrorCode.InvalidInput, detail);
}

/** True when a parsed JSON value looks like a VROOM problem. */
export function isVroomInput(value: unknown): value is VroomInput {
  return typeof value === 'object' && value !== null && Array.isArray((value as VroomInput).vehicles);
}

/** Converts VROOM's JSON input to our problem. Cost is travel time unless a costs matrix is given. */
export function vroomToProblem(input: VroomInput): ProblemInput {
  if (input.shipments && input.shipments.length > 0) {
    fail('shipments (pickup-and-delivery pairs) are not supported yet; use jobs');
  }
  const vehicles = input.vehicles ?? [];
  const jobs = input.jobs ?? [];
  if (!Array.isArray(jobs)) fail('"jobs" must be an array');
  const profiles = input.matrices ? Object.keys(input.matrices) : [];
  const matrixSet: VroomMatrices | undefined = input.matrices
    ? (input.matrices.car ?? input.matrices[profiles[0]!])
    : input.matrix
      ? { durations: input.matrix }
      : undefined;
  if (matrixSet && !matrixSet.durations) fail('matrices need a "durations" matrix');
  const place = (
    index: number | undefined,
    coordinates: [number, number] | undefined,
    what: string,
  ): Place | undefined => {
    if (matrixSet) {
      if (index === undefined)
        return coordinates ? fail(`${what}: needs a location_index when matrices are given`) : undefined;
      return { locationIndex: index };
    }
    return coordinates ? { coordinates } : undefined;
  };
  const jobInputs: JobInput[] = jobs.map((job, i) => {
    if (typeof job !== 'object' || job === null || job.id === undefined) fail(`job #${i} needs an "id"`);
    const p = place(job.location_index, job.location, `job ${job.id}`);
    if (!p) fail(`job ${job.id} has no location or location_index`);
    const result: JobInput = {
      id: job.id,
      ...p,
      serviceSeconds: (job.service ?? 0) + (job.setup ?? 0),
      priority: job.priority ?? 0,
    };
    if (job.time_windows) result.timeWindows = job.time_windows as TimeWindow[];
    const delivery = job.delivery ?? job.amount;
    if (delivery) result.delivery = delivery;
    if (job.pickup) result.pickup = job.pickup;
    if (job.skills) result.skills = job.skills;
    return result;
  });
  const vehicleInputs: VehicleInput[] = vehicles.map((v, i) => {
    if (typeof v !== 'object' || v === null || v.id === undefined) fail(`vehicle #${i} needs an "id"`);
    const result: VehicleInput = { id: v.id };
    const start = place(v.start_index, v.start, `vehicle ${v.id} start`);
    const end = place(v.end_index, v.end, `vehicle ${v.id} end`);
    if (start) result.start = start;
    if (end) result.end = end;
    if (!start && !end) fail(`vehicle ${v.id} needs a start or an end`);
    if (v.time_window) result.shift = v.time_window;
    if (v.capacity) result.capacity = v.capacity;
    if (v.skills) result.skills = v.skills;
    if (v.max_tasks !== undefined) result.maxTasks = v.max_tasks;
    if (v.max_travel_time !== undefined) result.maxTravelSeconds = v.max_travel_time;
    if (v.costs?.fixed !== undefined) result.fixedCost = v.costs.fixed;
    if (v.breaks) {
      result.breaks = v.breaks.map(
        (b): BreakInput => ({ id: b.id, timeWindows: b.time_windows ?? [], serviceSeconds: b.service ?? 0 }),
      );
    }
    return result;
  });
  const problem: ProblemInput = { jobs: jobInputs, vehicles: vehicleInputs, unreachableJobs: 'error' };
  if (matrixSet) {
    problem.matrices = {
      durations: matrixSet.durations!,
      ...(matrixSet.distances ? { distances: matrixSet.distances } : {}),
      ...(matrixSet.costs ? { costs: matrixSet.costs } : {}),
    };
  }
  problem.costBasis = matrixSet?.costs ? 'costs' : 'duration';
  return problem;
}

interface VroomStep {
  type: string;
  id?: number | string;
  job?: number | string;
  location_index?: number;
  location?: [number, number];
  setup: number;
  service: number;
  waiting_time: number;
  load: number[];
  arrival: number;
  duration: number;
  distance: number;
  violations: never[];
}

/** VROOM's output shape: code, summary, unassigned, routes with steps. */
export function solutionToVroom(problem: ProblemInput, solution: Solution): Record<string, unknown> {
  // With coordinates (no matrices) our location indices are internal: answer with coordinates.
  const jobPlace = new Map(problem.jobs.map((j) => [j.id, j.coordinates]));
  const stepOut = (step: Step, vehicleIndex: number): VroomStep => {
    const out: VroomStep = {
      type: step.type,
      setup: 0,
      service: step.serviceSeconds,
      waiting_time: step.waitingSeconds,
      load: step.load,
      arrival: step.arrival,
      duration: step.travelSeconds,
      distance: step.distance,
      violations: [],
    };
    if (step.id !== undefined) {
      out.id = step.id;
      if (step.type === 'job') out.job = step.id;
    }
    if (problem.matrices) {
      if (step.locationIndex !== undefined) out.location_index = step.locationIndex;
    } else {
      const vehicle = problem.vehicles[vehicleIndex]!;
      const place =
        step.type === 'job'
          ? jobPlace.get(step.id!)
          : step.type === 'start'
            ? vehicle.start?.coordinates
            : step.type === 'end'
              ? vehicle.end?.coordinates
              : undefined;
      if (place) out.location = [place[0], place[1]];
    }
    return out;
  };
  const dims = (problem.vehicles[0]?.capacity ?? []).length;
  const amounts = (jobs: (string | number)[]) => {
    const byId = new Map(problem.jobs.map((j) => [j.id, j]));
    const delivery = new Array<number>(dims).fill(0);
    const pickup = new Array<number>(dims).fill(0);
    for (const id of jobs) {
      const job = byId.get(id)!;
      for (let d = 0; d < dims; d++) {
        delivery[d]! += job.delivery?.[d] ?? 0;
        pickup[d]! += job.pickup?.[d] ?? 0;
      }
    }
    return { delivery, pickup };
  };
  const routes = solution.routes.map((r) => {
    const jobIds = r.steps.filter((s) => s.type === 'job').map((s) => s.id!);
    const { delivery, pickup } = amounts(jobIds);
    return {
      vehicle: r.vehicleId,
      cost: Math.round(r.cost),
      delivery,
      amount: delivery,
      pickup,
      setup: 0,
      service: r.serviceSeconds,
      duration: r.travelSeconds,
      waiting_time: r.waitingSeconds,
      priority: r.priority,
      distance: r.distance,
      steps: r.steps.map((step) => stepOut(step, r.vehicleIndex)),
      violations: [],
    };
  });
  const total = amounts(
    solution.routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id!)),
  );
  return {
    code: 0,
    summary: {
      cost: Math.round(solution.summary.cost),
      routes: routes.length,
      unassigned: solution.unassigned.length,
      delivery: total.delivery,
      amount: total.delivery,
      pickup: total.pickup,
      setup: 0,
      service: solution.summary.serviceSeconds,
      duration: solution.summary.travelSeconds,
      waiting_time: solution.summary.waitingSeconds,
      priority: solution.summary.priorityServed,
      distance: solution.summary.distance,
      violations: [],
      computing_times: { loading: 0, solving: Math.round(solution.stats.elapsedMs), routing: 0 },
    },
    unassigned: solution.unassigned.map((u) => {
      const job = problem.jobs[u.jobIndex]!;
      return {
        id: u.id,
        type: 'job',
        ...(job.locationIndex !== undefined ? { location_index: job.locationIndex } : {}),
        ...(job.coordinates ? { location: job.coordinates } : {}),
      };
    }),
    routes,
  };
}
