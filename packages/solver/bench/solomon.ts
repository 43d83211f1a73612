/**
 * Solomon benchmark: solves the 56 instances, checks every answer with the independent
 * checker (../shared/tools/check_vrptw.py) and prints vehicles, distance, gap and time per
 * instance and per class.
 *
 *   npm run bench -w packages/solver -- [--time-limit 5] [--objective distance|vehicles-distance]
 *                                       [--only C1,R101] [--seed 1]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSolomon, solomonAnswer, solomonToProblem } from '../src/io/solomon.ts';
import { type ObjectiveName, solve } from '../src/solve.ts';

const shared = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const folder = join(shared, 'benchmarks/solomon');
const checker = join(shared, 'tools/check_vrptw.py');

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const timeLimit = Number(argument('--time-limit', '5'));
const objective = argument('--objective', 'distance') as ObjectiveName;
const seed = Number(argument('--seed', '1'));
const only = argument('--only', '')
  .split(',')
  .filter((s) => s.length > 0);
const hierarchical = objective === 'vehicles-distance';

function readBks(file: string): Map<string, { vehicles: number; distance: number }> {
  const rows = readFileSync(join(folder, file), 'utf8').trim().split('\n').slice(1);
  return new Map(
    rows.map((row) => {
      const [name, vehicles, distance] = row.split(',');
      return [name!, { vehicles: Number(vehicles), distance: Number(distance) }];
    }),
  );
}

const bks = readBks(hierarchical ? 'bks.csv' : 'bks_distance_only.csv');
const instances = readdirSync(folder)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .filter((name) => only.length === 0 || only.some((o) => name.startsWith(o)))
  .sort();
const scratch = mkdtempSync(join(tmpdir(), 'kayoi-bench-'));

interface Row {
  name: string;
  group: string;
  feasible: boolean;
  vehicles: number;
  distance: number;
  gap: number;
  bksVehicles: number;
  seconds: number;
}

const rows: Row[] = [];
console.log(
  `Solomon, objective ${objective}, fleet 25, ${timeLimit} s per instance, seed ${seed}; gaps vs ${hierarchical ? 'bks.csv' : 'bks_distance_only.csv'}`,
);
console.log('instance  veh (bks)  distance     gap%    time s   iters  checker');
for (const name of instances) {
  const instance = parseSolomon(readFileSync(join(folder, `${name}.txt`), 'utf8'));
  const started = performance.now();
  const solution = solve(solomonToProblem(instance), { timeLimitSeconds: timeLimit, seed, objective });
  const seconds = (performance.now() - started) / 1000;
  const answer = solomonAnswer(instance, solution);
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(answer));
  const check = JSON.parse(
    execFileSync('python3', [checker, join(folder, `${name}.txt`), file], { encoding: 'utf8' }),
  );
  const reference = bks.get(name)!;
  const row: Row = {
    name,
    group: name.slice(0, name.length - 2),
    feasible: check.feasible,
    vehicles: check.vehicles,
    distance: check.distance,
    gap: (check.distance / reference.distance - 1) * 100,
    bksVehicles: reference.vehicles,
    seconds,
  };
  rows.push(row);
  console.log(
    `${name.padEnd(8)}  ${String(row.vehicles).padStart(3)} (${String(reference.vehicles).padStart(2)})  ${row.distance.toFixed(2).padStart(9)}  ${row.gap.toFixed(2).padStart(6)}  ${seconds.toFixed(2).padStart(7)}  ${String(solution.stats.iterations).padStart(6)}  ${check.feasible ? 'feasible' : `INFEASIBLE ${check.errors.join('; ')}`}`,
  );
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const summarise = (label: string, group: Row[]) => {
  const ok = group.filter((r) => r.feasible);
  console.log(
    `${label.padEnd(8)}  n=${String(group.length).padStart(2)}  feasible ${ok.length}/${group.length}  vehicles ${String(ok.reduce((a, r) => a + r.vehicles, 0)).padStart(4)} (bks ${group.reduce((a, r) => a + r.bksVehicles, 0)})  distance ${ok
      .reduce((a, r) => a + r.distance, 0)
      .toFixed(2)
      .padStart(10)}  mean gap ${mean(ok.map((r) => r.gap))
      .toFixed(2)
      .padStart(6)}%  mean time ${mean(group.map((r) => r.seconds)).toFixed(2)} s`,
  );
};
console.log('');
for (const group of ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2']) {
  const members = rows.filter((r) => r.group === group);
  if (members.length > 0) summarise(group, members);
}
summarise('all', rows);
const infeasible = rows.filter((r) => !r.feasible);
if (infeasible.length > 0) {
  console.log(`DEFECT: ${infeasible.length} infeasible answers: ${infeasible.map((r) => r.name).join(', ')}`);
  process.exitCode = 1;
}
