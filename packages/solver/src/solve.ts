import { compileProblem, type ProblemData } from './model/problem-data.ts';
import { SolverError, SolverErrorCode } from './model/solver-error.ts';
import type { ProblemInput } from './model/types.ts';
import { iteratedLocalSearch, type Progress } from './search/iterated-local-search.ts';
import { Route, RouteBuilder } from './search/route.ts';
import { solveSingleRoute, supportsExact } from './search/solve-single-route.ts';
import { buildSolution } from './solution/build-solution.ts';
import type { Solution } from './solution/solution.ts';

export type ObjectiveName = 'distance' | 'vehicles-distance';

export interface SolveOptions {
  /** Wall-clock budget; default 5 s (ignored by the exact method). */
  timeLimitSeconds?: number;
  /** Iteration budget: with it (and no time limit) a seed always gives the same answer. */
  maxIterations?: number;
  maxIterationsWithoutImprovement?: number;
  seed?: number;
  /** 'vehicles-distance' minimises the number of vehicles first. */
  objective?: ObjectiveName;
  /** Small single-vehicle problems are solved exactly unless this is false. */
  exact?: boolean;
  onProgress?: (progress: Progress) => void;
  /** Cancels the search; the best solution found so far is returned. */
  signal?: AbortSignal;
}

/**
 * Solves a routing problem and returns routes with schedules plus the dropped jobs.
 * Throws SolverError for bad input.
 *
 * @example
 * const solution = solve(
 *   {
 *     jobs: [{ id: 1, locationIndex: 1, serviceSeconds: 300, timeWindows: [[0, 3600]] }],
 *     vehicles: [{ id: 'rep-1', start: { locationIndex: 0 }, end: { locationIndex: 0 } }],
 *     matrices: { durations: [[0, 600], [600, 0]] },
 *   },
 *   { timeLimitSeconds: 1 },
 * );
 * solution.routes[0]?.steps.map((s) => s.type); // ['start', 'job', 'end']
 */
export function solve(input: ProblemInput, options: SolveOptions = {}): Solution {
  const data = compileProblem(input);
  const excluded = findUnreachableJobs(data);
  const unreachable: (string | number)[] = [];
  for (let j = 0; j < data.jobCount; j++) if (excluded[j]) unreachable.push(input.jobs[j]!.id);
  if (unreachable.length > 0 && (input.unreachableJobs ?? 'error') === 'error') {
    const list = unreachable.slice(0, 10).join(', ');
    throw new SolverError(
      SolverErrorCode.UnreachableJob,
      `no vehicle can ever serve job${unreachable.length > 1 ? 's' : ''} ${list}${unreachable.length > 10 ? ', …' : ''} (time windows, shift, skills or capacity)`,
    );
  }
  const started = performance.now();
  if (options.exact !== false && supportsExact(data)) {
    const { sequence } = solveSingleRoute(data, excluded);
    return buildSolution({
      data,
      routes: [sequence],
      excluded,
      stats: { iterations: 0, elapsedMs: performance.now() - started, exact: true },
    });
  }
  const hasBudget =
    options.timeLimitSeconds !== undefined ||
    options.maxIterations !== undefined ||
    options.maxIterationsWithoutImprovement !== undefined;
  const timeLimitSeconds = options.timeLimitSeconds ?? (hasBudget ? undefined : 5);
  const minimiseVehicles = options.objective === 'vehicles-distance';
  const searchData = minimiseVehicles ? withVehiclePenalty(input, data) : data;
  const { state, iterations } = iteratedLocalSearch(searchData, {
    seed: options.seed ?? 1,
    minimiseVehicles,
    excluded,
    stopping: {
      ...(timeLimitSeconds !== undefined ? { timeLimitMs: timeLimitSeconds * 1000 } : {}),
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      ...(options.maxIterationsWithoutImprovement !== undefined
        ? { maxIterationsWithoutImprovement: options.maxIterationsWithoutImprovement }
        : {}),
      shouldStop: () => options.signal?.aborted ?? false,
    },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  for (const route of state.routes) {
    if (!route.feasible) throw new Error(`internal error: route of vehicle ${route.vehicle} is infeasible`);
  }
  return buildSolution({
    data,
    routes: state.routes.map((r) => r.nodes.slice(1, r.size + 1)),
    excluded,
    stats: { iterations, elapsedMs: performance.now() - started, exact: false },
  });
}

/**
 * For the hierarchical objective the search sees every vehicle with an extra fixed cost
 * larger than any distance saving a further vehicle could bring (twice the largest round
 * trip to a job, times the job count), so emptying a route always pays.
 */
function withVehiclePenalty(input: ProblemInput, data: ProblemData): ProblemData {
  let largest = 0;
  for (let v = 0; v < data.vehicleCount; v++) {
    for (let j = 0; j < data.jobCount; j++) {
      const loc = data.nodeLocation[j]!;
      const start = data.vehicleStart[v]!;
      const end = data.vehicleEnd[v]!;
      const n = data.locationCount;
      const trip =
        (start >= 0 ? data.costs[start * n + loc]! : 0) + (end >= 0 ? data.costs[loc * n + end]! : 0);
      if (trip > largest) largest = trip;
    }
  }
  const penalty = 2 * largest * Math.max(1, data.jobCount) + 1;
  return compileProblem({
    ...input,
    vehicles: input.vehicles.map((v) => ({ ...v, fixedCost: (v.fixedCost ?? 0) + penalty })),
  });
}

/** Jobs that fit no vehicle even alone (skills, windows, shift, capacity, limits). */
export function findUnreachableJobs(data: ProblemData): Uint8Array {
  const excluded = new Uint8Array(data.jobCount);
  const builder = new RouteBuilder(data);
  const empties = Array.from({ length: data.vehicleCount }, (_, v) => new Route(data, v, v));
  for (let j = 0; j < data.jobCount; j++) {
    let reachable = false;
    for (let v = 0; v < data.vehicleCount && !reachable; v++) {
      const route = empties[v]!;
      if (!route.feasible) continue;
      for (let p = 0; p <= route.size && !reachable; p++) {
        builder.startWith(route, p);
        if (builder.add(j) && builder.finishWith(route, p + 1) !== Number.POSITIVE_INFINITY) reachable = true;
      }
    }
    if (!reachable) excluded[j] = 1;
  }
  return excluded;
}
