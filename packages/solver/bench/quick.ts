import { readFileSync } from 'node:fs';
import { parseSolomon, solomonAnswer, solomonToProblem } from '/work/main/packages/solver/src/io/solomon.ts';
import { solve } from '/work/main/packages/solver/src/solve.ts';

const names = process.argv[2]!.split(',');
const t = Number(process.argv[3] ?? 2);
const bks = new Map(
  readFileSync('/work/shared/benchmarks/solomon/bks_distance_only.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const p = l.split(',');
      return [p[0]!, Number(p[2])];
    }),
);
let gaps = 0;
for (const name of names) {
  const inst = parseSolomon(readFileSync(`/work/shared/benchmarks/solomon/${name}.txt`, 'utf8'));
  const sol = solve(solomonToProblem(inst), { timeLimitSeconds: t, seed: 1 });
  const a = solomonAnswer(inst, sol);
  const g = (a.distance / bks.get(name)! - 1) * 100;
  gaps += g;
  console.log(
    name,
    a.vehicles,
    a.distance,
    `${g.toFixed(2)}%`,
    'iters',
    sol.stats.iterations,
    'unassigned',
    a.unassigned.length,
  );
}
console.log('mean', (gaps / names.length).toFixed(2));
