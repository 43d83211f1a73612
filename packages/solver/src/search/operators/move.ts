import type { Route } from '../route.ts';
import { RouteBuilder } from '../route.ts';
import type { SearchState } from '../search-state.ts';

/**
 * One neighbourhood of the local search. `u` is a routed node; `v` is a routed node or the
 * start of a route, written -(routeIndex + 1). `evaluate` returns the exact change of total
 * route cost if the move is feasible and applicable, +Infinity otherwise; `apply` performs it.
 */
export interface Move {
  readonly name: string;
  evaluate(context: MoveContext, u: number, v: number): number;
  apply(context: MoveContext, u: number, v: number): void;
}

/** Reusable buffers shared by every move of one search (nothing is allocated per evaluation). */
export class MoveContext {
  readonly state: SearchState;
  readonly first: RouteBuilder;
  readonly second: RouteBuilder;
  readonly bufferA: Int32Array;
  readonly bufferB: Int32Array;

  constructor(state: SearchState) {
    this.state = state;
    this.first = new RouteBuilder(state.data);
    this.second = new RouteBuilder(state.data);
    const size = state.data.jobCount + state.data.breakCount + 2;
    this.bufferA = new Int32Array(size);
    this.bufferB = new Int32Array(size);
  }

  routeOf(node: number): Route {
    const r = node < 0 ? -node - 1 : this.state.routeOf[node]!;
    return this.state.routes[r]!;
  }

  positionOf(node: number): number {
    return node < 0 ? 0 : this.state.positionOf[node]!;
  }

  isJob(node: number): boolean {
    return node >= 0 && node < this.state.data.jobCount;
  }
}

/** Appends positions from..to (inclusive) of a route to a buffer; returns the new length. */
export function copyRange(
  route: Route,
  from: number,
  to: number,
  buffer: Int32Array,
  length: number,
): number {
  let k = length;
  for (let p = from; p <= to; p++) buffer[k++] = route.nodes[p]!;
  return k;
}

export function copyReversed(
  route: Route,
  from: number,
  to: number,
  buffer: Int32Array,
  length: number,
): number {
  let k = length;
  for (let p = to; p >= from; p--) buffer[k++] = route.nodes[p]!;
  return k;
}

/** True when positions from..to of a route are all jobs (no breaks). */
export function allJobs(route: Route, from: number, to: number, jobCount: number): boolean {
  for (let p = from; p <= to; p++) if (route.nodes[p]! >= jobCount) return false;
  return true;
}
