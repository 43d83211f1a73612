import type { Random } from './random.ts';
import type { SearchState } from './search-state.ts';

export interface StringRemovalOptions {
  /** Average number of jobs removed (SISR's c̄). */
  averageRemoved: number;
  /** Longest string removed from one route (SISR's L^max). */
  maxStringLength: number;
  /** Probability of centring the ruin on a dropped job (route elimination wants them back). */
  droppedSeedShare?: number;
}

/**
 * Ruin of SISR (Christiaens & Vanden Berghe 2020): around a random seed job, remove strings
 * of consecutive jobs from nearby routes (sometimes a "split string" that keeps a middle
 * part). Writes the removed jobs to `out` and returns how many there are.
 */
export function removeStrings(
  state: SearchState,
  random: Random,
  options: StringRemovalOptions,
  out: Int32Array,
): number {
  const data = state.data;
  let routed = 0;
  let used = 0;
  for (const route of state.routes) {
    if (route.jobCount > 0) {
      routed += route.jobCount;
      used++;
    }
  }
  if (routed === 0) return 0;
  const averageSize = routed / used;
  const maxLength = Math.min(options.maxStringLength, averageSize);
  const maxStrings = (4 * options.averageRemoved) / (1 + maxLength) - 1;
  const strings = Math.floor(random.next() * maxStrings) + 1;
  let seed = random.below(data.jobCount);
  if (options.droppedSeedShare && random.next() < options.droppedSeedShare) {
    const dropped: number[] = [];
    for (let j = 0; j < data.jobCount; j++) if (state.routeOf[j]! < 0 && !state.excluded[j]) dropped.push(j);
    if (dropped.length > 0) seed = dropped[random.below(dropped.length)]!;
  }
  if (state.routeOf[seed]! < 0 && !state.excluded[seed] && random.next() < 0.7) {
    // A dropped job: make room around it by ruining near its closest routed neighbour.
    for (const n of data.neighbours[seed]!) {
      if (state.routeOf[n]! >= 0) {
        seed = n;
        break;
      }
    }
  }
  for (let tries = 0; state.routeOf[seed]! < 0 && tries < 4 * data.jobCount; tries++) {
    seed = random.below(data.jobCount);
  }
  if (state.routeOf[seed]! < 0) return 0;
  const ruined = new Set<number>();
  let count = 0;
  const neighbours = data.neighbours[seed]!;
  for (let k = -1; k < neighbours.length && ruined.size < strings; k++) {
    const c = k < 0 ? seed : neighbours[k]!;
    const r = state.routeOf[c]!;
    if (r < 0 || ruined.has(r)) continue;
    ruined.add(r);
    const route = state.routes[r]!;
    const jobsHere: number[] = [];
    for (let p = 1; p <= route.size; p++) if (route.nodes[p]! < data.jobCount) jobsHere.push(route.nodes[p]!);
    const at = jobsHere.indexOf(c);
    const limit = Math.min(jobsHere.length, maxLength);
    const length = Math.floor(random.next() * limit) + 1;
    if (length >= 2 && random.next() < 0.5 && jobsHere.length > length) {
      // Split string: a longer string with `kept` jobs in its middle left in place.
      let kept = 1;
      while (length + kept < jobsHere.length && random.next() > 0.01) {
        if (kept >= length) break;
        kept++;
      }
      const total = Math.min(jobsHere.length, length + kept);
      const first = clampStart(at, total, jobsHere.length, random);
      const keepFrom = first + 1 + random.below(Math.max(1, total - kept - 1));
      for (let q = first; q < first + total; q++) {
        if (q >= keepFrom && q < keepFrom + kept) continue;
        out[count++] = jobsHere[q]!;
      }
    } else {
      const first = clampStart(at, length, jobsHere.length, random);
      for (let q = first; q < first + length; q++) out[count++] = jobsHere[q]!;
    }
  }
  state.removeJobs(out, count);
  return count;
}

/** Random start of a window of `length` that contains index `at`. */
function clampStart(at: number, length: number, size: number, random: Random): number {
  const lo = Math.max(0, at - length + 1);
  const hi = Math.min(at, size - length);
  return lo + random.below(hi - lo + 1);
}

/** Removes `count` random routed jobs. */
export function removeRandom(state: SearchState, random: Random, count: number, out: Int32Array): number {
  const routed: number[] = [];
  for (let j = 0; j < state.data.jobCount; j++) if (state.routeOf[j]! >= 0) routed.push(j);
  random.shuffle(routed);
  const n = Math.min(count, routed.length);
  for (let i = 0; i < n; i++) out[i] = routed[i]!;
  state.removeJobs(out, n);
  return n;
}
