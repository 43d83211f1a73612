import { readFileSync } from 'node:fs';
import { parseSolomon, solomonToProblem } from '../src/io/solomon.ts';
import { compileProblem } from '../src/model/problem-data.ts';
import { iteratedLocalSearch } from '../src/search/iterated-local-search.ts';
import { LocalSearch } from '../src/search/local-search.ts';

const inst = parseSolomon(readFileSync('/work/shared/benchmarks/solomon/R201.txt', 'utf8'));
const data = compileProblem(solomonToProblem(inst));
const proto = LocalSearch.prototype as any;
const stats = { runs: 0, tries: 0, evals: 0, swapstar: 0, rounds: 0 };
const origTry = proto.tryMoves;
proto.tryMoves = function (m: any, u: number, v: number) {
  stats.tries++;
  stats.evals += m.length;
  return origTry.call(this, m, u, v);
};
const origRun = proto.run;
proto.run = function () {
  stats.runs++;
  return origRun.call(this);
};
const origSS = proto.runSwapStar;
proto.runSwapStar = function () {
  stats.swapstar++;
  return origSS.call(this);
};
const t = performance.now();
const r = iteratedLocalSearch(data, { seed: 1, stopping: { maxIterations: 300 } });
console.log(
  (performance.now() - t).toFixed(0),
  'ms',
  r.iterations,
  stats,
  'tries/run',
  (stats.tries / stats.runs).toFixed(0),
);
