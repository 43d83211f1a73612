import { SolverError, SolverErrorCode } from '../model/solver-error.ts';
import type { VehicleInput } from '../model/types.ts';
import type { PeriodicProblem } from '../periodic/periodic-problem.ts';
import type { PeriodicSolution } from '../periodic/periodic-solution.ts';
import { SOLOMON_SCALE } from './solomon.ts';

export interface CordeauNode {
  number: number;
  x: number;
  y: number;
  service: number;
  demand: number;
  /** Visits in the horizon. */
  frequency: number;
  /** Combination codes: a t-bit string read left to right as days 1..t. */
  combinations: number[];
  /** Window for the start of service (0 and +Infinity without windows). */
  ready: number;
  due: number;
}

/** A Cordeau periodic instance (type 1 = PVRP, 5 = PVRPTW). */
export interface CordeauInstance {
  type: number;
  /** Vehicles per day. */
  vehicles: number;
  customers: number;
  days: number;
  /** Per day: maximum route duration (0 = none) and capacity. */
  limits: { duration: number; capacity: number }[];
  /** Index 0 is the depot. */
  nodes: CordeauNode[];
  hasTimeWindows: boolean;
}

const numberLine = (line: string) => line.trim().split(/\s+/).map(Number);

/** True when the first line is "type m n t [d]" with a periodic type (1 to 7). */
export function isCordeauText(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim().length > 0);
  if (!first) return false;
  const head = numberLine(first);
  return (
    (head.length === 4 || head.length === 5) &&
    head.every((x) => Number.isInteger(x) && x >= 0) &&
    head[0]! >= 1 &&
    head[0]! <= 7 &&
    head[3]! >= 1
  );
}

/** The days (0-based) of a combination code: the leftmost of t bits is day 0. */
export function combinationDays(code: number, days: number): number[] {
  const list: number[] = [];
  for (let k = 0; k < days; k++) if (Math.floor(code / 2 ** (days - 1 - k)) % 2 === 1) list.push(k);
  return list;
}

/** Parses Cordeau's periodic format (CRLF or LF). */
export function parseCordeau(text: string): CordeauInstance {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0)
    .map(numberLine);
  const bad = (detail: string): never => {
    throw new SolverError(SolverErrorCode.InvalidInput, `Cordeau file: ${detail}`);
  };
  const head = lines[0];
  if (!head || head.length < 4) bad('the first line must be "type m n t [d]"');
  const [type, vehicles, customers, days] = head! as [number, number, number, number];
  const hasTimeWindows = type >= 4 && type <= 7;
  const limits: CordeauInstance['limits'] = [];
  for (let k = 0; k < days; k++) {
    const row = lines[1 + k];
    if (!row || row.length < 2 || row.some((x) => !Number.isFinite(x)))
      bad(`day ${k + 1} needs a line "D Q"`);
    limits.push({ duration: row![0]!, capacity: row![1]! });
  }
  const byNumber = new Map<number, CordeauNode>();
  for (const row of lines.slice(1 + days)) {
    if (row.length < 7 || row.some((x) => !Number.isFinite(x)))
      bad(`unreadable node line "${row.join(' ')}"`);
    const [number, x, y, service, demand, frequency, count] = row as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const combinations = row.slice(7, 7 + count);
    const rest = row.slice(7 + count);
    const windowed = hasTimeWindows && rest.length >= 2;
    byNumber.set(number, {
      number,
      x,
      y,
      service,
      demand,
      frequency,
      combinations,
      ready: windowed ? rest[0]! : 0,
      due: windowed ? rest[1]! : Number.POSITIVE_INFINITY,
    });
  }
  if (!byNumber.has(0)) {
    // MDVRP-style layout: the depot follows the customers.
    const depot = byNumber.get(customers + 1);
    if (!depot) bad('no depot (node 0)');
    byNumber.delete(customers + 1);
    byNumber.set(0, { ...depot!, number: 0 });
  }
  const nodes: CordeauNode[] = [];
  for (let i = 0; i <= customers; i++) {
    const node = byNumber.get(i);
    if (!node) bad(`node ${i} is missing`);
    nodes.push(node!);
  }
  return { type, vehicles, customers, days, limits, nodes, hasTimeWindows };
}

function euclidean(a: CordeauNode, b: CordeauNode): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * Periodic problem of a Cordeau instance, in the Solomon integer model: times and distances
 * × SOLOMON_SCALE, travel times rounded up (anything feasible here is feasible in real
 * arithmetic). Without time windows the duration limit is the shift; with them it is the
 * vehicles' maxDurationSeconds (departure delayed as late as the windows allow).
 */
export function cordeauToProblem(instance: CordeauInstance): PeriodicProblem {
  const s = SOLOMON_SCALE;
  const nodes = instance.nodes;
  const durations = nodes.map((a) => nodes.map((b) => (a === b ? 0 : Math.ceil(euclidean(a, b) * s))));
  const distances = nodes.map((a) => nodes.map((b) => (a === b ? 0 : Math.round(euclidean(a, b) * s))));
  const depot = nodes[0]!;
  const open = depot.ready * s;
  const close = Number.isFinite(depot.due) ? depot.due * s : undefined;
  const days = instance.limits.map((limit) => {
    const vehicles: VehicleInput[] = [];
    for (let v = 0; v < instance.vehicles; v++) {
      const vehicle: VehicleInput = {
        id: v + 1,
        start: { locationIndex: 0 },
        end: { locationIndex: 0 },
        capacity: [limit.capacity],
      };
      let end = close;
      if (limit.duration > 0 && !instance.hasTimeWindows)
        end = Math.min(end ?? Number.POSITIVE_INFINITY, open + limit.duration * s);
      if (limit.duration > 0 && instance.hasTimeWindows) vehicle.maxDurationSeconds = limit.duration * s;
      if (end !== undefined || open > 0) vehicle.shift = [open, end ?? 1e15];
      vehicles.push(vehicle);
    }
    return { vehicles };
  });
  return {
    days,
    customers: nodes.slice(1).map((node, i) => ({
      id: node.number,
      locationIndex: i + 1,
      serviceSeconds: node.service * s,
      demand: [node.demand],
      combinations: node.combinations.map((code) => combinationDays(code, instance.days)),
      ...(instance.hasTimeWindows && Number.isFinite(node.due)
        ? { timeWindows: [[node.ready * s, node.due * s] as const] }
        : {}),
    })),
    matrices: { durations, distances },
  };
}

export interface CordeauAnswer {
  /** Per day, per route, customer numbers (depot left out). */
  days: number[][][];
  /** Real-valued Euclidean distance, recomputed in double precision. */
  cost: number;
  unassigned: number[];
  elapsedMs: number;
}

/** The CLI answer for a Cordeau file, in the checker's shape. */
export function cordeauAnswer(instance: CordeauInstance, solution: PeriodicSolution): CordeauAnswer {
  const nodes = instance.nodes;
  let cost = 0;
  const days = solution.days.map((day) =>
    day.routes.map((route) => {
      const numbers = route.steps.filter((step) => step.type === 'visit').map((step) => Number(step.id));
      let previous = nodes[0]!;
      for (const number of numbers) {
        cost += euclidean(previous, nodes[number]!);
        previous = nodes[number]!;
      }
      cost += euclidean(previous, nodes[0]!);
      return numbers;
    }),
  );
  return {
    days,
    cost: Math.round(cost * 1e4) / 1e4,
    unassigned: solution.unassigned.map((u) => Number(u.customerId)),
    elapsedMs: Math.round(solution.stats.elapsedMs),
  };
}
