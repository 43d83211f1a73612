import { solvePeriodic } from '@kayoi/solver';
import { describe, expect, it } from 'vitest';
import {
  buildPlanProblem,
  customerPriority,
  type PlanningCustomer,
  type PlanningRep,
} from './build-plan-problem.ts';

const office = { lat: 34.6937, lng: 135.5023 };
const rep = (overrides: Partial<PlanningRep> = {}): PlanningRep => ({
  id: 'rep-1',
  teamId: 'team-a',
  start: office,
  end: office,
  workStartMinute: 9 * 60,
  workEndMinute: 18 * 60,
  lunchStartMinute: 11 * 60 + 30,
  lunchEndMinute: 13 * 60 + 30,
  lunchDurationMinutes: 45,
  workingDates: ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'],
  ...overrides,
});
const customer = (overrides: Partial<PlanningCustomer> = {}): PlanningCustomer => ({
  id: 'c-1',
  lat: 34.7,
  lng: 135.5,
  repId: 'rep-1',
  teamId: 'team-a',
  rank: 'B',
  status: 'active',
  cadenceDays: 7,
  cadenceToleranceDays: 1,
  lastVisitAt: new Date('2026-12-01T01:00:00Z'),
  preferredWeekdays: [],
  timeWindows: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  visitDurationMinutes: 30,
  archived: false,
  ...overrides,
});
/** Mon 12/7 … Sun 12/13. */
const week = [
  '2026-12-07',
  '2026-12-08',
  '2026-12-09',
  '2026-12-10',
  '2026-12-11',
  '2026-12-12',
  '2026-12-13',
];

