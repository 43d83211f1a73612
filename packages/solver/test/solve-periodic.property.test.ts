import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solvePeriodic } from '../src/periodic/solve-periodic.ts';
import { buildRandomPeriodicProblem } from './support/build-periodic-problem.ts';
import { checkPeriodicSolution } from './support/check-periodic.ts';

describe('solvePeriodic (property)', () => {
  it('respects every allowed combination, pin and route constraint on random instances', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          customers: fc.integer({ min: 1, max: 14 }),
          days: fc.integer({ min: 1, max: 4 }),
          vehiclesPerDay: fc.integer({ min: 1, max: 3 }),
          capacity: fc.integer({ min: 5, max: 40 }),
          horizon: fc.integer({ min: 2500, max: 8000 }),
          withWindows: fc.boolean(),
          withBreaks: fc.boolean(),
          withPins: fc.boolean(),
          maxDurationSeconds: fc.option(fc.integer({ min: 1500, max: 6000 }), { nil: undefined }),
        }),
        (options) => {
          const problem = buildRandomPeriodicProblem(options);
          const solution = solvePeriodic(problem, { maxIterations: 15, seed: options.seed });
          expect(checkPeriodicSolution(problem, solution)).toEqual([]);
          expect(solution.assignments.length + solution.unassigned.length).toBe(problem.customers.length);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
