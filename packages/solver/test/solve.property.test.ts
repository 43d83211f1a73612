import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../src/solve.ts';
import { buildRandomProblem } from './support/build-problem.ts';
import { checkSolution } from './support/check-solution.ts';

describe('solve (property)', () => {
  it('returns feasible routes and accounts for every job exactly once', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          jobs: fc.integer({ min: 1, max: 30 }),
          vehicles: fc.integer({ min: 1, max: 4 }),
          withBreaks: fc.boolean(),
          twoWindowShare: fc.double({ min: 0, max: 1, noNaN: true }),
          capacity: fc.integer({ min: 10, max: 80 }),
          withPriorities: fc.boolean(),
          withSkills: fc.boolean(),
          withPickups: fc.boolean(),
          horizon: fc.integer({ min: 3000, max: 10000 }),
        }),
        (options) => {
          const input = buildRandomProblem(options);
          const solution = solve(input, { maxIterations: 15, seed: options.seed, exact: false });
          expect(checkSolution(input, solution)).toEqual([]);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});
