/**
 * Scale: a 1,000-job random instance in the style of Gehring & Homberger's R1 class
 * (1000 × 1000 square, horizon 3000, capacity 200, 250 vehicles, windows 10-120 wide), solved for 30 s.
 * Prints the time to the first solution, the cost over time, peak RSS, and checks the answer
 * with the independent checker.
 *
 *   npm run bench:scale -w packages/solver -- [--time-limit 30] [--jobs 1000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { euclidean, type SolomonInstance, solomonAnswer, solomonToProblem } from '../src/io/solomon.ts';
import { Random } from '../src/search/random.ts';
import { solve } from '../src/solve.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const timeLimit = arg('--time-limit', 30);
const jobs = arg('--jobs', 1000);
const checker = fileURLToPath(new URL('../../../../shared/tools/check_vrptw.py', import.meta.url));

function buildInstance(count: number, seed: number): SolomonInstance {
  const random = new Random(seed);
  const horizon = 3000;
  const depot = { number: 0, x: 500, y: 500, demand: 0, ready: 0, due: horizon, service: 0 };
  const customers = [depot];
  for (let c = 1; c <= count; c++) {
    const x = random.below(1001);
    const y = random.below(1001);
    const here = { number: c, x, y, demand: 1 + random.below(40), ready: 0, due: 0, service: 10 };
    const out = Math.ceil(euclidean(depot, here));
    const latest = horizon - 10 - out - 1;
    const centreTime = out + random.below(Math.max(1, latest - out));
    const half = 5 + random.below(60);
    here.ready = Math.max(out, centreTime - half);
    here.due = Math.min(latest, centreTime + half);
    if (here.ready > here.due) here.ready = here.due;
    customers.push(here);
  }
  return { name: `RANDOM${count}`, vehicles: 250, capacity: 200, customers };
}

const instance = buildInstance(jobs, 2026);
const started = performance.now();
let first: number | undefined;
const trace: string[] = [];
let lastLogged = -1;
const solution = solve(solomonToProblem(instance), {
  timeLimitSeconds: timeLimit,
  seed: 1,
  onProgress: (p) => {
    const seconds = (performance.now() - started) / 1000;
    first ??= seconds;
    const bucket = Math.floor(seconds / 5);
    if (bucket !== lastLogged) {
      lastLogged = bucket;
      trace.push(
        `${seconds.toFixed(1)} s: ${p.vehicles} vehicles, distance ${(p.objective.cost / 10_000).toFixed(0)}`,
      );
    }
  },
});
const elapsed = (performance.now() - started) / 1000;
const answer = solomonAnswer(instance, solution);
const folder = mkdtempSync(join(tmpdir(), 'kayoi-scale-'));
const lines = [
  instance.name,
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  `  ${instance.vehicles}   ${instance.capacity}`,
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  '',
  ...instance.customers.map((c) => [c.number, c.x, c.y, c.demand, c.ready, c.due, c.service].join(' ')),
];
writeFileSync(join(folder, 'instance.txt'), `${lines.join('\n')}\n`);
writeFileSync(join(folder, 'solution.json'), JSON.stringify(answer));
const check = JSON.parse(
  execFileSync('python3', [checker, join(folder, 'instance.txt'), join(folder, 'solution.json')], {
    encoding: 'utf8',
  }),
);
console.log(`${jobs} jobs, ${timeLimit} s budget`);
console.log(`first solution after ${first?.toFixed(2)} s`);
for (const line of trace) console.log(`  ${line}`);
console.log(
  `final: ${answer.vehicles} vehicles, distance ${answer.distance.toFixed(1)}, unassigned ${answer.unassigned.length}, ${solution.stats.iterations} iterations in ${elapsed.toFixed(1)} s`,
);
console.log(`checker: ${check.feasible ? 'feasible' : `INFEASIBLE ${check.errors.join('; ')}`}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
if (!check.feasible) process.exitCode = 1;
