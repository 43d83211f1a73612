import { describe, expect, it } from 'vitest';
import { compileProblem, type ProblemData } from '../../src/model/problem-data.ts';
import { insertGreedily } from '../../src/search/greedy-insertion.ts';
import { type Move, MoveContext } from '../../src/search/operators/move.ts';
import { Random } from '../../src/search/random.ts';
import { Route } from '../../src/search/route.ts';
import { SearchState } from '../../src/search/search-state.ts';
import { buildRandomProblem, type RandomProblemOptions } from '../support/build-problem.ts';

export interface OperatorContractOptions {
  move: Move;
  /**
   * How the pair (u, v) is drawn: two nodes, or two route starts for route operators (which
   * choose the move themselves, so a refused route pair has no single move to inspect).
   */
  pairs: 'nodes' | 'routes';
  /** Cases this move does not support, with the reason. */
  skip?: Partial<Record<CaseName, string>>;
}

type CaseName = 'plain' | 'breaks' | 'two-windows-and-pickups' | 'skills' | 'duration-limit';

const CASES: Record<CaseName, Omit<RandomProblemOptions, 'seed'>> = {
  plain: { jobs: 30, vehicles: 4 },
  breaks: { jobs: 25, vehicles: 3, withBreaks: true },
  'two-windows-and-pickups': { jobs: 25, vehicles: 4, twoWindowShare: 0.6, withPickups: true, capacity: 40 },
  skills: { jobs: 25, vehicles: 4, withSkills: true },
  'duration-limit': { jobs: 25, vehicles: 4, twoWindowShare: 0, withBreaks: true, maxDurationSeconds: 5000 },
};

function freshCost(data: ProblemData, state: SearchState): { cost: number; feasible: boolean } {
  let cost = 0;
  let feasible = true;
  for (const route of state.routes) {
    const fresh = new Route(data, route.vehicle, route.index);
    fresh.setNodes(route.nodes.subarray(1, route.size + 1), route.size);
    cost += fresh.cost;
    feasible &&= fresh.feasible;
  }
  return { cost, feasible };
}

function validPermutation(data: ProblemData, state: SearchState, routedBefore: number): boolean {
  const count = new Int32Array(data.jobCount + data.breakCount);
  for (const route of state.routes) {
    for (let p = 1; p <= route.size; p++) {
      const node = route.nodes[p]!;
      if (node < 0) return false;
      if (node >= data.jobCount && data.breakVehicle[node - data.jobCount] !== route.vehicle) return false;
      count[node]!++;
    }
  }
  let routed = 0;
  for (let n = 0; n < count.length; n++) {
    if (count[n]! > 1) return false;
    if (n < data.jobCount) routed += count[n]!;
    if (n >= data.jobCount && count[n] !== 1) return false;
  }
  return routed === routedBefore;
}

/**
 * The shared contract every move passes: a finite evaluation equals the cost change
 * recomputed from scratch and always leads to a feasible solution (so infeasible moves are
 * refused), and the random walk does meet moves that are refused because they would break
 * a constraint.
 */
export function runOperatorContract(options: OperatorContractOptions): void {
  const { move } = options;
  describe(`${move.name} (operator contract)`, () => {
    for (const [name, problemOptions] of Object.entries(CASES) as [CaseName, RandomProblemOptions][]) {
      const reason = options.skip?.[name];
      it.skipIf(reason !== undefined)(`evaluates exactly and refuses infeasible moves: ${name}`, () => {
        let finite = 0;
        let refused = 0;
        let refusedInfeasible = 0;
        for (let seed = 1; seed <= 6; seed++) {
          const input = buildRandomProblem({ ...problemOptions, seed });
          const data = compileProblem(input, { neighbourCount: 10 });
          const state = new SearchState(data);
          const random = new Random(seed);
          const context = new MoveContext(state);
          insertGreedily(state, context.first, random, state.unassignedJobs(), { blinkRate: 0 });
          const nodes = data.jobCount + data.breakCount;
          for (let trial = 0; trial < 300; trial++) {
            let u: number;
            let v: number;
            if (options.pairs === 'routes') {
              u = -(random.below(state.routes.length) + 1);
              v = -(random.below(state.routes.length) + 1);
            } else {
              u = random.below(nodes);
              if (state.routeOf[u]! < 0) continue;
              v = random.next() < 0.15 ? -(random.below(state.routes.length) + 1) : random.below(nodes);
              if (v >= 0 && state.routeOf[v]! < 0) continue;
            }
            const before = state.snapshot();
            const costBefore = state.cost();
            const routedBefore = data.jobCount - state.unassignedJobs().length;
            const delta = move.evaluate(context, u, v);
            if (delta !== Number.POSITIVE_INFINITY) {
              finite++;
              move.apply(context, u, v);
              expect(validPermutation(data, state, routedBefore)).toBe(true);
              const after = freshCost(data, state);
              expect(after.feasible).toBe(true);
              expect(after.cost - costBefore).toBeCloseTo(delta, 6);
              expect(state.cost()).toBeCloseTo(after.cost, 6);
              // Keep walking from the new solution half of the time.
              if (random.next() < 0.5) state.restore(before);
            } else {
              refused++;
              try {
                move.apply(context, u, v);
              } catch {
                state.restore(before);
                continue;
              }
              if (validPermutation(data, state, routedBefore) && !freshCost(data, state).feasible) {
                refusedInfeasible++;
              }
              state.restore(before);
            }
          }
        }
        expect(finite).toBeGreaterThan(0);
        expect(refused).toBeGreaterThan(0);
        if (options.pairs === 'nodes') expect(refusedInfeasible).toBeGreaterThan(0);
      });
    }
  });
}
