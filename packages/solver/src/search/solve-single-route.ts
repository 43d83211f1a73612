import type { ProblemData } from '../model/problem-data.ts';
import { earliestStart } from './route.ts';
import { compareObjectives, type Objective } from './search-state.ts';

/** Largest job count the exact method accepts. */
export const EXACT_MAX_JOBS = 12;

interface Label {
  time: number;
  cost: number;
  travel: number;
  previous: Label | undefined;
  job: number;
}

/** True when solveSingleRoute handles the problem exactly. */
export function supportsExact(data: ProblemData): boolean {
  if (data.vehicleCount !== 1 || data.breakCount > 0 || data.jobCount > EXACT_MAX_JOBS) return false;
  if (data.hasDurationLimit) return false;
  for (let i = 0; i < data.pickup.length; i++) if (data.pickup[i] !== 0) return false;
  return true;
}

/**
 * Exact single-vehicle solver (dynamic programming over subsets with Pareto labels on
 * time, cost and travel): returns the job sequence with the best lexicographic objective
 * (mandatory dropped, priority dropped, jobs dropped, cost). Waiting is allowed; earlier is
 * never worse, so dominance is sound.
 */
export function solveSingleRoute(
  data: ProblemData,
  excluded: Uint8Array = new Uint8Array(data.jobCount),
): { sequence: number[]; objective: Objective } {
  if (!supportsExact(data)) throw new Error('solveSingleRoute: problem outside the exact scope');
  const n = data.jobCount;
  const loc = data.locationCount;
  const v = 0;
  const dims = data.dimensions;
  const states: Label[][] = new Array((1 << n) * (n + 1));
  const index = (mask: number, last: number) => mask * (n + 1) + last;
  const start = data.vehicleStart[v]!;
  const end = data.vehicleEnd[v]!;
  const travelBetween = (a: number, b: number) => (a >= 0 && b >= 0 ? data.durations[a * loc + b]! : 0);
  const costBetween = (a: number, b: number) => (a >= 0 && b >= 0 ? data.costs[a * loc + b]! : 0);
  states[index(0, n)] = [{ time: data.shiftStart[v]!, cost: 0, travel: 0, previous: undefined, job: -1 }];
  let bestObjective: Objective = {
    mandatoryDropped: Number.POSITIVE_INFINITY,
    priorityDropped: 0,
    jobsDropped: 0,
    cost: 0,
  };
  let bestLabel: Label | undefined;
  const loadOf = new Float64Array(dims);
  for (let mask = 0; mask < 1 << n; mask++) {
    // Capacity (deliveries only: the peak is the total loaded at the start).
    loadOf.fill(0);
    let popcount = 0;
    let mandatoryDropped = 0;
    let priorityDropped = 0;
    for (let j = 0; j < n; j++) {
      if (mask & (1 << j)) {
        popcount++;
        for (let d = 0; d < dims; d++) loadOf[d]! += data.delivery[j * dims + d]!;
      } else {
        priorityDropped += data.priority[j]!;
        if (data.mandatory[j]) mandatoryDropped++;
      }
    }
    let fits = popcount <= data.maxTasks[v]!;
    for (let d = 0; d < dims; d++) if (loadOf[d]! > data.capacity[v * dims + d]!) fits = false;
    if (!fits) continue;
    for (let last = 0; last <= n; last++) {
      const labels = states[index(mask, last)];
      if (!labels) continue;
      const here = last === n ? start : data.nodeLocation[last]!;
      for (const label of labels) {
        // Close the route.
        const back = label.time + travelBetween(here, end);
        const travel = label.travel + travelBetween(here, end);
        if (back <= data.shiftEnd[v]! && travel <= data.maxTravel[v]!) {
          const cost = popcount === 0 ? 0 : label.cost + costBetween(here, end) + data.fixedCost[v]!;
          const objective = { mandatoryDropped, priorityDropped, jobsDropped: n - popcount, cost };
          if (compareObjectives(objective, bestObjective) < 0) {
            bestObjective = objective;
            bestLabel = label;
          }
        }
        for (let j = 0; j < n; j++) {
          if (mask & (1 << j) || excluded[j] || data.compatible[j * data.vehicleCount + v] === 0) continue;
          const to = data.nodeLocation[j]!;
          const arrival = label.time + travelBetween(here, to);
          const serviceStart = earliestStart(data, j, arrival);
          if (serviceStart === Number.POSITIVE_INFINITY) continue;
          const next: Label = {
            time: serviceStart + data.nodeService[j]!,
            cost: label.cost + costBetween(here, to),
            travel: label.travel + travelBetween(here, to),
            previous: label,
            job: j,
          };
          if (next.time > data.shiftEnd[v]! || next.travel > data.maxTravel[v]!) continue;
          const key = index(mask | (1 << j), j);
          const list = states[key] ?? [];
          if (list.some((l) => l.time <= next.time && l.cost <= next.cost && l.travel <= next.travel))
            continue;
          const kept = list.filter(
            (l) => !(next.time <= l.time && next.cost <= l.cost && next.travel <= l.travel),
          );
          kept.push(next);
          states[key] = kept;
        }
      }
    }
  }
  const sequence: number[] = [];
  for (let l = bestLabel; l && l.job >= 0; l = l.previous) sequence.push(l.job);
  sequence.reverse();
  return { sequence, objective: bestObjective };
}
