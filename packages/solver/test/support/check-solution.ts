import type { ProblemInput } from '../../src/model/types.ts';
import type { Solution } from '../../src/solution/solution.ts';

/**
 * Independent feasibility check of a solution against the raw input (not the compiled
 * model): windows, shift, breaks, capacity (deliveries loaded at start, pickups collected),
 * skills, max tasks, and every job served once or listed unassigned.
 */
export function checkSolution(input: ProblemInput, solution: Solution): string[] {
  const errors: string[] = [];
  const durations = input.matrices!.durations;
  const jobById = new Map(input.jobs.map((j) => [String(j.id), j]));
  const seen = new Map<string, number>();
  for (const route of solution.routes) {
    const vehicle = input.vehicles.find((v) => String(v.id) === String(route.vehicleId));
    if (!vehicle) {
      errors.push(`unknown vehicle ${route.vehicleId}`);
      continue;
    }
    const shift = vehicle.shift ?? [0, Number.POSITIVE_INFINITY];
    let time = shift[0];
    let location = vehicle.start?.locationIndex ?? -1;
    const jobs = route.steps.filter((s) => s.type === 'job').map((s) => jobById.get(String(s.id))!);
    const dims = vehicle.capacity?.length ?? 0;
    const load = new Array<number>(dims).fill(0);
    for (const job of jobs) for (let d = 0; d < dims; d++) load[d]! += job.delivery?.[d] ?? 0;
    const checkLoad = (where: string) => {
      for (let d = 0; d < dims; d++) {
        if (load[d]! > vehicle.capacity![d]! + 1e-9)
          errors.push(`${route.vehicleId}: load ${load[d]} over capacity ${where}`);
      }
    };
    checkLoad('at start');
    const breaksSeen = new Set<string>();
    if (vehicle.maxTasks !== undefined && jobs.length > vehicle.maxTasks)
      errors.push(`${route.vehicleId}: too many tasks`);
    for (const step of route.steps) {
      if (step.type === 'start' || step.type === 'end') continue;
      let windows: readonly (readonly [number, number])[];
      let service: number;
      if (step.type === 'job') {
        const job = jobById.get(String(step.id));
        if (!job) {
          errors.push(`unknown job ${step.id}`);
          continue;
        }
        seen.set(String(job.id), (seen.get(String(job.id)) ?? 0) + 1);
        const to = job.locationIndex!;
        if (location >= 0) time += durations[location]![to]!;
        location = to;
        windows =
          job.timeWindows && job.timeWindows.length > 0 ? job.timeWindows : [[0, Number.POSITIVE_INFINITY]];
        service = job.serviceSeconds ?? 0;
        const skills = new Set(vehicle.skills ?? []);
        if (!(job.skills ?? []).every((s) => skills.has(s)))
          errors.push(`${route.vehicleId}: lacks a skill for job ${job.id}`);
        for (let d = 0; d < dims; d++) load[d] = load[d]! - (job.delivery?.[d] ?? 0) + (job.pickup?.[d] ?? 0);
        checkLoad(`after job ${job.id}`);
      } else {
        const b = vehicle.breaks?.find((x) => String(x.id) === String(step.id));
        if (!b) {
          errors.push(`${route.vehicleId}: break ${step.id} is not this vehicle's`);
          continue;
        }
        breaksSeen.add(String(b.id));
        windows = b.timeWindows;
        service = b.serviceSeconds;
      }
      const window = windows.find((w) => time <= w[1]);
      if (!window) {
        errors.push(`${route.vehicleId}: ${step.type} ${step.id} reached at ${time}, after its windows`);
        continue;
      }
      time = Math.max(time, window[0]) + service;
    }
    for (const b of vehicle.breaks ?? []) {
      if (!breaksSeen.has(String(b.id))) errors.push(`${route.vehicleId}: break ${b.id} missing`);
    }
    const end = vehicle.end?.locationIndex ?? -1;
    if (location >= 0 && end >= 0) time += durations[location]![end]!;
    if (time > shift[1]) errors.push(`${route.vehicleId}: back at ${time} after shift end ${shift[1]}`);
  }
  const unassigned = new Set(solution.unassigned.map((u) => String(u.id)));
  for (const job of input.jobs) {
    const count = seen.get(String(job.id)) ?? 0;
    const listed = unassigned.has(String(job.id));
    if (count + (listed ? 1 : 0) !== 1)
      errors.push(`job ${job.id}: routed ${count} times, listed unassigned: ${listed}`);
  }
  return errors;
}
