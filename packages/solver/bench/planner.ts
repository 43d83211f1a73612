/**
 * Periodic benchmark (visit planner): solves Cordeau's PVRP instances p01–p32 and pr01–pr10
 * and the five PVRPTW instances, checks every answer with the independent checker
 * (../shared/tools/check_pvrptw.py) and prints cost, gap to ../shared/benchmarks/pvrp/bks.csv,
 * time and feasibility per instance, then the mean gap and the number feasible.
 *
 *   npm run bench:planner -w packages/solver -- [--time-limit 60] [--only p01,p02,pr01-tw] [--seed 1]
 *
 * PVRPTW rows are named with a "-tw" suffix (pr01-tw); `--only pvrp` or `--only pvrptw`
 * selects a whole set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cordeauAnswer, cordeauToProblem, parseCordeau } from '../src/io/cordeau.ts';
import { solvePeriodic } from '../src/periodic/solve-periodic.ts';

// The repository root is three levels up; shared/ sits beside it (/work/main → /work/shared).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const shared = join(root, '..', 'shared');
const checker = join(shared, 'tools/check_pvrptw.py');
if (!existsSync(checker)) {
  console.error(`bench:planner: ${checker} not found (shared/ must sit beside the repository)`);
  process.exit(2);
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const timeLimit = Number(argument('--time-limit', '60'));
const seed = Number(argument('--seed', '1'));
const only = argument('--only', '')
  .split(',')
  .filter((s) => s.length > 0);

interface Instance {
  name: string;
  set: 'pvrp' | 'pvrptw';
  file: string;
}

const pad = (i: number) => String(i).padStart(2, '0');
const all: Instance[] = [
  ...Array.from({ length: 32 }, (_, i) => ({ name: `p${pad(i + 1)}`, set: 'pvrp' as const })),
  ...Array.from({ length: 10 }, (_, i) => ({ name: `pr${pad(i + 1)}`, set: 'pvrp' as const })),
  ...['pr01', 'pr02', 'pr03', 'pr11', 'pr18'].map((n) => ({ name: `${n}-tw`, set: 'pvrptw' as const })),
].map((i) => ({ ...i, file: join(shared, 'benchmarks', i.set, `${i.name.replace(/-tw$/, '')}.txt`) }));
const instances = all.filter((i) => only.length === 0 || only.includes(i.name) || only.includes(i.set));

const bks = new Map(
  readFileSync(join(shared, 'benchmarks/pvrp/bks.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => {
      const [name, cost] = row.split(',');
      return [name!, Number(cost)] as const;
    }),
);

const scratch = mkdtempSync(join(tmpdir(), 'kayoi-planner-'));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
console.log(`Periodic VRP, ${timeLimit} s per instance, seed ${seed}; load average at start ${load()}`);
console.log('instance    cost         bks       gap%   time s   iters  checker');

interface Row {
  name: string;
  feasible: boolean;
  gap: number | undefined;
  seconds: number;
}
const rows: Row[] = [];
for (const instance of instances) {
  const parsed = parseCordeau(readFileSync(instance.file, 'utf8'));
  const started = performance.now();
  const solution = solvePeriodic(cordeauToProblem(parsed), { timeLimitMs: timeLimit * 1000, seed });
  const seconds = (performance.now() - started) / 1000;
  const answer = cordeauAnswer(parsed, solution);
  const file = join(scratch, `${instance.name}.json`);
  writeFileSync(file, JSON.stringify(answer));
  const run = spawnSync('python3', [checker, instance.file, file], { encoding: 'utf8' });
  let check: { feasible: boolean; cost: number | null; errors: string[] };
  try {
    check = JSON.parse(run.stdout);
  } catch {
    check = { feasible: false, cost: null, errors: [run.stderr.trim()] };
  }
  const reference = instance.set === 'pvrp' ? bks.get(instance.name) : undefined;
  const cost = check.cost ?? answer.cost;
  const gap = reference ? (cost / reference - 1) * 100 : undefined;
  rows.push({ name: instance.name, feasible: check.feasible, gap, seconds });
  console.log(
    `${instance.name.padEnd(8)}  ${cost.toFixed(2).padStart(9)}  ${(reference ? reference.toFixed(2) : '—').padStart(9)}  ${(gap === undefined ? '—' : gap.toFixed(2)).padStart(6)}  ${seconds.toFixed(2).padStart(7)}  ${String(solution.stats.iterations).padStart(6)}  ${check.feasible ? 'feasible' : `INFEASIBLE ${check.errors.slice(0, 3).join('; ')}`}`,
  );
}

const withGap = rows.filter((r) => r.feasible && r.gap !== undefined);
const mean = withGap.reduce((a, r) => a + r.gap!, 0) / Math.max(1, withGap.length);
const feasible = rows.filter((r) => r.feasible).length;
console.log('');
console.log(
  `mean gap ${mean.toFixed(2)}% over ${withGap.length} instances with a BKS; feasible ${feasible}/${rows.length}; mean time ${(rows.reduce((a, r) => a + r.seconds, 0) / Math.max(1, rows.length)).toFixed(2)} s; load average at end ${load()}`,
);
if (feasible < rows.length) {
  console.log(
    `DEFECT: infeasible answers: ${rows
      .filter((r) => !r.feasible)
      .map((r) => r.name)
      .join(', ')}`,
  );
  process.exitCode = 1;
}
