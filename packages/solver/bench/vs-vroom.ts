/**
 * Side by side with VROOM 1.14 on over-full Osaka-style city days: more candidate visits than
 * the reps can make, a 45 min lunch break in a window, two-window opening hours with a lunch
 * closure, some narrow windows, service 15–45 min, priorities 0–100. Both solvers get the same
 * integer duration matrix (seconds: straight line × detour at city speed) and the same wall
 * time, one thread each. Both answers are checked by one checker written here, which
 * recomputes every route from the matrix and trusts neither solver's summary.
 *
 *   npm run bench:vs-vroom -w packages/solver -- [--time-limit 10] [--sizes 60,100,150,200,300]
 *                                                [--seeds 1] [--exploration 5] [--solomon]
 *                                                [--no-same-jobs] [--ours-only] [--iterations N]
 *
 * Compared, in this order: priority served, then visits served, then travel time. The travel gap
 * is only printed where both serve the same jobs; since over-full days with spread priorities
 * rarely end with the same served set, each day is also cut down to the visits VROOM served
 * and both solve that again ("same jobs": everything fits, so it is travel against travel).
 * `--ours-only --iterations N` runs ours alone on an iteration budget (repeatable, for
 * profiling). `--solomon` adds (or with `--only-solomon`
 * runs only) the Solomon section: VROOM `-x 5 -t 1` on each of the 56 instances against ours
 * at `--solomon-time` seconds (default 2), gaps to the distance-only best known results, both
 * answers checked with ../shared/tools/check_vrptw.py.
 *
 * VROOM is a peer to measure against, never part of the product: the binary is called by path
 * (../shared/tools/vroom/vroom from the repository's parent); without it only ours runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { euclidean, parseSolomon, solomonAnswer, solomonToProblem } from '../src/io/solomon.ts';
import type { ProblemInput } from '../src/model/types.ts';
import { Random } from '../src/search/random.ts';
import { solve } from '../src/solve.ts';

// The repository root is three levels up; shared/ sits beside it (/work/main → /work/shared).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const shared = join(root, '..', 'shared');
const vroomBinary = join(shared, 'tools/vroom/vroom');

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(name);
const list = (text: string) =>
  text
    .split(',')
    .filter((s) => s.length > 0)
    .map(Number);

const timeLimit = Number(argument('--time-limit', '10'));
const sizes = list(argument('--sizes', '60,100,150,200,300'));
const seeds = list(argument('--seeds', '1'));
const exploration = Number(argument('--exploration', '5'));
const solomonTime = Number(argument('--solomon-time', '2'));
const onlySolomon = flag('--only-solomon');
const withSameJobs = !flag('--no-same-jobs');
/** Development aid: ours with an iteration budget instead of the time limit (repeatable). */
const iterationBudget = Number(argument('--iterations', '0'));
const oursOnly = !existsSync(vroomBinary) || flag('--ours-only');
const withSolomon = onlySolomon || flag('--solomon');
const scratch = mkdtempSync(join(tmpdir(), 'kayoi-vs-vroom-'));
const hour = 3600;

// ---------------------------------------------------------------------------------------------
// Instances

interface Day {
  name: string;
  /** VROOM's JSON (ids are 1-based integers; location index 0 is the depot). */
  vroom: {
    jobs: {
      id: number;
      location_index: number;
      service: number;
      priority: number;
      time_windows: [number, number][];
    }[];
    vehicles: {
      id: number;
      start_index: number;
      end_index: number;
      time_window: [number, number];
      breaks: { id: number; time_windows: [number, number][]; service: number }[];
    }[];
    matrices: { car: { durations: number[][] } };
  };
}

/** Reps per size: over-full, since a rep makes about 10–13 visits a day. */
function repsFor(customers: number): number {
  if (customers <= 60) return 4;
  if (customers <= 100) return 6;
  if (customers <= 150) return 8;
  return 10;
}

/**
 * An Osaka-style day: customers spread over a 16 × 14 km city (denser towards Umeda and Namba),
 * one office, reps working 8:30–17:30 with a 45 min lunch between 11:30 and 14:00.
 */
