import { describe, expect, it } from 'vitest';
import type { ProblemInput } from '../src/model/types.ts';
import { solve } from '../src/solve.ts';

/** Depot 0 and jobs at 1..3, each 600 s from the depot and 600 s apart; a shift fits one visit. */
function buildOneSlotDay(jobs: ProblemInput['jobs']): ProblemInput {
  const durations = [
    [0, 600, 600, 600],
    [600, 0, 600, 600],
    [600, 600, 0, 600],
    [600, 600, 600, 0],
  ];
  return {
    jobs,
    vehicles: [{ id: 'rep', start: { locationIndex: 0 }, end: { locationIndex: 0 }, shift: [0, 1500] }],
    matrices: { durations },
  };
}

describe('objective', () => {
  it('serves the higher priority when only one visit fits', () => {
    const solution = solve(
      buildOneSlotDay([
        { id: 'low', locationIndex: 1, serviceSeconds: 200, priority: 10 },
        { id: 'high', locationIndex: 2, serviceSeconds: 200, priority: 90 },
      ]),
      { exact: false, maxIterations: 20 },
    );
    expect(solution.routes[0]!.steps.map((s) => s.id).filter(Boolean)).toEqual(['high']);
    expect(solution.unassigned.map((u) => u.id)).toEqual(['low']);
  });

  it('serves a mandatory job before any optional one', () => {
    const solution = solve(
      buildOneSlotDay([
        { id: 'optional', locationIndex: 1, serviceSeconds: 200, priority: 100 },
        { id: 'mandatory', locationIndex: 2, serviceSeconds: 200, mandatory: true },
      ]),
      { exact: false, maxIterations: 20 },
    );
    expect(solution.summary.mandatoryUnassigned).toBe(0);
    expect(solution.unassigned.map((u) => u.id)).toEqual(['optional']);
  });

  it('lists a job nobody can reach as unreachable when asked to', () => {
    const solution = solve({
      ...buildOneSlotDay([
        { id: 'ok', locationIndex: 1, serviceSeconds: 100 },
        { id: 'late', locationIndex: 2, serviceSeconds: 100, timeWindows: [[5000, 6000]] },
      ]),
      unreachableJobs: 'unassign',
    });
    expect(solution.unassigned).toEqual([{ id: 'late', jobIndex: 1, reason: 'unreachable' }]);
  });
});
