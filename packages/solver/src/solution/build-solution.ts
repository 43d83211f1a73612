import type { ProblemData } from '../model/problem-data.ts';
import { earliestStart } from '../search/route.ts';
import type { RouteSolution, Solution, Step, UnassignedJob } from './solution.ts';

export interface BuildSolutionOptions {
  data: ProblemData;
  /** Node sequence (jobs and breaks) per vehicle. */
  routes: readonly ArrayLike<number>[];
  excluded: Uint8Array;
  stats: Solution['stats'];
}

/** Turns node sequences into the schedule-carrying result (earliest start everywhere). */
export function buildSolution(options: BuildSolutionOptions): Solution {
  const { data, routes, excluded } = options;
  const n = data.locationCount;
  const dims = data.dimensions;
  const served = new Uint8Array(data.jobCount);
  const result: RouteSolution[] = [];
  let totalPriority = 0;
  for (let j = 0; j < data.jobCount; j++) totalPriority += data.priority[j]!;
  for (let v = 0; v < routes.length; v++) {
    const nodes = routes[v]!;
    let jobs = 0;
    for (let i = 0; i < nodes.length; i++) if (nodes[i]! < data.jobCount) jobs++;
    if (jobs === 0) continue;
    const vehicle = data.input.vehicles[v]!;
    const load = new Array<number>(dims).fill(0);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node < data.jobCount) for (let d = 0; d < dims; d++) load[d]! += data.delivery[node * dims + d]!;
    }
    let time = data.shiftStart[v]!;
    let location = data.vehicleStart[v]!;
    let travel = 0;
    let distance = 0;
    let cost = data.fixedCost[v]!;
    let service = 0;
    let waiting = 0;
    let priority = 0;
    const steps: Step[] = [];
    const startStep: Step = {
      type: 'start',
      arrival: time,
      serviceStart: time,
      waitingSeconds: 0,
      serviceSeconds: 0,
      travelSeconds: 0,
      distance: 0,
      load: [...load],
    };
    if (location >= 0) startStep.locationIndex = location;
    steps.push(startStep);
    const moveTo = (to: number) => {
      if (location >= 0 && to >= 0) {
        time += data.durations[location * n + to]!;
        travel += data.durations[location * n + to]!;
        distance += data.distances[location * n + to]!;
        cost += data.costs[location * n + to]!;
      }
      location = to;
    };
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const isJob = node < data.jobCount;
      if (isJob) moveTo(data.nodeLocation[node]!);
      const arrival = time;
      const start = earliestStart(data, node, arrival);
      time = start + data.nodeService[node]!;
      if (isJob) service += data.nodeService[node]!;
      waiting += start - arrival;
      let id: number | string;
      if (isJob) {
        served[node] = 1;
        priority += data.priority[node]!;
        for (let d = 0; d < dims; d++) {
          load[d] = load[d]! - data.delivery[node * dims + d]! + data.pickup[node * dims + d]!;
        }
        id = data.input.jobs[node]!.id;
      } else {
        const b = node - data.jobCount;
        const own = data.vehicleBreaks[v]!;
        id = vehicle.breaks![own.indexOf(node)]?.id ?? b;
      }
      const step: Step = {
        type: isJob ? 'job' : 'break',
        id,
        arrival,
        serviceStart: start,
        waitingSeconds: start - arrival,
        serviceSeconds: data.nodeService[node]!,
        travelSeconds: travel,
        distance,
        load: [...load],
      };
      if (isJob) step.locationIndex = data.nodeLocation[node]!;
      steps.push(step);
    }
    moveTo(data.vehicleEnd[v]!);
    const endStep: Step = {
      type: 'end',
      arrival: time,
      serviceStart: time,
      waitingSeconds: 0,
      serviceSeconds: 0,
      travelSeconds: travel,
      distance,
      load: [...load],
    };
    if (location >= 0) endStep.locationIndex = location;
    steps.push(endStep);
    result.push({
      vehicleId: vehicle.id,
      vehicleIndex: v,
      steps,
      cost,
      distance,
      travelSeconds: travel,
      serviceSeconds: service,
      waitingSeconds: waiting,
      priority,
    });
  }
  const unassigned: UnassignedJob[] = [];
  let mandatoryUnassigned = 0;
  let priorityServed = 0;
  for (let j = 0; j < data.jobCount; j++) {
    if (served[j]) {
      priorityServed += data.priority[j]!;
      continue;
    }
    if (data.mandatory[j]) mandatoryUnassigned++;
    unassigned.push({
      id: data.input.jobs[j]!.id,
      jobIndex: j,
      reason: excluded[j] ? 'unreachable' : 'no room',
    });
  }
  const sum = (f: (r: RouteSolution) => number) => result.reduce((a, r) => a + f(r), 0);
  return {
    routes: result,
    unassigned,
    summary: {
      cost: sum((r) => r.cost),
      distance: sum((r) => r.distance),
      travelSeconds: sum((r) => r.travelSeconds),
      serviceSeconds: sum((r) => r.serviceSeconds),
      waitingSeconds: sum((r) => r.waitingSeconds),
      vehicles: result.length,
      jobsServed: data.jobCount - unassigned.length,
      jobsUnassigned: unassigned.length,
      priorityServed,
      priorityTotal: totalPriority,
      mandatoryUnassigned,
    },
    stats: options.stats,
  };
}
