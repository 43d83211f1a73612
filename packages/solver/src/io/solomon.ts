import { SolverError, SolverErrorCode } from '../model/solver-error.ts';
import type { ProblemInput } from '../model/types.ts';
import type { Solution } from '../solution/solution.ts';

export interface SolomonCustomer {
  number: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Row 0 is the depot. */
  customers: SolomonCustomer[];
}

/** Time and distance units per Solomon unit inside the integer model. */
export const SOLOMON_SCALE = 10_000;

/** True when the text looks like Solomon's format (VEHICLE and CUSTOMER sections). */
export function isSolomonText(text: string): boolean {
  return /^\s*VEHICLE\b/m.test(text) && /^\s*CUSTOMER\b/m.test(text);
}

/** Parses Solomon's text format (CRLF or LF). */
export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? 'unnamed';
  let vehicles = 0;
  let capacity = 0;
  const customers: SolomonCustomer[] = [];
  for (let i = 0; i < lines.length; i++) {
    const parts = lines[i]!.split(/\s+/);
    if (parts[0]?.toUpperCase() === 'NUMBER' && lines[i + 1]) {
      const next = lines[i + 1]!.split(/\s+/).map(Number);
      vehicles = next[0] ?? 0;
      capacity = next[1] ?? 0;
    }
    if (parts.length === 7 && parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) {
      const [number, x, y, demand, ready, due, service] = parts.map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      customers.push({ number, x, y, demand, ready, due, service });
    }
  }
  if (customers.length < 2 || vehicles <= 0 || capacity <= 0) {
    throw new SolverError(
      SolverErrorCode.InvalidInput,
      'Solomon file without a VEHICLE block or customer rows',
    );
  }
  if (customers[0]!.number !== 0) {
    throw new SolverError(
      SolverErrorCode.InvalidInput,
      'Solomon file: the first customer row must be the depot 0',
    );
  }
  return { name, vehicles, capacity, customers };
}

export function euclidean(a: SolomonCustomer, b: SolomonCustomer): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * Integer model of a Solomon instance: times and distances × SOLOMON_SCALE, travel times
 * rounded up (so any schedule feasible here is feasible in real arithmetic), costs rounded.
 */
export function solomonToProblem(instance: SolomonInstance, options: { fleet?: number } = {}): ProblemInput {
  const nodes = instance.customers;
  const s = SOLOMON_SCALE;
  const durations = nodes.map((a) => nodes.map((b) => (a === b ? 0 : Math.ceil(euclidean(a, b) * s))));
  const distances = nodes.map((a) => nodes.map((b) => (a === b ? 0 : Math.round(euclidean(a, b) * s))));
  const depot = nodes[0]!;
  const fleet = options.fleet ?? instance.vehicles;
  return {
    jobs: nodes.slice(1).map((c, i) => ({
      id: c.number,
      locationIndex: i + 1,
      serviceSeconds: c.service * s,
      timeWindows: [[c.ready * s, c.due * s]],
      delivery: [c.demand],
      mandatory: true,
    })),
    vehicles: Array.from({ length: fleet }, (_, v) => ({
      id: v + 1,
      start: { locationIndex: 0 },
      end: { locationIndex: 0 },
      shift: [depot.ready * s, depot.due * s] as const,
      capacity: [instance.capacity],
    })),
    matrices: { durations, distances },
  };
}

export interface SolomonAnswer {
  instance: string;
  routes: number[][];
  vehicles: number;
  /** Real-valued Euclidean distance, recomputed in double precision. */
  distance: number;
  unassigned: number[];
  elapsedMs: number;
}

/** The CLI answer for a Solomon file: customer numbers per route, depot left out. */
export function solomonAnswer(instance: SolomonInstance, solution: Solution): SolomonAnswer {
  const byNumber = new Map(instance.customers.map((c) => [c.number, c]));
  const routes = solution.routes.map((r) =>
    r.steps.filter((step) => step.type === 'job').map((step) => Number(step.id)),
  );
  let distance = 0;
  for (const route of routes) {
    let previous = instance.customers[0]!;
    for (const number of route) {
      const c = byNumber.get(number)!;
      distance += euclidean(previous, c);
      previous = c;
    }
    distance += euclidean(previous, instance.customers[0]!);
  }
  return {
    instance: instance.name,
    routes,
    vehicles: routes.length,
    distance: Math.round(distance * 1e4) / 1e4,
    unassigned: solution.unassigned.map((u) => Number(u.id)),
    elapsedMs: Math.round(solution.stats.elapsedMs),
  };
}
