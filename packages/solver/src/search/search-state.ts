import type { ProblemData } from '../model/problem-data.ts';
import { Route } from './route.ts';

/**
 * Lexicographic objective: dropped mandatory jobs, dropped priority, dropped job count, then
 * route cost. Kept as separate exact numbers, never folded into one float.
 */
export interface Objective {
  mandatoryDropped: number;
  priorityDropped: number;
  jobsDropped: number;
  cost: number;
}

/** Negative when a is better than b. Cost differences below `epsilon` count as equal. */
export function compareObjectives(a: Objective, b: Objective, epsilon = 1e-9): number {
  if (a.mandatoryDropped !== b.mandatoryDropped) return a.mandatoryDropped - b.mandatoryDropped;
  if (a.priorityDropped !== b.priorityDropped) return a.priorityDropped - b.priorityDropped;
  if (a.jobsDropped !== b.jobsDropped) return a.jobsDropped - b.jobsDropped;
  const d = a.cost - b.cost;
  return Math.abs(d) <= epsilon ? 0 : d;
}

/** Same drop figures (only cost may differ). */
export function sameDrops(a: Objective, b: Objective): boolean {
  return (
    a.mandatoryDropped === b.mandatoryDropped &&
    a.priorityDropped === b.priorityDropped &&
    a.jobsDropped === b.jobsDropped
  );
}

export interface Snapshot {
  readonly routes: Int32Array[];
  readonly enabled: Uint8Array;
  /** Route timestamps, so the local search knows restored routes need no new look. */
  readonly modified: Float64Array;
}

/** The mutable solution the search works on: one Route per vehicle plus the dropped jobs. */
export class SearchState {
  readonly data: ProblemData;
  readonly routes: Route[];
  /** Route index per node, -1 when unassigned. */
  readonly routeOf: Int32Array;
  readonly positionOf: Int32Array;
  /** Vehicles the search may use (route minimisation switches some off). */
  readonly enabled: Uint8Array;
  /** Jobs that may never be assigned (no vehicle can serve them). */
  readonly excluded: Uint8Array;
  private clock = 1;

  constructor(data: ProblemData) {
    this.data = data;
    const nodes = data.jobCount + data.breakCount;
    this.routeOf = new Int32Array(nodes).fill(-1);
    this.positionOf = new Int32Array(nodes).fill(-1);
    this.enabled = new Uint8Array(data.vehicleCount).fill(1);
    this.excluded = new Uint8Array(data.jobCount);
    this.routes = [];
    for (let v = 0; v < data.vehicleCount; v++) {
      const route = new Route(data, v, v);
      this.routes.push(route);
      this.reindex(route);
    }
  }

  tick(): number {
    return ++this.clock;
  }

  now(): number {
    return this.clock;
  }

  /** Refreshes caches and the node index of a route after its nodes changed. */
  commit(route: Route, nodes: ArrayLike<number>, length: number): void {
    route.setNodes(nodes, length);
    route.lastModified = this.tick();
    route.changedAt = route.lastModified;
    this.reindex(route);
  }

  reindex(route: Route): void {
    for (let p = 1; p <= route.size; p++) {
      const node = route.nodes[p]!;
      this.routeOf[node] = route.index;
      this.positionOf[node] = p;
    }
  }

  isAssigned(job: number): boolean {
    return this.routeOf[job]! >= 0;
  }

  /** Inserts a job after the given position of a route. */
  insert(job: number, route: Route, after: number): void {
    const scratch = scratchFor(this.data);
    let k = 0;
    for (let p = 1; p <= after; p++) scratch[k++] = route.nodes[p]!;
    scratch[k++] = job;
    for (let p = after + 1; p <= route.size; p++) scratch[k++] = route.nodes[p]!;
    this.commit(route, scratch, k);
  }

  /** Removes several jobs, touching each route once. */
  removeJobs(jobs: ArrayLike<number>, count: number): void {
    const touched = new Set<number>();
    for (let i = 0; i < count; i++) {
      const job = jobs[i]!;
      const r = this.routeOf[job]!;
      if (r < 0) continue;
      touched.add(r);
      this.routeOf[job] = -1;
      this.positionOf[job] = -1;
    }
    const scratch = scratchFor(this.data);
    for (const r of touched) {
      const route = this.routes[r]!;
      let k = 0;
      for (let p = 1; p <= route.size; p++) {
        const node = route.nodes[p]!;
        if (node >= this.data.jobCount || this.routeOf[node] === r) scratch[k++] = node;
      }
      this.commit(route, scratch, k);
    }
  }

  unassignedJobs(): number[] {
    const list: number[] = [];
    for (let j = 0; j < this.data.jobCount; j++) if (this.routeOf[j]! < 0) list.push(j);
    return list;
  }

  cost(): number {
    let total = 0;
    for (const route of this.routes) total += route.cost;
    return total;
  }

  objective(): Objective {
    const data = this.data;
    let mandatoryDropped = 0;
    let priorityDropped = 0;
    let jobsDropped = 0;
    for (let j = 0; j < data.jobCount; j++) {
      if (this.routeOf[j]! >= 0) continue;
      jobsDropped++;
      priorityDropped += data.priority[j]!;
      if (data.mandatory[j]) mandatoryDropped++;
    }
    return { mandatoryDropped, priorityDropped, jobsDropped, cost: this.cost() };
  }

  usedVehicles(): number {
    let used = 0;
    for (const route of this.routes) if (route.jobCount > 0) used++;
    return used;
  }

  snapshot(): Snapshot {
    return {
      routes: this.routes.map((r) => r.nodes.slice(1, r.size + 1)),
      enabled: this.enabled.slice(),
      modified: Float64Array.from(this.routes, (r) => r.lastModified),
    };
  }

  restore(snapshot: Snapshot): void {
    this.routeOf.fill(-1);
    this.positionOf.fill(-1);
    this.enabled.set(snapshot.enabled);
    for (let r = 0; r < this.routes.length; r++) {
      const nodes = snapshot.routes[r]!;
      const route = this.routes[r]!;
      if (sameNodes(route, nodes)) {
        this.reindex(route);
      } else {
        this.commit(route, nodes, nodes.length);
      }
      route.lastModified = snapshot.modified[r]!;
    }
  }
}

function sameNodes(route: Route, nodes: Int32Array): boolean {
  if (route.size !== nodes.length) return false;
  for (let i = 0; i < nodes.length; i++) if (route.nodes[i + 1] !== nodes[i]) return false;
  return true;
}

const scratchCache = new WeakMap<ProblemData, Int32Array>();

/** A shared buffer big enough for any route of the problem (single-threaded use only). */
export function scratchFor(data: ProblemData): Int32Array {
  let scratch = scratchCache.get(data);
  if (!scratch) {
    scratch = new Int32Array(data.jobCount + data.breakCount + 2);
    scratchCache.set(data, scratch);
  }
  return scratch;
}
