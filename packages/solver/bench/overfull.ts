/**
 * Over-full route-sales days: more candidate visits than four reps can make. Deterministic
 * instances (coordinates in a 20 km city, haversine fallback, 8 h of work plus a 45 min lunch
 * break, two-window opening hours, priorities 0-100). Prints priority and visits served and
 * travel, against a simple baseline (regret insertion by priority plus one local-search
 * descent, no metaheuristic) and an upper bound on the priority that could be served
 * (fractional knapsack on working time).
 *
 *   npm run bench:overfull -w packages/solver -- [--time-limit 5]
 */
import { compileProblem } from '../src/model/problem-data.ts';
import type { JobInput, ProblemInput, VehicleInput } from '../src/model/types.ts';
import { Random } from '../src/search/random.ts';
import { solve } from '../src/solve.ts';

const i = process.argv.indexOf('--time-limit');
const timeLimit = i >= 0 ? Number(process.argv[i + 1]) : 5;
const hour = 3600;

export function buildOverfullDay(seed: number, visits: number): ProblemInput {
  const random = new Random(seed);
  const centre: [number, number] = [139.7, 35.68];
  // ~20 km square: 0.09° latitude ≈ 10 km, 0.11° longitude ≈ 10 km at 35.7°N.
  const point = (): [number, number] => [
    centre[0] + (random.next() - 0.5) * 0.22,
    centre[1] + (random.next() - 0.5) * 0.18,
  ];
  const jobs: JobInput[] = [];
  for (let j = 0; j < visits; j++) {
    const kind = random.next();
    const timeWindows: [number, number][] =
      kind < 0.6
        ? [
            [9 * hour, 12 * hour],
            [13 * hour, 17 * hour],
          ]
        : kind < 0.9
          ? [[9 * hour, 17 * hour]]
          : narrowWindow(random);
    jobs.push({
      id: `visit-${j + 1}`,
      coordinates: point(),
      serviceSeconds: (15 + random.below(31)) * 60,
      timeWindows,
      priority: random.below(101),
    });
  }
  const vehicles: VehicleInput[] = Array.from({ length: 4 }, (_, v) => ({
    id: `rep-${v + 1}`,
    start: { coordinates: centre },
    end: { coordinates: centre },
    shift: [8.5 * hour, 17.25 * hour] as const,
    breaks: [{ id: `lunch-${v + 1}`, timeWindows: [[11.5 * hour, 13.5 * hour]], serviceSeconds: 45 * 60 }],
  }));
  return {
    jobs,
    vehicles,
    haversine: { detourFactor: 1.3, speedMetresPerSecond: 20 / 3.6 },
    costBasis: 'distance',
    unreachableJobs: 'unassign',
  };
}

/** Fractional knapsack: working time against service plus the shortest possible approach per visit. */
function priorityBound(problem: ProblemInput): number {
  const data = compileProblem(problem);
  const n = data.locationCount;
  const approach = (j: number) => {
    const to = data.nodeLocation[j]!;
    let best = Number.POSITIVE_INFINITY;
    for (let from = 0; from < n; from++)
      if (from !== to) best = Math.min(best, data.durations[from * n + to]!);
    return best === Number.POSITIVE_INFINITY ? 0 : best;
  };
  const available = problem.vehicles.reduce(
    (a, v) => a + (v.shift![1] - v.shift![0]) - (v.breaks ?? []).reduce((b, x) => b + x.serviceSeconds, 0),
    0,
  );
  const items = problem.jobs
    .map((j, index) => ({ priority: j.priority ?? 0, time: (j.serviceSeconds ?? 0) + approach(index) }))
    .sort((a, b) => b.priority / b.time - a.priority / a.time);
  let left = available;
  let bound = 0;
  for (const item of items) {
    if (left <= 0) break;
    const share = Math.min(1, left / item.time);
    bound += share * item.priority;
    left -= share * item.time;
  }
  return bound;
}

function narrowWindow(random: Random): [number, number][] {
  const open = (9 + random.below(6)) * hour;
  return [[open, open + 2 * hour]];
}

console.log(`Over-full days: 4 reps, 8h45 shift incl. 45 min lunch; ${timeLimit} s per instance`);
console.log(
  'instance      visits  priority served (baseline / bound)   visits served (baseline)  travel km (baseline)',
);
const totals = { ours: 0, base: 0, bound: 0, jobs: 0, baseJobs: 0, km: 0, baseKm: 0 };
for (const visits of [80, 100, 120]) {
  for (const seed of [1, 2]) {
    const problem = buildOverfullDay(seed * 1000 + visits, visits);
    const baseline = solve(problem, { maxIterations: 0, seed: 1 });
    const ours = solve(problem, { timeLimitSeconds: timeLimit, seed: 1 });
    const bound = priorityBound(problem);
    const s = ours.summary;
    const b = baseline.summary;
    totals.ours += s.priorityServed;
    totals.base += b.priorityServed;
    totals.bound += bound;
    totals.jobs += s.jobsServed;
    totals.baseJobs += b.jobsServed;
    totals.km += s.distance / 1000;
    totals.baseKm += b.distance / 1000;
    console.log(
      `day-${visits}-${seed}`.padEnd(14) +
        `${String(visits).padStart(6)}  ${String(s.priorityServed).padStart(6)} (${String(b.priorityServed).padStart(5)} / ${bound.toFixed(0).padStart(5)})` +
        `${String(s.jobsServed).padStart(22)} (${String(b.jobsServed).padStart(3)})` +
        `${(s.distance / 1000).toFixed(1).padStart(17)} (${(b.distance / 1000).toFixed(1)})`,
    );
  }
}
console.log(
  `total         priority ${totals.ours} (baseline ${totals.base}, bound ${totals.bound.toFixed(0)}), visits ${totals.jobs} (baseline ${totals.baseJobs}), travel ${totals.km.toFixed(1)} km (baseline ${totals.baseKm.toFixed(1)} km)`,
);
