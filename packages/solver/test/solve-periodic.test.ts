import { describe, expect, it } from 'vitest';
import { SolverError, SolverErrorCode } from '../src/model/solver-error.ts';
import type { PeriodicCustomer, PeriodicProblem } from '../src/periodic/periodic-problem.ts';
import type { PeriodicSolution } from '../src/periodic/periodic-solution.ts';
import { solvePeriodic } from '../src/periodic/solve-periodic.ts';
import { buildRandomPeriodicProblem } from './support/build-periodic-problem.ts';
import { checkPeriodicSolution } from './support/check-periodic.ts';

/** Places on a line (1 m takes 1 s); location 0 is the depot at x = 0. */
function lineProblem(options: {
  xs: number[];
  customers: Omit<PeriodicCustomer, 'locationIndex'>[];
  days: number;
  vehicles?: string[];
  capacity?: number;
  shiftEnd?: number;
}): PeriodicProblem {
  const xs = [0, ...options.xs];
  const durations = xs.map((a) => xs.map((b) => Math.abs(a - b)));
  return {
    days: Array.from({ length: options.days }, () => ({
      vehicles: (options.vehicles ?? ['rep']).map((id) => ({
        id,
        start: { locationIndex: 0 },
        end: { locationIndex: 0 },
        capacity: [options.capacity ?? 3],
        ...(options.shiftEnd !== undefined ? { shift: [0, options.shiftEnd] as const } : {}),
      })),
    })),
    customers: options.customers.map((c, i) => ({ ...c, locationIndex: i + 1 })),
    matrices: { durations },
  };
}

const daysOf = (solution: PeriodicSolution) =>
  Object.fromEntries(solution.assignments.map((a) => [a.customerId, a.days]));

/**
 * A (x=10) only on day 0, C (x=−10) only on day 1, E (x=1) on both; B (x=11) and D (x=−11)
 * may go either day, but capacity 3 lets each day take one of them: B with A, D with C
 * (0→E→A→B→0 = 22, 0→E→C→D→0 = 24: 46); the other way round costs 42 + 42.
 */
const splitProblem = (extra: Partial<Record<string, Partial<PeriodicCustomer>>> = {}) =>
  lineProblem({
    xs: [10, 11, -10, -11, 1],
    days: 2,
    customers: [
      { id: 'A', demand: [1], combinations: [[0]], ...extra.A },
      { id: 'B', demand: [1], combinations: [[0], [1]], ...extra.B },
      { id: 'C', demand: [1], combinations: [[1]], ...extra.C },
      { id: 'D', demand: [1], combinations: [[0], [1]], ...extra.D },
      { id: 'E', demand: [1], combinations: [[0, 1]], ...extra.E },
    ],
  });

