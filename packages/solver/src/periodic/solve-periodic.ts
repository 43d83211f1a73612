import { NO_LIMIT } from '../model/problem-data.ts';
import { earliestStart, type Route } from '../search/route.ts';
import { compilePeriodic, type PeriodicData } from './compile-periodic.ts';
import type { PeriodicProblem } from './periodic-problem.ts';
import { type PeriodicProgress, PeriodicSearch } from './periodic-search.ts';
import type {
  PeriodicDayPlan,
  PeriodicRoute,
  PeriodicSolution,
  PeriodicStep,
  PeriodicUnassigned,
} from './periodic-solution.ts';

export type PeriodicObjectiveName = 'distance' | 'service';

export interface SolvePeriodicOptions {
  /** Wall-clock budget in milliseconds; 5,000 when no budget is given. */
  timeLimitMs?: number;
  /** Iteration budget: with it (and no time limit) a seed always gives the same answer. */
  maxIterations?: number;
  seed?: number;
  /**
   * 'distance' (default): fewest dropped visits, then least cost. 'service': dropped visits
   * weighted by 1 + priority first, then cost, then balance between vehicle-days.
   */
  objective?: PeriodicObjectiveName;
  /** With 'service': cost units per second of imbalance; default 0.01. */
  balanceWeight?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PeriodicProgress) => void;
}

/**
 * Plans visits over a horizon of days (periodic VRP with time windows): one allowed
 * combination of days per customer, then the routes of every day. Throws SolverError on bad
 * input; a customer that cannot be served is listed in `unassigned` with a reason.
 *
 * @example
 * const plan = solvePeriodic(
 *   {
 *     days: [{ vehicles: [{ id: 'rep', start: { locationIndex: 0 }, end: { locationIndex: 0 } }] },
 *            { vehicles: [{ id: 'rep', start: { locationIndex: 0 }, end: { locationIndex: 0 } }] }],
 *     customers: [{ id: 'A', locationIndex: 1, serviceSeconds: 600, combinations: [[0], [1]] }],
 *     matrices: { durations: [[0, 300], [300, 0]] },
 *   },
 *   { timeLimitMs: 1000, seed: 1 },
 * );
 * plan.assignments[0]?.days; // [0] or [1]
 */