describe('buildPlanProblem', () => {
  it('makes a day of each date someone works, with each rep’s shift and lunch', () => {
    const { problem, dayDates } = buildPlanProblem({ dates: week, customers: [], reps: [rep()] });
    expect(dayDates).toEqual(week.slice(0, 5));
    const vehicle = problem.days[0]!.vehicles[0]!;
    expect(vehicle.shift).toEqual([9 * 3600, 18 * 3600]);
    expect(vehicle.breaks?.[0]).toMatchObject({
      serviceSeconds: 45 * 60,
      timeWindows: [[11.5 * 3600, 12.75 * 3600]],
    });
  });

  it('offers a weekly customer last seen on Tuesday the days within its tolerance, on its preferred weekdays', () => {
    const { problem } = buildPlanProblem({
      dates: week,
      customers: [customer({ preferredWeekdays: [1, 2, 3] })],
      reps: [rep()],
    });
    // Last visit Tue 12/1 (Tokyo): due Tue 12/8 ± 1 → Mon, Tue, Wed; all preferred.
    expect(problem.customers[0]!.combinations).toEqual([[0], [1], [2]]);
    // Opening hours bound the whole 30-minute visit.
    expect(problem.customers[0]!.timeWindows).toEqual([
      [9 * 3600, 11.5 * 3600],
      [13 * 3600, 16.5 * 3600],
    ]);
  });

  it('leaves out a customer not due in the horizon, and names those it cannot plan', () => {
    const plan = buildPlanProblem({
      dates: week,
      customers: [
        customer({ id: 'later', cadenceDays: 28, lastVisitAt: new Date('2026-11-30T01:00:00Z') }),
        customer({ id: 'nowhere', lat: null, lng: null }),
        customer({ id: 'orphan', repId: null }),
        customer({ id: 'weekend-only', preferredWeekdays: [0, 6] }),
        customer({ id: 'gone', status: 'churned' }),
        customer({ id: 'long', visitDurationMinutes: 300 }),
      ],
      reps: [rep()],
    });
    expect(plan.notDue).toEqual(['later']);
    expect(plan.excluded).toEqual([
      { customerId: 'nowhere', reason: 'no_position' },
      { customerId: 'orphan', reason: 'no_rep' },
      { customerId: 'weekend-only', reason: 'rep_not_working' },
      { customerId: 'long', reason: 'visit_longer_than_opening' },
    ]);
    expect(plan.problem.customers).toEqual([]);
  });

  it('skips a holiday the rep does not work (the working dates come without it)', () => {
    const { dayDates, problem } = buildPlanProblem({
      dates: week,
      customers: [customer()],
      reps: [rep({ workingDates: ['2026-12-07', '2026-12-09'] })],
    });
    expect(dayDates).toEqual(['2026-12-07', '2026-12-09']);
    expect(problem.customers[0]!.combinations).toEqual([[0], [1]]);
  });

  it('pins a fixed appointment to its day, rep and start time', () => {
    const { problem } = buildPlanProblem({
      dates: week,
      customers: [customer()],
      reps: [rep()],
      appointments: [{ customerId: 'c-1', date: '2026-12-10', startMinute: 14 * 60, repId: 'rep-1' }],
    });
    const planned = problem.customers[0]!;
    expect(planned.combinations).toEqual([[3]]);
    expect(planned.pinned).toEqual([{ day: 3, vehicleId: 'rep-1' }]);
    expect(planned.timeWindowsByDay?.[3]).toEqual([[14 * 3600, 14 * 3600]]);
  });

  it('ranks an overdue A customer above a C customer seen on time', () => {
    const first = Date.parse('2026-12-07T00:00:00Z') / 86_400_000;
    const overdue = customerPriority(
      customer({ rank: 'A', lastVisitAt: new Date('2026-11-16T01:00:00Z') }),
      first,
    );
    const onTime = customerPriority(customer({ rank: 'C' }), first);
    expect(overdue).toBeGreaterThan(onTime);
    expect(overdue).toBeLessThanOrEqual(100);
  });

  it('raises the priority of a customer at risk or with a reorder due, the same customer otherwise', () => {
    const first = Date.parse('2026-12-07T00:00:00Z') / 86_400_000;
    const calm = customerPriority(customer(), first);
    const atRisk = customerPriority(customer({ signals: { risk: 60, reorderDue: 0 } }), first);
    const reorder = customerPriority(customer({ signals: { risk: 0, reorderDue: 1 } }), first);
    expect(atRisk).toBe(calm + 18);
    expect(reorder).toBe(calm + 15);
    expect(customerPriority(customer({ rank: 'A', signals: { risk: 100, reorderDue: 1 } }), first)).toBe(100);
  });

  it('gives the engine a problem it plans within opening hours, around lunch, on the rep’s days', () => {
    const customers = Array.from({ length: 12 }, (_, i) =>
      customer({
        id: `c-${i}`,
        lat: 34.68 + i * 0.004,
        lng: 135.49 + (i % 4) * 0.006,
        visitDurationMinutes: 40,
      }),
    );
    const { problem, dayDates } = buildPlanProblem({ dates: week, customers, reps: [rep()] });
    const plan = solvePeriodic(problem, { maxIterations: 200, seed: 1, objective: 'service' });
    expect(plan.unassigned).toEqual([]);
    for (const day of plan.days) {
      expect(dayDates[day.day]).toBeDefined();
      for (const route of day.routes) {
        const visits = route.steps.filter((s) => s.type === 'visit');
        const lunch = route.steps.find((s) => s.type === 'break');
        expect(lunch).toBeDefined();
        expect(lunch!.serviceStart).toBeGreaterThanOrEqual(11.5 * 3600);
        expect(lunch!.serviceStart + 45 * 60).toBeLessThanOrEqual(13.5 * 3600);
        for (const v of visits) {
          const open =
            (v.serviceStart >= 9 * 3600 && v.serviceStart <= 12 * 3600) ||
            (v.serviceStart >= 13 * 3600 && v.serviceStart <= 17 * 3600);
          expect(open, `visit at ${v.serviceStart / 3600} h`).toBe(true);
        }
      }
    }
  });
});