describe('solvePeriodic', () => {
  it('finds the optimum of a tiny instance where combinations force a split', () => {
    const problem = splitProblem();
    const solution = solvePeriodic(problem, { maxIterations: 50, seed: 1 });
    expect(checkPeriodicSolution(problem, solution)).toEqual([]);
    expect(solution.summary.distance).toBe(46);
    expect(daysOf(solution)).toEqual({ A: [0], B: [0], C: [1], D: [1], E: [0, 1] });
    expect(solution.unassigned).toEqual([]);
    expect(solution.summary.visits).toBe(6);
  });

  it('keeps a pinned day even when it costs more', () => {
    const problem = splitProblem({ B: { pinned: [{ day: 1 }] } });
    const solution = solvePeriodic(problem, { maxIterations: 50, seed: 1 });
    expect(checkPeriodicSolution(problem, solution)).toEqual([]);
    expect(daysOf(solution)).toMatchObject({ B: [1], D: [0] });
    expect(solution.summary.distance).toBe(84);
  });

  it('keeps a pinned vehicle', () => {
    const problem = lineProblem({
      xs: [10, 11, 12],
      days: 1,
      vehicles: ['rep-1', 'rep-2'],
      customers: [
        { id: 'A', demand: [1], combinations: [[0]] },
        { id: 'B', demand: [1], combinations: [[0]], pinned: [{ day: 0, vehicleId: 'rep-2' }] },
        { id: 'C', demand: [1], combinations: [[0]] },
      ],
    });
    const solution = solvePeriodic(problem, { maxIterations: 30, seed: 2 });
    expect(checkPeriodicSolution(problem, solution)).toEqual([]);
    const route = solution.days[0]!.routes.find((r) => r.steps.some((s) => s.id === 'B'));
    expect(route?.vehicleId).toBe('rep-2');
  });

  it('tells why each impossible customer is left out', () => {
    const problem = lineProblem({
      xs: [10, 10, 10, 10, 20, 20, 20],
      days: 2,
      capacity: 2,
      shiftEnd: 100,
      customers: [
        { id: 'late', demand: [1], combinations: [[0], [1]], timeWindows: [[500, 600]] },
        { id: 'heavy', demand: [5], combinations: [[0]] },
        { id: 'pinned-elsewhere', demand: [1], combinations: [[0]], pinned: [{ day: 1 }] },
        { id: 'no-days', demand: [1], combinations: [] },
        { id: 'u1', demand: [1], combinations: [[0]] },
        { id: 'u2', demand: [1], combinations: [[0]] },
        { id: 'u3', demand: [1], combinations: [[0]] },
      ],
    });
    const solution = solvePeriodic(problem, { maxIterations: 30, seed: 1 });
    expect(checkPeriodicSolution(problem, solution)).toEqual([]);
    const reasons = Object.fromEntries(solution.unassigned.map((u) => [u.customerId, u.reason]));
    expect(reasons).toMatchObject({
      late: 'window_unreachable',
      heavy: 'no_capacity',
      'pinned-elsewhere': 'pinned_conflict',
      'no-days': 'no_combination',
    });
    const full = solution.unassigned.filter((u) => u.reason === 'no_combination_fits');
    expect(full).toHaveLength(1);
    expect(['u1', 'u2', 'u3']).toContain(full[0]!.customerId);
  });

  it('delays the departure so that a duration limit holds', () => {
    const problem: PeriodicProblem = {
      days: [
        {
          vehicles: [
            {
              id: 'rep',
              start: { locationIndex: 0 },
              end: { locationIndex: 0 },
              shift: [0, 2000],
              maxDurationSeconds: 300,
            },
          ],
        },
      ],
      customers: [
        { id: 'A', locationIndex: 1, serviceSeconds: 10, timeWindows: [[1000, 1100]], combinations: [[0]] },
      ],
      matrices: {
        durations: [
          [0, 100],
          [100, 0],
        ],
      },
    };
    const solution = solvePeriodic(problem, { maxIterations: 5 });
    expect(checkPeriodicSolution(problem, solution)).toEqual([]);
    const route = solution.days[0]!.routes[0]!;
    expect(route.steps[0]!.departure).toBe(900);
    expect(route.durationSeconds).toBe(210);
  });

  it('moves no visit when re-planning the same problem with its own plan', () => {
    const problem = buildRandomPeriodicProblem({ seed: 5, customers: 14, days: 3, withWindows: true });
    const first = solvePeriodic(problem, { maxIterations: 80, seed: 3 });
    expect(checkPeriodicSolution(problem, first)).toEqual([]);
    const previousPlan = first.days.flatMap((day) =>
      day.routes.flatMap((route) =>
        route.steps
          .filter((s) => s.type === 'visit')
          .map((s) => ({ customerId: s.id!, day: day.day, vehicleId: route.vehicleId })),
      ),
    );
    const again = solvePeriodic({ ...problem, previousPlan }, { maxIterations: 80, seed: 9 });
    expect(checkPeriodicSolution(problem, again)).toEqual([]);
    expect(again.summary.movedVisits).toBe(0);
    expect(daysOf(again)).toEqual(daysOf(first));
  });

  it('counts visits that had to move when the previous days are no longer allowed', () => {
    const problem = splitProblem();
    const previousPlan = [{ customerId: 'A', day: 1 }];
    const solution = solvePeriodic({ ...problem, previousPlan }, { maxIterations: 30 });
    expect(solution.summary.movedVisits).toBe(1);
  });

  it('weighs dropped visits by priority with the service objective', () => {
    const problem = lineProblem({
      xs: [10, 10],
      days: 1,
      capacity: 1,
      customers: [
        { id: 'low', demand: [1], combinations: [[0]], priority: 10 },
        { id: 'high', demand: [1], combinations: [[0]], priority: 90 },
      ],
    });
    const solution = solvePeriodic(problem, { maxIterations: 20, objective: 'service' });
    expect(solution.unassigned.map((u) => u.customerId)).toEqual(['low']);
  });

  it('gives the same plan for the same seed and iteration budget', () => {
    const problem = buildRandomPeriodicProblem({ seed: 8, customers: 20, days: 4, withBreaks: true });
    const a = solvePeriodic(problem, { maxIterations: 60, seed: 4 });
    const b = solvePeriodic(problem, { maxIterations: 60, seed: 4 });
    expect(a.days).toEqual(b.days);
    expect(a.summary).toEqual(b.summary);
  });

  it('reports progress and returns the plan so far when aborted', () => {
    const problem = buildRandomPeriodicProblem({ seed: 12, customers: 25, days: 3 });
    const controller = new AbortController();
    const seen: number[] = [];
    const solution = solvePeriodic(problem, {
      timeLimitMs: 60_000,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.cost);
        if (p.iteration >= 5) controller.abort();
      },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(solution.summary.cost).toBeLessThanOrEqual(seen.at(-1)! + 1e-6);
    expect(checkPeriodicSolution(problem, solution)).toEqual([]);
  });

  it('uses the windows of each day', () => {
    const problem = lineProblem({
      xs: [100],
      days: 2,
      shiftEnd: 1000,
      customers: [
        {
          id: 'A',
          demand: [1],
          combinations: [[0], [1]],
          timeWindows: [[0, 50]],
          timeWindowsByDay: [null, [[400, 500]]],
        },
      ],
    });
    const solution = solvePeriodic(problem, { maxIterations: 10 });
    expect(daysOf(solution)).toEqual({ A: [1] });
    expect(solution.days[1]!.routes[0]!.steps[1]!.serviceStart).toBe(400);
  });

  it('rejects a combination day outside the horizon, naming the customer', () => {
    const problem = splitProblem({ B: { combinations: [[0], [2]] } });
    expect(() => solvePeriodic(problem, { maxIterations: 1 })).toThrowError(
      new SolverError(SolverErrorCode.InvalidInput, 'customer B: day 2 is outside 0..1'),
    );
  });

  it('rejects a negative service time, naming the customer and day', () => {
    const problem = splitProblem({ C: { serviceSeconds: -5 } });
    expect(() => solvePeriodic(problem, { maxIterations: 1 })).toThrowError(/customer C \(day 1\)/);
  });

  it('leaves late enough not to wait at the first visit', () => {
    const problem = lineProblem({
      xs: [100],
      days: 1,
      shiftEnd: 2000,
      customers: [{ id: 'A', combinations: [[0]], timeWindows: [[1000, 1100]] }],
    });
    const route = solvePeriodic(problem, { maxIterations: 1 }).days[0]!.routes[0]!;
    expect(route.steps[0]!.departure).toBe(900);
    expect(route.waitingSeconds).toBe(0);
  });
});
