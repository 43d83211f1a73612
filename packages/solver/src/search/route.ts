import { NO_LIMIT, type ProblemData } from '../model/problem-data.ts';
import { DurationSegment } from './duration-segment.ts';

export const START_MARKER = -1;
export const END_MARKER = -2;

/** Earliest feasible service start at or after `arrival`, or +Infinity. */
export function earliestStart(data: ProblemData, node: number, arrival: number): number {
  const from = data.windowOffset[node]!;
  const to = data.windowOffset[node + 1]!;
  for (let w = from; w < to; w++) {
    if (arrival <= data.windowEnd[w]!) {
      const start = data.windowStart[w]!;
      return Math.max(arrival, start);
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** Latest service start in a window that is at or before `deadline`, or -Infinity. */
export function latestStart(data: ProblemData, node: number, deadline: number): number {
  const from = data.windowOffset[node]!;
  const to = data.windowOffset[node + 1]!;
  for (let w = to - 1; w >= from; w--) {
    if (deadline >= data.windowStart[w]!) {
      const end = data.windowEnd[w]!;
      return Math.min(deadline, end);
    }
  }
  return Number.NEGATIVE_INFINITY;
}

/**
 * One vehicle's route in the search, with forward and backward caches (VROOM's tw_route idea)
 * so a route made of a kept prefix, a few new nodes and a kept suffix is checked in O(1) per
 * new node: earliest departures forward, latest starts backward, prefix/suffix cost, travel,
 * task counts and load segments.
 *
 * Positions: 0 is the start, 1..size the visited nodes (jobs and this vehicle's breaks), size+1
 * the end. A break has no location: the vehicle stays where it was.
 */
export class Route {
  readonly data: ProblemData;
  readonly vehicle: number;
  readonly index: number;
  nodes: Int32Array;
  size = 0;
  jobCount = 0;
  cost = 0;
  feasible = true;
  lastModified = 0;
  /**
   * Clock tick of the last change of the nodes. Unlike lastModified, a snapshot restore never
   * winds it back, so "unchanged since tick t" really means the same nodes.
   */
  changedAt = 0;

  earliestDeparture: Float64Array;
  physicalLocation: Int32Array;
  /** Location of the first physical stop after each position (end location for the last). */
  nextLocation: Int32Array;
  latest: Float64Array;
  prefixCost: Float64Array;
  suffixCost: Float64Array;
  prefixTravel: Float64Array;
  suffixTravel: Float64Array;
  prefixTasks: Int32Array;
  /** Suffix break count: a tail holding a break cannot move to another vehicle. */
  suffixBreaks: Int32Array;
  /** Load segments (delivery total, pickup total, peak) per position × dimension. */
  prefixDelivery: Float64Array;
  prefixPickup: Float64Array;
  prefixPeak: Float64Array;
  suffixDelivery: Float64Array;
  suffixPickup: Float64Array;
  suffixPeak: Float64Array;
  /** Duration segments of prefixes and suffixes; empty unless some vehicle has maxDuration. */
  prefixDuration: Float64Array;
  prefixEarliest: Float64Array;
  prefixLatest: Float64Array;
  suffixDuration: Float64Array;
  suffixEarliest: Float64Array;
  suffixLatest: Float64Array;

  constructor(data: ProblemData, vehicle: number, index: number) {
    this.data = data;
    this.vehicle = vehicle;
    this.index = index;
    const capacity = data.jobCount + data.vehicleBreaks[vehicle]!.length + 2;
    this.nodes = new Int32Array(capacity);
    this.earliestDeparture = new Float64Array(capacity);
    this.physicalLocation = new Int32Array(capacity);
    this.nextLocation = new Int32Array(capacity);
    this.latest = new Float64Array(capacity);
    this.prefixCost = new Float64Array(capacity);
    this.suffixCost = new Float64Array(capacity);
    this.prefixTravel = new Float64Array(capacity);
    this.suffixTravel = new Float64Array(capacity);
    this.prefixTasks = new Int32Array(capacity);
    this.suffixBreaks = new Int32Array(capacity);
    const loadSize = capacity * data.dimensions;
    this.prefixDelivery = new Float64Array(loadSize);
    this.prefixPickup = new Float64Array(loadSize);
    this.prefixPeak = new Float64Array(loadSize);
    this.suffixDelivery = new Float64Array(loadSize);
    this.suffixPickup = new Float64Array(loadSize);
    this.suffixPeak = new Float64Array(loadSize);
    const durationSize = data.hasDurationLimit ? capacity : 0;
    this.prefixDuration = new Float64Array(durationSize);
    this.prefixEarliest = new Float64Array(durationSize);
    this.prefixLatest = new Float64Array(durationSize);
    this.suffixDuration = new Float64Array(durationSize);
    this.suffixEarliest = new Float64Array(durationSize);
    this.suffixLatest = new Float64Array(durationSize);
    const breaks = data.vehicleBreaks[vehicle]!;
    this.setNodes(breaks, breaks.length);
  }

  /** Node at position 1..size (job id or break id). */
  at(position: number): number {
    return this.nodes[position]!;
  }

  /** Replaces the visited nodes and refreshes every cache. */
  setNodes(source: ArrayLike<number>, length: number): void {
    if (this.nodes.length < length + 2) {
      throw new Error(`route ${this.index}: ${length} nodes exceed capacity`);
    }
    this.nodes[0] = START_MARKER;
    for (let i = 0; i < length; i++) this.nodes[i + 1] = source[i]!;
    this.nodes[length + 1] = END_MARKER;
    this.size = length;
    this.update();
  }

  /** Location of the node at a position; for a break, where the vehicle waits. */
  locationAt(position: number): number {
    return this.physicalLocation[position]!;
  }

  isPhysical(position: number): boolean {
    const node = this.nodes[position]!;
    return node < this.data.jobCount;
  }

  update(): void {
    const data = this.data;
    const v = this.vehicle;
    const dims = data.dimensions;
    const n = data.locationCount;
    const jobCount = data.jobCount;
    const last = this.size + 1;
    let feasible = true;

    // Forward pass.
    let time = data.shiftStart[v]!;
    let location = data.vehicleStart[v]!;
    let cost = 0;
    let travel = 0;
    let tasks = 0;
    this.earliestDeparture[0] = time;
    this.physicalLocation[0] = location;
    this.prefixCost[0] = 0;
    this.prefixTravel[0] = 0;
    this.prefixTasks[0] = 0;
    for (let d = 0; d < dims; d++) {
      this.prefixDelivery[d] = 0;
      this.prefixPickup[d] = 0;
      this.prefixPeak[d] = 0;
    }
    for (let p = 1; p <= last; p++) {
      const node = this.nodes[p]!;
      if (node === END_MARKER || node < jobCount) {
        const to = node === END_MARKER ? data.vehicleEnd[v]! : data.nodeLocation[node]!;
        if (location >= 0 && to >= 0) {
          const t = data.durations[location * n + to]!;
          time += t;
          travel += t;
          cost += data.costs[location * n + to]!;
        }
        location = to;
        if (node === END_MARKER) {
          if (time > data.shiftEnd[v]!) feasible = false;
        } else {
          if (data.compatible[node * data.vehicleCount + v] === 0) feasible = false;
          const start = earliestStart(data, node, time);
          if (start === Number.POSITIVE_INFINITY) feasible = false;
          time = start + data.nodeService[node]!;
          tasks++;
        }
      } else {
        if (data.breakVehicle[node - jobCount] !== v) feasible = false;
        const start = earliestStart(data, node, time);
        if (start === Number.POSITIVE_INFINITY) feasible = false;
        time = start + data.nodeService[node]!;
      }
      this.earliestDeparture[p] = time;
      this.physicalLocation[p] = location;
      this.prefixCost[p] = cost;
      this.prefixTravel[p] = travel;
      this.prefixTasks[p] = tasks;
      const base = p * dims;
      const prev = base - dims;
      for (let d = 0; d < dims; d++) {
        const del = node >= 0 && node < jobCount ? data.delivery[node * dims + d]! : 0;
        const pick = node >= 0 && node < jobCount ? data.pickup[node * dims + d]! : 0;
        const single = Math.max(del, pick);
        const a = this.prefixPeak[prev + d]! + del;
        const b = this.prefixPickup[prev + d]! + single;
        this.prefixPeak[base + d] = Math.max(a, b);
        this.prefixDelivery[base + d] = this.prefixDelivery[prev + d]! + del;
        this.prefixPickup[base + d] = this.prefixPickup[prev + d]! + pick;
      }
    }
    this.jobCount = tasks;
    if (travel > data.maxTravel[v]! || tasks > data.maxTasks[v]!) feasible = false;
    for (let d = 0; d < dims; d++) {
      if (this.prefixPeak[last * dims + d]! > data.capacity[v * dims + d]!) feasible = false;
    }

    // Backward pass.
    this.latest[last] = data.shiftEnd[v]!;
    this.nextLocation[last] = -1;
    this.suffixCost[last] = 0;
    this.suffixTravel[last] = 0;
    this.suffixBreaks[last] = 0;
    for (let d = 0; d < dims; d++) {
      this.suffixDelivery[last * dims + d] = 0;
      this.suffixPickup[last * dims + d] = 0;
      this.suffixPeak[last * dims + d] = 0;
    }
    let nextPhysical = last;
    let breaks = 0;
    for (let p = last - 1; p >= 0; p--) {
      const node = this.nodes[p]!;
      const next = this.nodes[p + 1]!;
      const here = this.physicalLocation[p]!;
      this.nextLocation[p] = this.physicalLocation[nextPhysical]!;
      let finishBy: number;
      if (next >= jobCount) {
        finishBy = this.latest[p + 1]!;
      } else {
        const to = this.physicalLocation[p + 1]!;
        finishBy =
          here >= 0 && to >= 0 ? this.latest[p + 1]! - data.durations[here * n + to]! : this.latest[p + 1]!;
      }
      if (p === 0) {
        this.latest[0] = finishBy;
      } else {
        this.latest[p] = latestStart(data, node, finishBy - data.nodeService[node]!);
      }
      const physical = node < jobCount;
      if (physical) {
        const to = this.physicalLocation[nextPhysical]!;
        const hasArc = here >= 0 && to >= 0;
        this.suffixCost[p] = this.suffixCost[nextPhysical]! + (hasArc ? data.costs[here * n + to]! : 0);
        this.suffixTravel[p] =
          this.suffixTravel[nextPhysical]! + (hasArc ? data.durations[here * n + to]! : 0);
        nextPhysical = p;
      } else {
        breaks++;
      }
      this.suffixBreaks[p] = breaks;
      const base = p * dims;
      const after = base + dims;
      for (let d = 0; d < dims; d++) {
        const del = node >= 0 && node < jobCount ? data.delivery[node * dims + d]! : 0;
        const pick = node >= 0 && node < jobCount ? data.pickup[node * dims + d]! : 0;
        const single = Math.max(del, pick);
        const a = single + this.suffixDelivery[after + d]!;
        const b = pick + this.suffixPeak[after + d]!;
        this.suffixPeak[base + d] = Math.max(a, b);
        this.suffixDelivery[base + d] = this.suffixDelivery[after + d]! + del;
        this.suffixPickup[base + d] = this.suffixPickup[after + d]! + pick;
      }
    }
    if (data.hasDurationLimit && !this.updateDurations()) feasible = false;
    this.feasible = feasible;
    this.cost = tasks > 0 ? cost + data.fixedCost[v]! : 0;
  }

  /** Duration segment of the node at a position (start and end: the shift). */
  private nodeSegment(position: number, out: DurationSegment): DurationSegment {
    const data = this.data;
    const node = this.nodes[position]!;
    if (node < 0) return out.set(0, data.shiftStart[this.vehicle]!, data.shiftEnd[this.vehicle]!);
    const w = data.windowOffset[node]!;
    return out.set(data.nodeService[node]!, data.windowStart[w]!, data.windowEnd[w]!);
  }

  private travelAfter(position: number): number {
    const here = this.physicalLocation[position]!;
    const next = this.physicalLocation[position + 1]!;
    return here >= 0 && next >= 0 ? this.data.durations[here * this.data.locationCount + next]! : 0;
  }

  /** Refreshes the duration segments; false when the route is longer than the limit. */
  private updateDurations(): boolean {
    const last = this.size + 1;
    const segment = new DurationSegment();
    const node = new DurationSegment();
    this.nodeSegment(0, segment);
    this.prefixDuration[0] = segment.duration;
    this.prefixEarliest[0] = segment.earliest;
    this.prefixLatest[0] = segment.latest;
    for (let p = 1; p <= last; p++) {
      this.nodeSegment(p, node);
      segment.append(this.travelAfter(p - 1), node.duration, node.earliest, node.latest);
      this.prefixDuration[p] = segment.duration;
      this.prefixEarliest[p] = segment.earliest;
      this.prefixLatest[p] = segment.latest;
    }
    this.nodeSegment(last, segment);
    this.suffixDuration[last] = segment.duration;
    this.suffixEarliest[last] = segment.earliest;
    this.suffixLatest[last] = segment.latest;
    for (let p = last - 1; p >= 0; p--) {
      this.nodeSegment(p, node);
      node.append(
        this.travelAfter(p),
        this.suffixDuration[p + 1]!,
        this.suffixEarliest[p + 1]!,
        this.suffixLatest[p + 1]!,
      );
      this.suffixDuration[p] = node.duration;
      this.suffixEarliest[p] = node.earliest;
      this.suffixLatest[p] = node.latest;
    }
    return this.prefixDuration[last]! <= this.data.maxDuration[this.vehicle]!;
  }
}

/**
 * Evaluates a route made of concatenated pieces without building it: start with a kept
 * prefix, add nodes one by one, finish with a kept suffix (of this or an equal-profile route).
 * Each step is O(1) (times the number of capacity dimensions); nothing is allocated.
 */
export class RouteBuilder {
  readonly data: ProblemData;
  vehicle = 0;
  time = 0;
  location = -1;
  cost = 0;
  travel = 0;
  tasks = 0;
  feasible = true;
  delivery: Float64Array;
  pickup: Float64Array;
  peak: Float64Array;
  readonly segment = new DurationSegment();

  constructor(data: ProblemData) {
    this.data = data;
    this.delivery = new Float64Array(Math.max(1, data.dimensions));
    this.pickup = new Float64Array(Math.max(1, data.dimensions));
    this.peak = new Float64Array(Math.max(1, data.dimensions));
  }

  /** Keeps positions 0..position of `route`. */
  startWith(route: Route, position: number): this {
    const dims = this.data.dimensions;
    this.vehicle = route.vehicle;
    this.time = route.earliestDeparture[position]!;
    this.location = route.physicalLocation[position]!;
    this.cost = route.prefixCost[position]!;
    this.travel = route.prefixTravel[position]!;
    this.tasks = route.prefixTasks[position]!;
    this.feasible = this.time !== Number.POSITIVE_INFINITY;
    if (this.data.hasDurationLimit) {
      this.segment.set(
        route.prefixDuration[position]!,
        route.prefixEarliest[position]!,
        route.prefixLatest[position]!,
      );
    }
    const base = position * dims;
    for (let d = 0; d < dims; d++) {
      this.delivery[d] = route.prefixDelivery[base + d]!;
      this.pickup[d] = route.prefixPickup[base + d]!;
      this.peak[d] = route.prefixPeak[base + d]!;
    }
    return this;
  }

  private fail(): false {
    this.feasible = false;
    return false;
  }

  /** Appends a job or a break; returns false once infeasible. */
  add(node: number): boolean {
    if (!this.feasible) return false;
    const data = this.data;
    const v = this.vehicle;
    if (node < data.jobCount) {
      if (data.compatible[node * data.vehicleCount + v] === 0) return this.fail();
      const to = data.nodeLocation[node]!;
      const from = this.location;
      let t = 0;
      if (from >= 0) {
        const index = from * data.locationCount + to;
        t = data.durations[index]!;
        this.time += t;
        this.travel += t;
        this.cost += data.costs[index]!;
      }
      this.location = to;
      if (data.hasDurationLimit) this.appendSegment(t, node);
      const start = earliestStart(data, node, this.time);
      if (start === Number.POSITIVE_INFINITY) return this.fail();
      this.time = start + data.nodeService[node]!;
      this.tasks++;
      const dims = data.dimensions;
      for (let d = 0; d < dims; d++) {
        const del = data.delivery[node * dims + d]!;
        const pick = data.pickup[node * dims + d]!;
        const single = Math.max(del, pick);
        const a = this.peak[d]! + del;
        const b = this.pickup[d]! + single;
        const peak = Math.max(a, b);
        if (peak > data.capacity[v * dims + d]!) return this.fail();
        this.peak[d] = peak;
        this.delivery[d] = this.delivery[d]! + del;
        this.pickup[d] = this.pickup[d]! + pick;
      }
      return true;
    }
    if (data.breakVehicle[node - data.jobCount] !== v) return this.fail();
    if (data.hasDurationLimit) this.appendSegment(0, node);
    const start = earliestStart(data, node, this.time);
    if (start === Number.POSITIVE_INFINITY) return this.fail();
    this.time = start + data.nodeService[node]!;
    return true;
  }

  private appendSegment(travel: number, node: number): void {
    const data = this.data;
    const w = data.windowOffset[node]!;
    this.segment.append(travel, data.nodeService[node]!, data.windowStart[w]!, data.windowEnd[w]!);
  }

  /**
   * Appends positions position..end of `route` (the builder's own route, or one whose vehicle
   * has the same profile and no breaks in that tail). Returns the resulting route cost, or
   * +Infinity when infeasible.
   */
  finishWith(route: Route, position: number): number {
    if (!this.feasible) return Number.POSITIVE_INFINITY;
    const data = this.data;
    let p = position;
    const foreign = route.vehicle !== this.vehicle;
    if (foreign && route.suffixBreaks[p]! > 0) return Number.POSITIVE_INFINITY;
    const jobCount = data.jobCount;
    const last = route.size + 1;
    while (p < last && route.nodes[p]! >= jobCount) {
      if (!this.add(route.nodes[p]!)) return Number.POSITIVE_INFINITY;
      p++;
    }
    const v = this.vehicle;
    const to = p === last ? data.vehicleEnd[route.vehicle]! : data.nodeLocation[route.nodes[p]!]!;
    let time = this.time;
    let cost = this.cost;
    let travel = this.travel;
    let leg = 0;
    if (this.location >= 0 && to >= 0) {
      const index = this.location * data.locationCount + to;
      leg = data.durations[index]!;
      time += leg;
      cost += data.costs[index]!;
      travel += leg;
    }
    if (time > route.latest[p]!) return Number.POSITIVE_INFINITY;
    if (data.hasDurationLimit) {
      const duration = this.segment.durationWith(leg, route.suffixDuration[p]!, route.suffixEarliest[p]!);
      if (duration > data.maxDuration[v]!) return Number.POSITIVE_INFINITY;
    }
    travel += route.suffixTravel[p]!;
    if (travel > data.maxTravel[v]!) return Number.POSITIVE_INFINITY;
    const tasks = this.tasks + route.jobCount - route.prefixTasks[Math.max(p - 1, 0)]!;
    if (tasks > data.maxTasks[v]!) return Number.POSITIVE_INFINITY;
    const dims = data.dimensions;
    const base = p * dims;
    for (let d = 0; d < dims; d++) {
      const a = this.peak[d]! + route.suffixDelivery[base + d]!;
      const b = this.pickup[d]! + route.suffixPeak[base + d]!;
      if (Math.max(a, b) > data.capacity[v * dims + d]!) return Number.POSITIVE_INFINITY;
    }
    if (tasks === 0) return 0;
    return cost + route.suffixCost[p]! + data.fixedCost[v]!;
  }

  /** Ends the route at its own end (use after adding every node explicitly). */
  finishAtEnd(route: Route): number {
    return this.finishWith(route, route.size + 1);
  }
}

/** Cost of the arc between two locations (0 when either is absent). */
export function arcCost(data: ProblemData, from: number, to: number): number {
  return from >= 0 && to >= 0 ? data.costs[from * data.locationCount + to]! : 0;
}

export function unlimited(value: number): boolean {
  return value >= NO_LIMIT;
}
