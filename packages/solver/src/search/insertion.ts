import type { Random } from './random.ts';
import type { Route, RouteBuilder } from './route.ts';
import type { SearchState } from './search-state.ts';

export interface InsertionOptions {
  /** Probability of skipping a position (SISR "blinks"). */
  blinkRate?: number;
  random?: Random;
  /** Only routes whose index is flagged are tried (all when absent). */
  routeFilter?: Uint8Array;
}

/** Result slots, reused to avoid allocation. */
export class Insertion {
  route = -1;
  after = -1;
  delta = Number.POSITIVE_INFINITY;

  reset(): void {
    this.route = -1;
    this.after = -1;
    this.delta = Number.POSITIVE_INFINITY;
  }
}

/** Cost change of inserting `job` after `position` of `route`, or +Infinity. */
export function insertionDelta(builder: RouteBuilder, route: Route, position: number, job: number): number {
  builder.startWith(route, position);
  if (!builder.add(job)) return Number.POSITIVE_INFINITY;
  const cost = builder.finishWith(route, position + 1);
  return cost === Number.POSITIVE_INFINITY ? cost : cost - route.cost;
}

/**
 * Cheapest feasible insertion of a job over the enabled routes. At most one empty route per
 * vehicle kind is tried, since empty routes of one kind are interchangeable.
 */
export function findBestInsertion(
  state: SearchState,
  builder: RouteBuilder,
  job: number,
  out: Insertion,
  options: InsertionOptions = {},
): Insertion {
  out.reset();
  const data = state.data;
  const blink = options.blinkRate ?? 0;
  const random = options.random;
  const triedEmpty = emptyProfileMarks(data.vehicleCount);
  triedEmpty.fill(0);
  const location = data.nodeLocation[job]!;
  const lastEnd = data.windowEnd[data.windowOffset[job + 1]! - 1]!;
  const firstStart = data.windowStart[data.windowOffset[job]!]!;
  const service = data.nodeService[job]!;
  const n = data.locationCount;
  const jobCount = data.jobCount;
  for (const route of state.routes) {
    if (!state.enabled[route.vehicle]) continue;
    if (options.routeFilter && !options.routeFilter[route.index]) continue;
    if (data.compatible[job * data.vehicleCount + route.vehicle] === 0) continue;
    if (route.jobCount === 0 && data.breakCount === 0) {
      const kind = data.vehicleKind[route.vehicle]!;
      if (triedEmpty[kind]) continue;
      triedEmpty[kind] = 1;
    }
    for (let p = 0; p <= route.size; p++) {
      if (blink > 0 && random && random.next() < blink) continue;
      // Quick time checks before the exact evaluation: too late for the job's last window, or
      // (starting no earlier than its first window opens) too late for the next stop.
      const from = route.physicalLocation[p]!;
      const arrival = route.earliestDeparture[p]! + (from >= 0 ? data.durations[from * n + location]! : 0);
      if (arrival > lastEnd) continue;
      const next = route.nodes[p + 1]!;
      const onward = next >= jobCount ? -1 : route.physicalLocation[p + 1]!;
      const finish =
        Math.max(arrival, firstStart) + service + (onward >= 0 ? data.durations[location * n + onward]! : 0);
      if (finish > route.latest[p + 1]!) continue;
      const delta = insertionDelta(builder, route, p, job);
      if (delta < out.delta) {
        out.delta = delta;
        out.route = route.index;
        out.after = p;
      }
    }
  }
  return out;
}

let emptyMarks = new Uint8Array(0);
function emptyProfileMarks(size: number): Uint8Array {
  if (emptyMarks.length < size) emptyMarks = new Uint8Array(size);
  return emptyMarks;
}
