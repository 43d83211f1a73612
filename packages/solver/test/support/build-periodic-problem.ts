import type { TimeWindow, VehicleInput } from '../../src/model/types.ts';
import type { PeriodicCustomer, PeriodicProblem } from '../../src/periodic/periodic-problem.ts';
import { Random } from '../../src/search/random.ts';

export interface RandomPeriodicOptions {
  seed: number;
  customers?: number;
  days?: number;
  vehiclesPerDay?: number;
  capacity?: number;
  horizon?: number;
  withWindows?: boolean;
  withBreaks?: boolean;
  /** Route duration limit (departure delayed as late as windows allow). */
  maxDurationSeconds?: number;
  withPins?: boolean;
}

/** All combinations of `visits` days among `days`, as day lists. */
export function allCombinations(days: number, visits: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, picked: number[]) => {
    if (picked.length === visits) {
      out.push([...picked]);
      return;
    }
    for (let d = from; d < days; d++) walk(d + 1, [...picked, d]);
  };
  walk(0, []);
  return out;
}

/** A random periodic problem; depot in the middle, 1 m takes 1 s. */
export function buildRandomPeriodicProblem(options: RandomPeriodicOptions): PeriodicProblem {
  const random = new Random(options.seed);
  const count = options.customers ?? 10;
  const dayCount = options.days ?? 3;
  const horizon = options.horizon ?? 6000;
  const side = 1000;
  const points: [number, number][] = [[side / 2, side / 2]];
  for (let c = 0; c < count; c++) points.push([random.below(side), random.below(side)]);
  const durations = points.map((a) => points.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  const days = Array.from({ length: dayCount }, (_, k) => ({
    id: `day-${k}`,
    vehicles: Array.from({ length: options.vehiclesPerDay ?? 2 }, (_, v): VehicleInput => {
      const vehicle: VehicleInput = {
        id: `rep-${v + 1}`,
        start: { locationIndex: 0 },
        end: { locationIndex: 0 },
        shift: [0, horizon],
        capacity: [options.capacity ?? 30],
      };
      if (options.withBreaks) {
        vehicle.breaks = [
          {
            id: `lunch-${v + 1}`,
            timeWindows: [[horizon / 2 - 600, horizon / 2 + 600]],
            serviceSeconds: 600,
          },
        ];
      }
      if (options.maxDurationSeconds !== undefined) vehicle.maxDurationSeconds = options.maxDurationSeconds;
      return vehicle;
    }),
  }));
  const customers: PeriodicCustomer[] = [];
  for (let c = 0; c < count; c++) {
    const visits = 1 + random.below(Math.min(3, dayCount));
    const combinations = allCombinations(dayCount, visits).filter(() => random.next() < 0.7);
    if (combinations.length === 0) combinations.push(allCombinations(dayCount, visits)[0]!);
    const customer: PeriodicCustomer = {
      id: c + 1,
      locationIndex: c + 1,
      serviceSeconds: 60 + random.below(300),
      demand: [1 + random.below(8)],
      combinations,
      priority: random.below(101),
    };
    if (options.withWindows) {
      const out = durations[0]![c + 1]!;
      const open = out + random.below(Math.max(1, horizon / 2));
      const window: TimeWindow = [
        open,
        Math.min(horizon - out - 400, open + 600 + random.below(horizon / 2)),
      ];
      if (window[1] >= window[0]) customer.timeWindows = [window];
      if (random.next() < 0.2) {
        const day = random.below(dayCount);
        const late: TimeWindow = [Math.min(horizon - out - 400, out + horizon / 2), horizon - out - 400];
        if (late[1] >= late[0])
          customer.timeWindowsByDay = Array.from({ length: dayCount }, (_, k) => (k === day ? [late] : null));
      }
    }
    if (options.withPins && random.next() < 0.2) {
      const combination = combinations[random.below(combinations.length)]!;
      customer.pinned = [{ day: combination[0]!, ...(random.next() < 0.5 ? { vehicleId: 'rep-1' } : {}) }];
    }
    customers.push(customer);
  }
  return { days, customers, matrices: { durations } };
}
