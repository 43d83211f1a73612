import type { PeriodicProblem } from '../../src/periodic/periodic-problem.ts';
import type { PeriodicSolution } from '../../src/periodic/periodic-solution.ts';

/**
 * Independent check of a periodic plan against the raw problem: each served customer is
 * visited exactly on the days of one of its allowed combinations (holding its pinned days and
 * vehicles), by vehicles of those days; each route's schedule, replayed from its reported
 * departure, meets windows, shift, breaks, capacity and duration; every customer is served
 * or listed unassigned, never both.
 */
export function checkPeriodicSolution(problem: PeriodicProblem, solution: PeriodicSolution): string[] {
  const errors: string[] = [];
  const durations = problem.matrices!.durations;
  const index = new Map(problem.customers.map((c, i) => [String(c.id), i]));
  const visits = problem.customers.map(() => new Map<number, string>());
  solution.days.forEach((plan, day) => {
    const vehicles = problem.days[day]!.vehicles;
    const used = new Set<string>();
    for (const route of plan.routes) {
      const vehicle = vehicles.find((v) => String(v.id) === String(route.vehicleId));
      const name = `day ${day} vehicle ${route.vehicleId}`;
      if (!vehicle) {
        errors.push(`${name}: no such vehicle that day`);
        continue;
      }
      if (used.has(String(vehicle.id))) errors.push(`${name}: two routes`);
      used.add(String(vehicle.id));
      const shift = vehicle.shift ?? [0, Number.POSITIVE_INFINITY];
      const departure = route.steps[0]!.departure;
      if (departure < shift[0]) errors.push(`${name}: leaves at ${departure} before the shift`);
      let time = departure;
      let location = vehicle.start?.locationIndex ?? -1;
      const load = new Array<number>(vehicle.capacity?.length ?? 0).fill(0);
      const breaks = new Set<string>();
      for (const step of route.steps.slice(1, -1)) {
        let windows: readonly (readonly [number, number])[] | undefined;
        let service: number;
        if (step.type === 'visit') {
          const c = index.get(String(step.id));
          if (c === undefined) {
            errors.push(`${name}: unknown customer ${step.id}`);
            continue;
          }
          const customer = problem.customers[c]!;
          if (visits[c]!.has(day)) errors.push(`customer ${customer.id}: twice on day ${day}`);
          visits[c]!.set(day, String(vehicle.id));
          const to = customer.locationIndex!;
          if (location >= 0) time += durations[location]![to]!;
          location = to;
          windows = customer.timeWindowsByDay?.[day] ?? customer.timeWindows;
          service = customer.serviceSeconds ?? 0;
          customer.demand?.forEach((d, k) => {
            load[k] = (load[k] ?? 0) + d;
          });
        } else {
          const b = vehicle.breaks?.find((x) => String(x.id) === String(step.id));
          if (!b) {
            errors.push(`${name}: unknown break ${step.id}`);
            continue;
          }
          breaks.add(String(b.id));
          windows = b.timeWindows;
          service = b.serviceSeconds;
        }
        const window = (
          windows && windows.length > 0 ? windows : [[0, Number.POSITIVE_INFINITY] as const]
        ).find((w) => time <= w[1]);
        if (!window) {
          errors.push(`${name}: ${step.type} ${step.id} reached at ${time}, after its windows`);
          continue;
        }
        time = Math.max(time, window[0]) + service;
      }
      for (const b of vehicle.breaks ?? [])
        if (!breaks.has(String(b.id))) errors.push(`${name}: break ${b.id} missing`);
      const end = vehicle.end?.locationIndex ?? -1;
      if (location >= 0 && end >= 0) time += durations[location]![end]!;
      if (time > shift[1]) errors.push(`${name}: back at ${time} after the shift`);
      if (vehicle.maxDurationSeconds !== undefined && time - departure > vehicle.maxDurationSeconds) {
        errors.push(`${name}: duration ${time - departure} over ${vehicle.maxDurationSeconds}`);
      }
      load.forEach((l, k) => {
        if (l > (vehicle.capacity?.[k] ?? Number.POSITIVE_INFINITY))
          errors.push(`${name}: load ${l} over capacity`);
      });
    }
  });
  const unassigned = new Set(solution.unassigned.map((u) => String(u.customerId)));
  problem.customers.forEach((customer, c) => {
    const days = [...visits[c]!.keys()].sort((a, b) => a - b);
    if (unassigned.has(String(customer.id))) {
      if (days.length > 0) errors.push(`customer ${customer.id}: unassigned but visited on ${days}`);
      return;
    }
    const allowed = customer.combinations.some(
      (combination) => [...new Set(combination)].sort((a, b) => a - b).join(',') === days.join(','),
    );
    if (!allowed)
      errors.push(`customer ${customer.id}: visited on days [${days}], not an allowed combination`);
    for (const pin of customer.pinned ?? []) {
      if (!visits[c]!.has(pin.day)) errors.push(`customer ${customer.id}: pinned day ${pin.day} not kept`);
      else if (pin.vehicleId !== undefined && visits[c]!.get(pin.day) !== String(pin.vehicleId)) {
        errors.push(`customer ${customer.id}: pinned vehicle ${pin.vehicleId} not kept on day ${pin.day}`);
      }
    }
  });
  return errors;
}
