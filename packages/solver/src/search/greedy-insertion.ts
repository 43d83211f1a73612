import { findBestInsertion, Insertion } from './insertion.ts';
import { rank } from './local-search.ts';
import type { Random } from './random.ts';
import type { RouteBuilder } from './route.ts';
import type { SearchState } from './search-state.ts';

export type InsertionOrder = 'random' | 'demand' | 'far' | 'close' | 'window';

const ORDERS: readonly InsertionOrder[] = [
  'random',
  'random',
  'random',
  'random',
  'demand',
  'demand',
  'far',
  'far',
  'close',
  'window',
];

export interface GreedyInsertionOptions {
  blinkRate: number;
  /** Extra sort key, higher first (route minimisation passes absence counts). */
  weight?: Float64Array;
  /**
   * With `fresh` (1 for the jobs just removed), any other job is only tried in the routes
   * flagged in `oldJobRoutes` (it found no room in the others before the ruin).
   */
  fresh?: Uint8Array;
  oldJobRoutes?: Uint8Array;
}

/**
 * Recreate of SISR: jobs sorted by rank, then by a randomly chosen criterion, each put at its
 * cheapest feasible position, skipping positions with a small "blink" probability.
 */
export function insertGreedily(
  state: SearchState,
  builder: RouteBuilder,
  random: Random,
  jobs: number[],
  options: GreedyInsertionOptions,
): number {
  const data = state.data;
  const order = ORDERS[random.below(ORDERS.length)]!;
  random.shuffle(jobs);
  const depot = data.vehicleStart[0]! >= 0 ? data.vehicleStart[0]! : data.vehicleEnd[0]!;
  const key = (j: number): number => {
    switch (order) {
      case 'random':
        return 0;
      case 'demand': {
        let total = 0;
        for (let d = 0; d < data.dimensions; d++) {
          total += data.delivery[j * data.dimensions + d]! + data.pickup[j * data.dimensions + d]!;
        }
        return total;
      }
      case 'far':
        return depot < 0 ? 0 : data.costs[depot * data.locationCount + data.nodeLocation[j]!]!;
      case 'close':
        return depot < 0 ? 0 : -data.costs[depot * data.locationCount + data.nodeLocation[j]!]!;
      case 'window': {
        const from = data.windowOffset[j]!;
        const to = data.windowOffset[j + 1]!;
        let width = 0;
        for (let w = from; w < to; w++) width += data.windowEnd[w]! - data.windowStart[w]!;
        return -width;
      }
    }
  };
  const weight = options.weight;
  // Mostly by rank (mandatory, priority); sometimes not, so that two lower-priority jobs can
  // win the room one higher-priority job would take.
  const rankFirst = random.next() < 0.8;
  jobs.sort((a, b) => {
    const byRank = rankFirst ? rank(data, b) - rank(data, a) : 0;
    if (byRank !== 0) return byRank;
    if (weight) {
      const byWeight = weight[b]! - weight[a]!;
      if (byWeight !== 0) return byWeight;
    }
    return key(b) - key(a);
  });
  const insertion = new Insertion();
  const filter = data.jobCount > 300 ? new Uint8Array(state.routes.length) : undefined;
  let inserted = 0;
  for (const job of jobs) {
    if (state.routeOf[job]! >= 0 || state.excluded[job]) continue;
    if (options.fresh && options.oldJobRoutes && !options.fresh[job]) {
      findBestInsertion(state, builder, job, insertion, {
        blinkRate: options.blinkRate,
        random,
        routeFilter: options.oldJobRoutes,
      });
      if (insertion.route >= 0) {
        state.insert(job, state.routes[insertion.route]!, insertion.after);
        inserted++;
      }
      continue;
    }
    if (filter) {
      filter.fill(0);
      const neighbours = data.neighbours[job]!;
      for (let k = 0; k < neighbours.length && k < 20; k++) {
        const r = state.routeOf[neighbours[k]!]!;
        if (r >= 0) filter[r] = 1;
      }
      for (const route of state.routes) if (route.jobCount === 0) filter[route.index] = 1;
    }
    findBestInsertion(state, builder, job, insertion, {
      blinkRate: options.blinkRate,
      random,
      ...(filter ? { routeFilter: filter } : {}),
    });
    if (insertion.route < 0 && filter) {
      findBestInsertion(state, builder, job, insertion, { blinkRate: 0, random });
    }
    if (insertion.route >= 0) {
      state.insert(job, state.routes[insertion.route]!, insertion.after);
      inserted++;
    }
  }
  return inserted;
}
