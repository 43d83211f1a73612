import { describe, expect, it } from 'vitest';
import { solve } from '../src/solve.ts';
import { buildRandomProblem } from './support/build-problem.ts';

const routesOf = (s: ReturnType<typeof solve>) =>
  s.routes.map((r) => r.steps.map((step) => step.id ?? step.type));

describe('determinism', () => {
  it('gives the same answer for the same seed and iteration budget', () => {
    const input = buildRandomProblem({
      seed: 11,
      jobs: 40,
      vehicles: 5,
      withBreaks: true,
      withPriorities: true,
    });
    const a = solve(input, { seed: 7, maxIterations: 60 });
    const b = solve(input, { seed: 7, maxIterations: 60 });
    expect(routesOf(a)).toEqual(routesOf(b));
    expect(a.summary).toEqual(b.summary);
  });
});
