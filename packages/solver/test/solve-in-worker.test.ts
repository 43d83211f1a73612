import { describe, expect, it } from 'vitest';
import { SolverError, SolverErrorCode } from '../src/model/solver-error.ts';
import type { Progress } from '../src/search/iterated-local-search.ts';
import { solveInWorker, solvePeriodicInWorker } from '../src/worker/solve-in-worker.ts';
import { buildRandomPeriodicProblem } from './support/build-periodic-problem.ts';
import { buildRandomProblem } from './support/build-problem.ts';
import { checkPeriodicSolution } from './support/check-periodic.ts';
import { checkSolution } from './support/check-solution.ts';

describe('solveInWorker', () => {
  it('solves on a real worker thread, reports progress and stops on cancel', async () => {
    const input = buildRandomProblem({ seed: 5, jobs: 60, vehicles: 6, withBreaks: true });
    const progress: Progress[] = [];
    // The budget is 60 s, twice the test timeout: the test passes only if cancel() stops it.
    const run = solveInWorker(input, {
      timeLimitSeconds: 60,
      progressIntervalMs: 0,
      onProgress: (p) => progress.push(p),
    });
    setTimeout(() => run.cancel(), 1500);
    const solution = await run.solution;
    expect(progress.length).toBeGreaterThan(0);
    expect(checkSolution(input, solution)).toEqual([]);
    const last = progress.at(-1)!;
    expect(solution.summary.cost).toBeLessThanOrEqual(last.objective.cost + 1e-6);
  });

  it('rejects bad input with the solver error code', async () => {
    const run = solveInWorker({ jobs: [], vehicles: [] });
    await expect(run.solution).rejects.toBeInstanceOf(SolverError);
    await expect(run.solution).rejects.toMatchObject({ code: SolverErrorCode.InvalidInput });
  });

  it('plans periodic visits on a worker thread and stops on cancel', async () => {
    const problem = buildRandomPeriodicProblem({ seed: 3, customers: 30, days: 4, withWindows: true });
    // 60 s budget, twice the test timeout: only cancel() ends it in time.
    const run = solvePeriodicInWorker(problem, { timeLimitMs: 60_000 });
    setTimeout(() => run.cancel(), 1000);
    const plan = await run.solution;
    expect(checkPeriodicSolution(problem, plan)).toEqual([]);
    expect(plan.assignments.length + plan.unassigned.length).toBe(30);
  });
});
