import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/model/problem-data.ts';
import { MoveContext } from '../../src/search/operators/move.ts';
import { twoOptStar } from '../../src/search/operators/two-opt-star.ts';
import { SearchState } from '../../src/search/search-state.ts';
import { runOperatorContract } from './operator-contract.ts';

runOperatorContract({ move: twoOptStar, pairs: 'nodes' });

describe('two-opt-star with lunch breaks', () => {
  // Office at x = 0; two visits west (x = -10, -11) and two east (x = 10, 11); a minute a unit.
  const xs = [0, -10, -11, 10, 11];
  const durations = xs.map((a) => xs.map((b) => Math.abs(a - b) * 60));
  const lunch = (id: string) => ({ id, timeWindows: [[0, 5000]] as [number, number][], serviceSeconds: 600 });
  const problem = compileProblem({
    jobs: [1, 2, 3, 4].map((location) => ({ id: `visit-${location}`, locationIndex: location })),
    vehicles: ['a', 'b'].map((id) => ({
      id,
      start: { locationIndex: 0 },
      end: { locationIndex: 0 },
      shift: [0, 20000] as const,
      breaks: [lunch(`lunch-${id}`)],
    })),
    matrices: { durations },
    costBasis: 'duration',
  });
  const [west1, west2, east1, east2] = [0, 1, 2, 3];
  const [lunchA, lunchB] = [4, 5];

  it('swaps the afternoon tails across the lunch, each break staying with its rep', () => {
    const state = new SearchState(problem);
    // Each rep crosses the city after lunch: a west-then-east and an east-then-west day.
    state.commit(state.routes[0]!, [west1, lunchA, east2], 3);
    state.commit(state.routes[1]!, [east1, lunchB, west2], 3);
    const before = state.cost();
    const context = new MoveContext(state);
    const delta = twoOptStar.evaluate(context, west1, east1);
    expect(delta).toBeCloseTo(-40 * 60, 6);
    twoOptStar.apply(context, west1, east1);
    const a = Array.from(state.routes[0]!.nodes.subarray(1, state.routes[0]!.size + 1));
    const b = Array.from(state.routes[1]!.nodes.subarray(1, state.routes[1]!.size + 1));
    expect(a.filter((n) => n < 4)).toEqual([west1, west2]);
    expect(b.filter((n) => n < 4)).toEqual([east1, east2]);
    expect(a).toContain(lunchA);
    expect(b).toContain(lunchB);
    expect(state.routes.every((r) => r.feasible)).toBe(true);
    expect(state.cost()).toBeCloseTo(before + delta, 6);
  });
});