export function solvePeriodic(
  problem: PeriodicProblem,
  options: SolvePeriodicOptions = {},
): PeriodicSolution {
  const started = performance.now();
  const service = options.objective === 'service';
  const pd = compilePeriodic(problem, { usePriority: service });
  const hasBudget = options.timeLimitMs !== undefined || options.maxIterations !== undefined;
  const timeLimitMs = options.timeLimitMs ?? (hasBudget ? undefined : 5000);
  const search = new PeriodicSearch(pd, {
    seed: options.seed ?? 1,
    balanceWeight: service ? (options.balanceWeight ?? 0.01) : 0,
    stopping: {
      ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      shouldStop: () => options.signal?.aborted ?? false,
    },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  search.construct();
  search.improve();
  for (const route of search.state.routes) {
    if (!route.feasible) throw new Error(`internal error: route of vehicle ${route.vehicle} is infeasible`);
  }
  return buildPeriodicSolution(pd, search, {
    iterations: search.iteration,
    elapsedMs: performance.now() - started,
  });
}

function buildPeriodicSolution(
  pd: PeriodicData,
  search: PeriodicSearch,
  stats: PeriodicSolution['stats'],
): PeriodicSolution {
  const problem = pd.problem;
  const days: PeriodicDayPlan[] = problem.days.map((day, k) => ({
    day: k,
    ...(day.id !== undefined ? { id: day.id } : {}),
    routes: [],
  }));
  let visits = 0;
  for (const route of search.state.routes) {
    if (route.jobCount === 0) continue;
    visits += route.jobCount;
    days[pd.vehicleDay[route.vehicle]!]!.routes.push(scheduleRoute(pd, route));
  }
  const assignments = [];
  const unassigned: PeriodicUnassigned[] = [];
  for (let c = 0; c < pd.customerCount; c++) {
    const customer = problem.customers[c]!;
    const i = search.choice[c]!;
    if (i >= 0) {
      assignments.push({ customerId: customer.id, customerIndex: c, days: [...pd.combinations[c]![i]!] });
    } else {
      unassigned.push({
        customerId: customer.id,
        customerIndex: c,
        reason: pd.impossible[c] ?? 'no_combination_fits',
      });
    }
  }
  const routes = days.flatMap((d) => d.routes);
  const sum = (f: (r: PeriodicRoute) => number) => routes.reduce((a, r) => a + f(r), 0);
  return {
    days,
    assignments,
    unassigned,
    summary: {
      cost: sum((r) => r.cost),
      distance: sum((r) => r.distance),
      travelSeconds: sum((r) => r.travelSeconds),
      serviceSeconds: sum((r) => r.serviceSeconds),
      visits,
      routes: routes.length,
      customersServed: assignments.length,
      customersUnassigned: unassigned.length,
      movedVisits: search.movedVisits(),
      imbalanceSeconds: search.imbalanceSeconds(),
    },
    stats,
  };
}

/**
 * Schedule of a route: as early as possible, except for the departure: late enough not to
 * wait at the first visit, and for a vehicle with a duration limit as late as keeps its route
 * shortest.
 */
function scheduleRoute(pd: PeriodicData, route: Route): PeriodicRoute {
  const data = pd.data;
  const v = route.vehicle;
  const n = data.locationCount;
  const day = pd.vehicleDay[v]!;
  const slot = pd.vehicleSlot[v]!;
  const vehicle = pd.problem.days[day]!.vehicles[slot]!;
  const last = route.size + 1;
  let time = data.shiftStart[v]!;
  if (data.maxDuration[v]! < NO_LIMIT) time = Math.max(time, route.prefixEarliest[last]!);
  let location = data.vehicleStart[v]!;
  const first = route.nodes[1]!;
  if (route.size > 0 && first < data.jobCount && location >= 0) {
    // Leave late enough not to wait at the first visit; nothing after it changes.
    const arrival = time + data.durations[location * n + data.nodeLocation[first]!]!;
    time += earliestStart(data, first, arrival) - arrival;
  }
  const departure = time;
  let travel = 0;
  let distance = 0;
  let cost = data.fixedCost[v]!;
  let service = 0;
  let waiting = 0;
  const steps: PeriodicStep[] = [];
  const start: PeriodicStep = {
    type: 'start',
    arrival: time,
    serviceStart: time,
    departure: time,
    waitingSeconds: 0,
    distance: 0,
  };
  if (location >= 0) start.locationIndex = location;
  steps.push(start);
  const moveTo = (to: number) => {
    if (location >= 0 && to >= 0) {
      time += data.durations[location * n + to]!;
      travel += data.durations[location * n + to]!;
      distance += data.distances[location * n + to]!;
      cost += data.costs[location * n + to]!;
    }
    location = to;
  };
  for (let p = 1; p <= route.size; p++) {
    const node = route.nodes[p]!;
    const isJob = node < data.jobCount;
    if (isJob) moveTo(data.nodeLocation[node]!);
    const arrival = time;
    const serviceStart = earliestStart(data, node, arrival);
    time = serviceStart + data.nodeService[node]!;
    waiting += serviceStart - arrival;
    const step: PeriodicStep = {
      type: isJob ? 'visit' : 'break',
      arrival,
      serviceStart,
      departure: time,
      waitingSeconds: serviceStart - arrival,
      distance,
    };
    if (isJob) {
      service += data.nodeService[node]!;
      const c = pd.customerOf[node]!;
      step.id = pd.problem.customers[c]!.id;
      step.customerIndex = c;
      step.locationIndex = data.nodeLocation[node]!;
    } else {
      const own = data.vehicleBreaks[v]!;
      step.id = vehicle.breaks?.[own.indexOf(node)]?.id ?? node - data.jobCount;
    }
    steps.push(step);
  }
  moveTo(data.vehicleEnd[v]!);
  const end: PeriodicStep = {
    type: 'end',
    arrival: time,
    serviceStart: time,
    departure: time,
    waitingSeconds: 0,
    distance,
  };
  if (location >= 0) end.locationIndex = location;
  steps.push(end);
  return {
    vehicleId: vehicle.id,
    vehicleIndex: slot,
    steps,
    cost,
    distance,
    travelSeconds: travel,
    serviceSeconds: service,
    waitingSeconds: waiting,
    durationSeconds: time - departure,
  };
}
