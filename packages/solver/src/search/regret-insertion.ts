import { insertionDelta } from './insertion.ts';
import { rank } from './local-search.ts';
import type { RouteBuilder } from './route.ts';
import type { SearchState } from './search-state.ts';

/**
 * Regret-2 insertion (Potvin & Rousseau): repeatedly insert the job whose best route beats
 * its second-best route by the widest margin (a job that fits one route only goes first).
 * Higher-ranked jobs (mandatory, then priority) always go before lower-ranked ones.
 * Cached per job and route; after an insertion only that route's column is recomputed.
 */
export function insertWithRegret(state: SearchState, builder: RouteBuilder, jobs: readonly number[]): number {
  const data = state.data;
  const routes = state.routes.filter((r) => state.enabled[r.vehicle]);
  const routeCount = routes.length;
  const pending = jobs.filter((j) => state.routeOf[j]! < 0 && !state.excluded[j]);
  const bestDelta = new Float64Array(data.jobCount * routeCount);
  const bestAfter = new Int32Array(data.jobCount * routeCount);
  const evaluate = (job: number, r: number) => {
    const route = routes[r]!;
    let best = Number.POSITIVE_INFINITY;
    let after = -1;
    if (data.compatible[job * data.vehicleCount + route.vehicle] !== 0) {
      for (let p = 0; p <= route.size; p++) {
        const delta = insertionDelta(builder, route, p, job);
        if (delta < best) {
          best = delta;
          after = p;
        }
      }
    }
    bestDelta[job * routeCount + r] = best;
    bestAfter[job * routeCount + r] = after;
  };
  for (const job of pending) for (let r = 0; r < routeCount; r++) evaluate(job, r);
  let inserted = 0;
  const open = new Set(pending);
  while (open.size > 0) {
    let chosen = -1;
    let chosenRoute = -1;
    let chosenRank = Number.NEGATIVE_INFINITY;
    let chosenRegret = Number.NEGATIVE_INFINITY;
    let chosenCost = Number.POSITIVE_INFINITY;
    for (const job of open) {
      let first = Number.POSITIVE_INFINITY;
      let second = Number.POSITIVE_INFINITY;
      let firstRoute = -1;
      for (let r = 0; r < routeCount; r++) {
        const d = bestDelta[job * routeCount + r]!;
        if (d < first) {
          second = first;
          first = d;
          firstRoute = r;
        } else if (d < second) {
          second = d;
        }
      }
      if (firstRoute < 0) continue;
      const jobRank = rank(data, job);
      const regret = second === Number.POSITIVE_INFINITY ? Number.MAX_VALUE : second - first;
      if (
        jobRank > chosenRank ||
        (jobRank === chosenRank && (regret > chosenRegret || (regret === chosenRegret && first < chosenCost)))
      ) {
        chosen = job;
        chosenRoute = firstRoute;
        chosenRank = jobRank;
        chosenRegret = regret;
        chosenCost = first;
      }
    }
    if (chosen < 0) break;
    const route = routes[chosenRoute]!;
    state.insert(chosen, route, bestAfter[chosen * routeCount + chosenRoute]!);
    open.delete(chosen);
    inserted++;
    for (const job of open) evaluate(job, chosenRoute);
  }
  return inserted;
}
