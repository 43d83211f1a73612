import { describe, expect, it } from 'vitest';
import { compileProblem } from '../src/model/problem-data.ts';
import { Route, RouteBuilder } from '../src/search/route.ts';
import { solveSingleRoute } from '../src/search/solve-single-route.ts';
import { solve } from '../src/solve.ts';
import { buildRandomProblem } from './support/build-problem.ts';
import { checkSolution } from './support/check-solution.ts';

/** Lexicographic key of a solution: priority dropped, jobs dropped, cost. */
function key(s: ReturnType<typeof solve>): [number, number, number] {
  return [s.summary.priorityTotal - s.summary.priorityServed, s.summary.jobsUnassigned, s.summary.cost];
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

describe('exact single-route solver', () => {
  it('matches brute force over every permutation of every subset (6 jobs)', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const input = buildRandomProblem({ seed, jobs: 6, vehicles: 1, withPriorities: true, capacity: 30 });
      const data = compileProblem(input);
      const exact = solveSingleRoute(data);
      const route = new Route(data, 0, 0);
      const builder = new RouteBuilder(data);
      let best: [number, number, number] = [Number.POSITIVE_INFINITY, 0, 0];
      for (let mask = 0; mask < 1 << 6; mask++) {
        const subset = [0, 1, 2, 3, 4, 5].filter((j) => mask & (1 << j));
        const dropped = [0, 1, 2, 3, 4, 5].filter((j) => !(mask & (1 << j)));
        const priority = dropped.reduce((a, j) => a + data.priority[j]!, 0);
        for (const order of permutations(subset)) {
          builder.startWith(route, 0);
          let ok = true;
          for (const j of order) ok &&= builder.add(j);
          const cost = ok ? builder.finishAtEnd(route) : Number.POSITIVE_INFINITY;
          if (cost === Number.POSITIVE_INFINITY) continue;
          const candidate: [number, number, number] = [priority, dropped.length, cost];
          if (
            candidate[0] < best[0] ||
            (candidate[0] === best[0] &&
              (candidate[1] < best[1] || (candidate[1] === best[1] && candidate[2] < best[2])))
          ) {
            best = candidate;
          }
        }
      }
      expect([exact.objective.priorityDropped, exact.objective.jobsDropped, exact.objective.cost]).toEqual(
        best,
      );
    }
  });

  it('is what solve() uses for one vehicle and few jobs', () => {
    const input = buildRandomProblem({ seed: 3, jobs: 8, vehicles: 1 });
    const solution = solve(input);
    expect(solution.stats.exact).toBe(true);
    expect(checkSolution(input, solution)).toEqual([]);
  });

  it('the heuristic finds the exact optimum on small single-route instances', () => {
    let equal = 0;
    const runs = 12;
    for (let seed = 1; seed <= runs; seed++) {
      const input = buildRandomProblem({
        seed,
        jobs: 9,
        vehicles: 1,
        withPriorities: true,
        capacity: 40,
        horizon: 5000,
      });
      const exact = solve(input, { exact: true });
      const heuristic = solve(input, { exact: false, maxIterations: 300, seed });
      expect(checkSolution(input, heuristic)).toEqual([]);
      const e = key(exact);
      const h = key(heuristic);
      // The exact answer is never beaten...
      expect(h[0] > e[0] || (h[0] === e[0] && (h[1] > e[1] || (h[1] === e[1] && h[2] >= e[2] - 1e-9)))).toBe(
        true,
      );
      if (h[0] === e[0] && h[1] === e[1] && Math.abs(h[2] - e[2]) < 1e-9) equal++;
    }
    // ...and the heuristic reaches it almost always.
    expect(equal).toBeGreaterThanOrEqual(runs - 1);
  });
});