export function buildDay(customers: number, seed: number): Day {
  const random = new Random(seed * 7919 + customers);
  const office: [number, number] = [135.5, 34.69];
  const hubs: [number, number][] = [
    [135.498, 34.703],
    [135.501, 34.667],
    [135.52, 34.69],
    [135.47, 34.68],
  ];
  const points: [number, number][] = [office];
  for (let c = 0; c < customers; c++) {
    if (random.next() < 0.5) {
      const hub = hubs[random.below(hubs.length)]!;
      points.push([hub[0] + (random.next() - 0.5) * 0.04, hub[1] + (random.next() - 0.5) * 0.035]);
    } else {
      points.push([office[0] + (random.next() - 0.5) * 0.175, office[1] + (random.next() - 0.5) * 0.126]);
    }
  }
  // Straight line × 1.35 detour at 20 km/h (city traffic), rounded to whole seconds.
  const speed = 20 / 3.6;
  const durations = points.map((a) => points.map((b) => Math.round((haversineMetres(a, b) * 1.35) / speed)));
  const jobs: Day['vroom']['jobs'] = [];
  for (let c = 0; c < customers; c++) {
    const kind = random.next();
    let windows: [number, number][];
    if (kind < 0.5) {
      // Lunch closure: open 9:00–12:00 and 13:00–17:00 (or 10:00–12:30 and 14:00–18:00).
      windows =
        random.next() < 0.7
          ? [
              [9 * hour, 12 * hour],
              [13 * hour, 17 * hour],
            ]
          : [
              [10 * hour, 12.5 * hour],
              [14 * hour, 17 * hour],
            ];
    } else if (kind < 0.75) {
      windows = [[9 * hour, 17 * hour]];
    } else if (kind < 0.92) {
      const open = (9 + random.below(13) / 2) * hour;
      windows = [[open, open + (1 + random.below(2)) * hour]];
    } else {
      windows = random.next() < 0.5 ? [[9 * hour, 11 * hour]] : [[14.5 * hour, 17 * hour]];
    }
    // Priorities: most visits routine, some important, a few key accounts.
    const p = random.next();
    const priority = p < 0.6 ? random.below(31) : p < 0.9 ? 30 + random.below(41) : 70 + random.below(31);
    jobs.push({
      id: c + 1,
      location_index: c + 1,
      service: (15 + random.below(31)) * 60,
      priority,
      time_windows: windows,
    });
  }
  const vehicles: Day['vroom']['vehicles'] = Array.from({ length: repsFor(customers) }, (_, v) => ({
    id: v + 1,
    start_index: 0,
    end_index: 0,
    time_window: [8.5 * hour, 17.5 * hour],
    breaks: [{ id: v + 1, time_windows: [[11.5 * hour, 14 * hour]], service: 45 * 60 }],
  }));
  return {
    name: `osaka-${customers}-${seed}`,
    vroom: { jobs, vehicles, matrices: { car: { durations } } },
  };
}

