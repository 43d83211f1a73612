/**
 * Visit planner at product scale: 300 customers on a 10 km square, 4 weeks of working days
 * (20 days), 5 reps a day with 9:00–18:00 shifts and a lunch break, opening hours with a lunch
 * closure, cadences of 1, 2 or 4 weeks from a random last visit (visitCombinations), priorities,
 * the 'service' objective. Prints the plan's figures, the time to a first plan and the memory.
 *
 *   npm run bench:planner-scale -w packages/solver -- [--time-limit 20] [--seed 1]
 */
import { solvePeriodic } from '../src/periodic/solve-periodic.ts';
import { visitCombinations } from '../src/periodic/visit-combinations.ts';
import { Random } from '../src/search/random.ts';

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const timeLimit = Number(argument('--time-limit', '20'));
const seed = Number(argument('--seed', '1'));

const random = new Random(seed);
const calendarDays = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25];
const count = 300;
const points: [number, number][] = [[5000, 5000]];
for (let i = 0; i < count; i++) points.push([random.below(10000), random.below(10000)]);
// Metres, and seconds at 6 m/s.
const distances = points.map((a) => points.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
const durations = distances.map((row) => row.map((d) => Math.round(d / 6)));
const rep = (id: string) => ({
  id,
  start: { locationIndex: 0 },
  end: { locationIndex: 0 },
  shift: [9 * 3600, 18 * 3600] as const,
  breaks: [
    {
      id: `lunch-${id}`,
      timeWindows: [[11.5 * 3600, 13.5 * 3600]] as [number, number][],
      serviceSeconds: 2700,
    },
  ],
});
const days = calendarDays.map((d) => ({
  id: `day-${d}`,
  vehicles: ['rep-1', 'rep-2', 'rep-3', 'rep-4', 'rep-5'].map(rep),
}));
const customers = Array.from({ length: count }, (_, i) => {
  const cadence = [7, 14, 28][random.below(3)]!;
  return {
    id: i + 1,
    locationIndex: i + 1,
    serviceSeconds: 1800,
    priority: random.below(100),
    timeWindows: [
      [9 * 3600, 12 * 3600],
      [13 * 3600, 17 * 3600],
    ] as [number, number][],
    combinations: visitCombinations({
      allowedDays: [...calendarDays.keys()].filter(() => random.next() < 0.8),
      calendarDays,
      cadenceDays: cadence,
      toleranceDays: cadence === 7 ? 1 : 3,
      lastVisitDay: -random.below(cadence),
    }),
  };
});
const started = performance.now();
let first = 0;
const plan = solvePeriodic(
  { days, customers, matrices: { durations, distances } },
  {
    timeLimitMs: timeLimit * 1000,
    seed,
    objective: 'service',
    onProgress: (p) => {
      if (first === 0) first = p.elapsedMs;
    },
  },
);
const reasons: Record<string, number> = {};
for (const u of plan.unassigned) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
console.log(`${count} customers, ${days.length} days × 5 reps, ${timeLimit} s, seed ${seed}`);
console.log(
  `first plan after ${(first / 1000).toFixed(2)} s; ${plan.stats.iterations} iterations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(
  `visits ${plan.summary.visits}, customers served ${plan.summary.customersServed}, unassigned ${plan.summary.customersUnassigned} ${JSON.stringify(reasons)}, routes ${plan.summary.routes}, distance ${(plan.summary.distance / 1000).toFixed(1)} km`,
);
console.log(`peak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
