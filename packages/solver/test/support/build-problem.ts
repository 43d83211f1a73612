import type { JobInput, ProblemInput, TimeWindow, VehicleInput } from '../../src/model/types.ts';
import { Random } from '../../src/search/random.ts';

export interface RandomProblemOptions {
  seed: number;
  jobs?: number;
  vehicles?: number;
  /** Side of the square the points are drawn in (metres; 1 m takes 1 s). */
  side?: number;
  horizon?: number;
  withBreaks?: boolean;
  /** Share of jobs with two windows around a lunch closure. */
  twoWindowShare?: number;
  capacity?: number;
  withPriorities?: boolean;
  withSkills?: boolean;
  withPickups?: boolean;
  mandatory?: boolean;
  /** Route duration limit of every vehicle (departure delayed as late as windows allow). */
  maxDurationSeconds?: number;
}

/** A random but always valid problem: depot in the middle, every job reachable alone. */
export function buildRandomProblem(options: RandomProblemOptions): ProblemInput {
  const random = new Random(options.seed);
  const jobCount = options.jobs ?? 20;
  const vehicleCount = options.vehicles ?? 3;
  const side = options.side ?? 1000;
  const horizon = options.horizon ?? 8000;
  const points: [number, number][] = [[side / 2, side / 2]];
  for (let j = 0; j < jobCount; j++) points.push([random.below(side), random.below(side)]);
  const durations = points.map((a) => points.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  const jobs: JobInput[] = [];
  for (let j = 0; j < jobCount; j++) {
    const out = durations[0]![j + 1]!;
    const service = 30 + random.below(120);
    const latestStart = horizon - service - out;
    let timeWindows: TimeWindow[];
    if (random.next() < (options.twoWindowShare ?? 0.3)) {
      const lunch = Math.floor(horizon / 2);
      timeWindows = [
        [out, Math.max(out, lunch - 400)],
        [lunch + 400, Math.max(lunch + 400, latestStart)],
      ];
      if (timeWindows[1]![0] > latestStart) timeWindows = [timeWindows[0]!];
    } else {
      const open = out + random.below(Math.max(1, latestStart - out));
      const width = 300 + random.below(horizon / 2);
      timeWindows = [[open, Math.min(latestStart, open + width)]];
    }
    const job: JobInput = {
      id: j + 1,
      locationIndex: j + 1,
      serviceSeconds: service,
      timeWindows,
      delivery: [1 + random.below(10)],
    };
    if (options.withPickups && random.next() < 0.3) job.pickup = [1 + random.below(5)];
    if (options.withPriorities) job.priority = random.below(101);
    if (options.withSkills && random.next() < 0.2) job.skills = [1];
    if (options.mandatory) job.mandatory = true;
    jobs.push(job);
  }
  const vehicles: VehicleInput[] = [];
  for (let v = 0; v < vehicleCount; v++) {
    const vehicle: VehicleInput = {
      id: `v${v + 1}`,
      start: { locationIndex: 0 },
      end: { locationIndex: 0 },
      shift: [0, horizon],
      capacity: [options.capacity ?? 60],
    };
    if (options.maxDurationSeconds !== undefined) vehicle.maxDurationSeconds = options.maxDurationSeconds;
    if (options.withBreaks) {
      vehicle.breaks = [
        { id: `lunch-${v + 1}`, timeWindows: [[horizon / 2 - 600, horizon / 2 + 600]], serviceSeconds: 600 },
      ];
    }
    if (options.withSkills) vehicle.skills = v % 2 === 0 ? [1] : [];
    vehicles.push(vehicle);
  }
  return { jobs, vehicles, matrices: { durations }, unreachableJobs: 'unassign' };
}