function haversineMetres(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** The same day as our ProblemInput: same matrix, windows, breaks, shifts and priorities. */
function toProblem(day: Day): ProblemInput {
  const v = day.vroom;
  return {
    jobs: v.jobs.map((j) => ({
      id: j.id,
      locationIndex: j.location_index,
      serviceSeconds: j.service,
      priority: j.priority,
      timeWindows: j.time_windows,
    })),
    vehicles: v.vehicles.map((r) => ({
      id: r.id,
      start: { locationIndex: r.start_index },
      end: { locationIndex: r.end_index },
      shift: r.time_window,
      breaks: r.breaks.map((b) => ({ id: b.id, timeWindows: b.time_windows, serviceSeconds: b.service })),
    })),
    matrices: { durations: v.matrices.car.durations },
    costBasis: 'duration',
    unreachableJobs: 'unassign',
  };
}

// ---------------------------------------------------------------------------------------------
// The checker: one for both answers

/** A solver's answer reduced to what it claims: per vehicle, the ordered job and break ids. */
interface Plan {
  routes: { vehicle: number; steps: { type: 'job' | 'break'; id: number }[] }[];
}

interface Checked {
  ok: boolean;
  errors: string[];
  priority: number;
  visits: number;
  travel: number;
  served: Set<number>;
}

/**
 * Recomputes every route from the matrix with the earliest schedule (leave at the shift start,
 * wait for a window to open; a route order is feasible exactly when this schedule is): each
 * job at most once, service starting inside one of its windows, the break taken once inside
 * its window, back at the office by the shift end. Totals come from this recomputation.
 * A break has no place: it may be taken at the last stop, on the way or on arrival at the next
 * (VROOM drives first and breaks on arrival; ours breaks first), so time spent waiting for the
 * break window to open may be spent driving to the next stop.
 */
function check(day: Day, plan: Plan): Checked {
  const v = day.vroom;
  const d = v.matrices.car.durations;
  const jobs = new Map(v.jobs.map((j) => [j.id, j]));
  const errors: string[] = [];
  const served = new Set<number>();
  let priority = 0;
  let travel = 0;
  const usedVehicles = new Set<number>();
  for (const route of plan.routes) {
    const vehicle = v.vehicles.find((x) => x.id === route.vehicle);
    if (!vehicle) {
      errors.push(`unknown vehicle ${route.vehicle}`);
      continue;
    }
    if (usedVehicles.has(vehicle.id)) errors.push(`vehicle ${vehicle.id} has two routes`);
    usedVehicles.add(vehicle.id);
    let time = vehicle.time_window[0];
    let at = vehicle.start_index;
    let idle = 0;
    const breaksTaken = new Set<number>();
    const startIn = (windows: [number, number][], arrival: number): number => {
      for (const [a, b] of windows) if (arrival <= b) return Math.max(arrival, a);
      return Number.POSITIVE_INFINITY;
    };
    for (const step of route.steps) {
      if (step.type === 'break') {
        const b = vehicle.breaks.find((x) => x.id === step.id);
        if (!b || breaksTaken.has(step.id)) {
          errors.push(`vehicle ${vehicle.id}: break ${step.id} unknown or taken twice`);
          continue;
        }
        breaksTaken.add(step.id);
        const start = startIn(b.time_windows, time);
        if (start === Number.POSITIVE_INFINITY) {
          errors.push(`vehicle ${vehicle.id}: break ${b.id} reached at ${clock(time)}, after its window`);
          continue;
        }
        // Waiting for the break window can be spent driving on (lunch on arrival or on the way).
        idle += start - time;
        time = start + b.service;
        continue;
      }
      const job = jobs.get(step.id);
      if (!job) {
        errors.push(`vehicle ${vehicle.id}: unknown job ${step.id}`);
        continue;
      }
      if (served.has(job.id)) errors.push(`job ${job.id} served twice`);
      served.add(job.id);
      priority += job.priority;
      const leg = d[at]![job.location_index]!;
      travel += leg;
      time += Math.max(0, leg - idle);
      idle = 0;
      at = job.location_index;
      const start = startIn(job.time_windows, time);
      if (start === Number.POSITIVE_INFINITY) {
        errors.push(`vehicle ${vehicle.id}: job ${job.id} reached at ${clock(time)}, after its windows`);
        continue;
      }
      time = start + job.service;
    }
    const back = d[at]![vehicle.end_index]!;
    travel += back;
    time += Math.max(0, back - idle);
    if (time > vehicle.time_window[1]) {
      errors.push(`vehicle ${vehicle.id}: back at ${clock(time)}, after the shift end`);
    }
    const hasJobs = route.steps.some((s) => s.type === 'job');
    for (const b of vehicle.breaks) {
      if (hasJobs && !breaksTaken.has(b.id)) errors.push(`vehicle ${vehicle.id}: break ${b.id} not taken`);
    }
    if (!hasJobs) travel -= back; // an unused vehicle stays home
  }
  return { ok: errors.length === 0, errors, priority, visits: served.size, travel, served };
}

function clock(seconds: number): string {
  const m = Math.round(seconds / 60);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

function hm(seconds: number): string {
  return clock(seconds);
}

// ---------------------------------------------------------------------------------------------
// Running both

function runOurs(day: Day, seconds: number): { plan: Plan; elapsed: number; iterations: number } {
  const problem = toProblem(day);
  const started = performance.now();
  const solution = solve(
    problem,
    iterationBudget > 0
      ? { maxIterations: iterationBudget, seed: 1 }
      : { timeLimitSeconds: seconds, seed: 1 },
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    elapsed,
    iterations: solution.stats.iterations,
    plan: {
      routes: solution.routes.map((r) => ({
        vehicle: Number(r.vehicleId),
        steps: r.steps
          .filter((s) => s.type === 'job' || s.type === 'break')
          .map((s) => ({ type: s.type as 'job' | 'break', id: Number(s.id) })),
      })),
    },
  };
}

interface VroomOutput {
  code: number;
  error?: string;
  routes: { vehicle: number; steps: { type: string; id?: number }[] }[];
}

function runVroom(input: unknown, args: string[], name: string): { output: VroomOutput; elapsed: number } {
  const file = join(scratch, `${name}.json`);
  const out = join(scratch, `${name}.out.json`);
  writeFileSync(file, JSON.stringify(input));
  const started = performance.now();
  const result = spawnSync(vroomBinary, ['-i', file, '-o', out, ...args], { encoding: 'utf8' });
  const elapsed = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`vroom failed on ${name}: ${result.stderr || result.stdout}`);
  const output = JSON.parse(readFileSync(out, 'utf8')) as VroomOutput;
  if (output.code !== 0) throw new Error(`vroom error on ${name}: ${output.error}`);
  return { output, elapsed };
}

function vroomPlan(output: VroomOutput): Plan {
  return {
    routes: output.routes.map((r) => ({
      vehicle: r.vehicle,
      steps: r.steps
        .filter((s) => s.type === 'job' || s.type === 'break')
        .map((s) => ({ type: s.type as 'job' | 'break', id: s.id! })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// City days

function sameSet(a: Set<number>, b: Set<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Negative when ours is better: priority, then visits, then travel. */
function compare(ours: Checked, theirs: Checked): number {
  if (ours.priority !== theirs.priority) return theirs.priority - ours.priority;
  if (ours.visits !== theirs.visits) return theirs.visits - ours.visits;
  return ours.travel - theirs.travel;
}

let defects = 0;

function cityDays(): void {
  console.log(
    `City days: ${timeLimit} s each, one thread each; VROOM 1.14 -t 1 -x ${exploration} -l ${timeLimit}${oursOnly ? ' (ours only)' : ''}`,
  );
  console.log(
    'instance        jobs reps | priority ours / vroom | visits ours / vroom | travel ours / vroom  gap%  | vroom s | verdict',
  );
  const tally = {
    better: 0,
    equal: 0,
    worse: 0,
    gaps: [] as number[],
    sameJobGaps: [] as number[],
    sameJobMisses: [] as string[],
    instances: 0,
  };
  const totals = { priority: 0, vPriority: 0, visits: 0, vVisits: 0 };
  for (const seed of seeds) {
    for (const size of sizes) {
      const day = buildDay(size, seed);
      const ours = runOurs(day, timeLimit);
      const a = check(day, ours.plan);
      if (!a.ok) {
        defects++;
        console.log(`${day.name}: OUR ANSWER FAILS THE CHECK: ${a.errors.slice(0, 5).join('; ')}`);
      }
      totals.priority += a.priority;
      totals.visits += a.visits;
      tally.instances++;
      const head = `${day.name.padEnd(15)} ${String(size).padStart(4)} ${String(day.vroom.vehicles.length).padStart(4)} | `;
      if (oursOnly) {
        console.log(
          `${head}${String(a.priority).padStart(8)}${' '.repeat(15)}| ${String(a.visits).padStart(6)} | ${hm(a.travel)}  (${ours.iterations} iterations, ${ours.elapsed.toFixed(1)} s)`,
        );
        continue;
      }
      const vroom = runVroom(
        day.vroom,
        ['-t', '1', '-x', String(exploration), '-l', String(timeLimit)],
        day.name,
      );
      const b = check(day, vroomPlan(vroom.output));
      if (!b.ok) {
        defects++;
        console.log(`${day.name}: VROOM'S ANSWER FAILS THE CHECK: ${b.errors.slice(0, 5).join('; ')}`);
      }
      totals.vPriority += b.priority;
      totals.vVisits += b.visits;
      const same = sameSet(a.served, b.served);
      const gap = same ? (a.travel / b.travel - 1) * 100 : Number.NaN;
      if (same) tally.gaps.push(gap);
      const order = compare(a, b);
      const verdict = order < 0 ? 'ours better' : order > 0 ? 'VROOM better' : 'equal';
      if (order < 0) tally.better++;
      else if (order > 0) tally.worse++;
      else tally.equal++;
      let sameRow = '';
      if (withSameJobs) {
        // The same day cut down to the visits VROOM served: everything fits, so the two
        // answers differ in travel only (and in visits if one fails to fit them all).
        const cut: Day = {
          name: `${day.name}-same`,
          vroom: { ...day.vroom, jobs: day.vroom.jobs.filter((j) => b.served.has(j.id)) },
        };
        const oursCut = check(cut, runOurs(cut, timeLimit).plan);
        const vroomCut = check(
          cut,
          vroomPlan(
            runVroom(cut.vroom, ['-t', '1', '-x', String(exploration), '-l', String(timeLimit)], cut.name)
              .output,
          ),
        );
        if (!oursCut.ok) {
          defects++;
          console.log(`${cut.name}: OUR ANSWER FAILS THE CHECK: ${oursCut.errors.slice(0, 5).join('; ')}`);
        }
        if (!vroomCut.ok) {
          defects++;
          console.log(
            `${cut.name}: VROOM'S ANSWER FAILS THE CHECK: ${vroomCut.errors.slice(0, 5).join('; ')}`,
          );
        }
        const cutSame = sameSet(oursCut.served, vroomCut.served);
        const cutGap = (oursCut.travel / vroomCut.travel - 1) * 100;
        if (cutSame) tally.sameJobGaps.push(cutGap);
        else tally.sameJobMisses.push(`${cut.name} ${oursCut.visits}/${vroomCut.visits}`);
        sameRow =
          `\n${' '.repeat(15)} same jobs (${b.visits}): visits ${oursCut.visits} / ${vroomCut.visits}, travel ` +
          `${hm(oursCut.travel)} / ${hm(vroomCut.travel)}${cutSame ? `, gap ${cutGap.toFixed(2)}%` : ''}`;
      }
      console.log(
        `${head}${String(a.priority).padStart(8)} / ${String(b.priority).padStart(5)}   ` +
          `| ${String(a.visits).padStart(6)} / ${String(b.visits).padStart(3)}      ` +
          `| ${hm(a.travel).padStart(6)} / ${hm(b.travel).padStart(5)} ${same ? gap.toFixed(2).padStart(6) : '     –'} ` +
          `| ${vroom.elapsed.toFixed(1).padStart(7)} | ${verdict} (${ours.iterations} iterations)${sameRow}`,
      );
    }
  }
  if (oursOnly) return;
  const meanGap = tally.gaps.reduce((x, y) => x + y, 0) / Math.max(1, tally.gaps.length);
  console.log(
    `summary: ${tally.instances} days, ours better on ${tally.better}, equal ${tally.equal}, VROOM better on ${tally.worse}; ` +
      `priority ${totals.priority} vs ${totals.vPriority}, visits ${totals.visits} vs ${totals.vVisits}; ` +
      `travel gap where both serve the same jobs: ${tally.gaps.length > 0 ? `${meanGap.toFixed(2)}% mean over ${tally.gaps.length}, worst ${Math.max(...tally.gaps).toFixed(2)}%` : 'no such day'}`,
  );
  if (withSameJobs) {
    const g = tally.sameJobGaps;
    console.log(
      `same-jobs days (each day cut to VROOM's served visits): travel gap ours vs VROOM ${g.length > 0 ? `${(g.reduce((x, y) => x + y, 0) / g.length).toFixed(2)}% mean over ${g.length}, worst ${Math.max(...g).toFixed(2)}%, best ${Math.min(...g).toFixed(2)}%` : 'none'}` +
        `${tally.sameJobMisses.length > 0 ? `; served sets differ on ${tally.sameJobMisses.join(', ')} (ours/VROOM visits)` : ''}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Solomon at VROOM's own time

function solomonSection(): void {
  const folder = join(shared, 'benchmarks/solomon');
  const checker = join(shared, 'tools/check_vrptw.py');
  const bks = new Map(
    readFileSync(join(folder, 'bks_distance_only.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => {
        const [name, , distance] = row.split(',');
        return [name!, Number(distance)];
      }),
  );
  const names = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
  console.log('');
  console.log(
    `Solomon (56, fleet 25, distance-only BKS): VROOM -x 5 -t 1 (its own time) against ours at ${solomonTime} s; both checked with check_vrptw.py`,
  );
  console.log('instance   ours gap%  vroom gap%  vroom s  checks');
  const rows: { group: string; ours: number; vroom: number; vroomSeconds: number }[] = [];
  const checkAnswer = (name: string, routes: number[][], who: string) => {
    const file = join(scratch, `${name}.${who}.json`);
    writeFileSync(file, JSON.stringify({ routes }));
    return JSON.parse(
      execFileSync('python3', [checker, join(folder, `${name}.txt`), file], { encoding: 'utf8' }),
    ) as { feasible: boolean; distance: number; errors: string[] };
  };
  for (const name of names) {
    const instance = parseSolomon(readFileSync(join(folder, `${name}.txt`), 'utf8'));
    const solution = solve(solomonToProblem(instance), { timeLimitSeconds: solomonTime, seed: 1 });
    const ours = checkAnswer(name, solomonAnswer(instance, solution).routes, 'ours');
    const reference = bks.get(name)!;
    let vroomGap = Number.NaN;
    let vroomSeconds = 0;
    let vroomCheck = 'no vroom';
    if (!oursOnly) {
      // Euclidean × 1000 rounded up (as ours), so VROOM's integer schedule is never late in reals.
      const scale = 1000;
      const c = instance.customers;
      const durations = c.map((a) => c.map((b) => (a === b ? 0 : Math.ceil(euclidean(a, b) * scale))));
      const input = {
        jobs: c.slice(1).map((x, k) => ({
          id: x.number,
          location_index: k + 1,
          service: x.service * scale,
          delivery: [x.demand],
          time_windows: [[x.ready * scale, x.due * scale]],
        })),
        vehicles: Array.from({ length: instance.vehicles }, (_, v) => ({
          id: v + 1,
          start_index: 0,
          end_index: 0,
          capacity: [instance.capacity],
          time_window: [c[0]!.ready * scale, c[0]!.due * scale],
        })),
        matrices: { car: { durations } },
      };
      const run = runVroom(input, ['-t', '1', '-x', '5'], `solomon-${name}`);
      vroomSeconds = run.elapsed;
      const routes = run.output.routes.map((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id!));
      const result = checkAnswer(name, routes, 'vroom');
      vroomCheck = result.feasible
        ? 'both feasible'
        : `VROOM INFEASIBLE ${result.errors.slice(0, 2).join('; ')}`;
      vroomGap = (result.distance / reference - 1) * 100;
      const unassigned = (run.output as unknown as { unassigned?: unknown[] }).unassigned ?? [];
      if (unassigned.length > 0) vroomCheck = `VROOM left ${unassigned.length} out`;
    }
    if (!ours.feasible) {
      defects++;
      vroomCheck = `OURS INFEASIBLE ${ours.errors.slice(0, 2).join('; ')}`;
    }
    const oursGap = (ours.distance / reference - 1) * 100;
    rows.push({ group: name.slice(0, name.length - 2), ours: oursGap, vroom: vroomGap, vroomSeconds });
    console.log(
      `${name.padEnd(9)} ${oursGap.toFixed(2).padStart(9)}  ${vroomGap.toFixed(2).padStart(10)}  ${vroomSeconds.toFixed(2).padStart(7)}  ${vroomCheck}`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log('');
  for (const group of ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2', 'all']) {
    const members = group === 'all' ? rows : rows.filter((r) => r.group === group);
    console.log(
      `${group.padEnd(4)} n=${String(members.length).padStart(2)}  ours at ${solomonTime} s ${mean(
        members.map((r) => r.ours),
      )
        .toFixed(2)
        .padStart(5)}%   VROOM -x 5 ${mean(members.map((r) => r.vroom))
        .toFixed(2)
        .padStart(5)}% in ${mean(members.map((r) => r.vroomSeconds)).toFixed(2)} s mean`,
    );
  }
}

if (!existsSync(vroomBinary)) console.log(`VROOM not found at ${vroomBinary}: running ours only.`);
if (!onlySolomon) cityDays();
if (withSolomon) solomonSection();
if (defects > 0) {
  console.log(`DEFECT: ${defects} answers failed the checks`);
  process.exitCode = 1;
}
