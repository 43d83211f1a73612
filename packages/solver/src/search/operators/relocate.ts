import type { RouteBuilder } from '../route.ts';
import { arcCost } from '../route.ts';
import { allJobs, copyRange, copyReversed, type Move, type MoveContext } from './move.ts';

/**
 * Relocate (and or-opt for segmentLength 2 or 3): moves the segment starting at u to just
 * after v, in the same or another route. Breaks move only within their own route. With
 * `reversed`, the segment goes in backwards (VROOM's or-opt tries both directions too).
 */
export function createRelocate(segmentLength: number, reversed = false): Move {
  const k = segmentLength;
  const copySegment = reversed ? copyReversed : copyRange;
  const addSegment = (
    builder: RouteBuilder,
    route: MoveContext['state']['routes'][number],
    i: number,
    last: number,
  ) => {
    if (reversed) for (let p = last; p >= i; p--) builder.add(route.nodes[p]!);
    else for (let p = i; p <= last; p++) builder.add(route.nodes[p]!);
  };
  return {
    name: k === 1 ? 'relocate' : `or-opt-${k}${reversed ? '-reversed' : ''}`,
    evaluate(context: MoveContext, u: number, v: number): number {
      const from = context.routeOf(u);
      const to = context.routeOf(v);
      const i = context.positionOf(u);
      const j = context.positionOf(v);
      const last = i + k - 1;
      if (last > from.size) return Number.POSITIVE_INFINITY;
      const data = context.state.data;
      const jobCount = data.jobCount;
      // Breaks have no place of their own, so between routes (or in a route without breaks) the
      // cost change of moving a segment of jobs is exactly its arc change.
      // Inside a route with breaks too, unless only breaks lie between the segment and its new
      // place: then the trip does not change at all (nothing to gain).
      let screen = allJobs(from, i, last, jobCount);
      if (screen && from === to && data.vehicleBreaks[from.vehicle]!.length > 0) {
        if (j < i - 1 && !allJobs(from, j + 1, i - 1, jobCount) && onlyBreaks(from, j + 1, i - 1, jobCount)) {
          return Number.POSITIVE_INFINITY;
        }
        if (j > last && !allJobs(from, last + 1, j, jobCount) && onlyBreaks(from, last + 1, j, jobCount)) {
          return Number.POSITIVE_INFINITY;
        }
        screen = j < i - 1 || j > last;
      }
      if (screen && (from !== to || j < i - 1 || j > last)) {
        // Arc-based lower bound first: most candidates fail on cost alone.
        const before = from.physicalLocation[i - 1]!;
        const after = from.nextLocation[last]!;
        const first = from.physicalLocation[i]!;
        const lastLocation = from.physicalLocation[last]!;
        const at = to.physicalLocation[j]!;
        const next = to.nextLocation[j]!;
        const estimate =
          arcCost(data, before, after) -
          arcCost(data, before, first) -
          arcCost(data, lastLocation, after) +
          (reversed
            ? arcCost(data, at, lastLocation) + arcCost(data, first, next)
            : arcCost(data, at, first) + arcCost(data, lastLocation, next)) -
          arcCost(data, at, next);
        const empties = from !== to && from.jobCount <= k;
        if (estimate >= 0 && !empties) return Number.POSITIVE_INFINITY;
      }
      if (from !== to) {
        if (!allJobs(from, i, last, jobCount)) return Number.POSITIVE_INFINITY;
        const a = context.first.startWith(from, i - 1).finishWith(from, last + 1);
        if (a === Number.POSITIVE_INFINITY) return a;
        const builder = context.second.startWith(to, j);
        addSegment(builder, from, i, last);
        const b = builder.finishWith(to, j + 1);
        if (b === Number.POSITIVE_INFINITY) return b;
        return a + b - from.cost - to.cost;
      }
      if (j >= i - 1 && j <= last) return Number.POSITIVE_INFINITY;
      const builder = context.first;
      if (j < i) {
        builder.startWith(from, j);
        addSegment(builder, from, i, last);
        for (let p = j + 1; p < i; p++) builder.add(from.nodes[p]!);
        const cost = builder.finishWith(from, last + 1);
        return cost === Number.POSITIVE_INFINITY ? cost : cost - from.cost;
      }
      builder.startWith(from, i - 1);
      for (let p = last + 1; p <= j; p++) builder.add(from.nodes[p]!);
      addSegment(builder, from, i, last);
      const cost = builder.finishWith(from, j + 1);
      return cost === Number.POSITIVE_INFINITY ? cost : cost - from.cost;
    },
    apply(context: MoveContext, u: number, v: number): void {
      const from = context.routeOf(u);
      const to = context.routeOf(v);
      const i = context.positionOf(u);
      const j = context.positionOf(v);
      const last = i + k - 1;
      const a = context.bufferA;
      const b = context.bufferB;
      if (from !== to) {
        let n = copyRange(from, 1, i - 1, a, 0);
        n = copyRange(from, last + 1, from.size, a, n);
        let m = copyRange(to, 1, j, b, 0);
        m = copySegment(from, i, last, b, m);
        m = copyRange(to, j + 1, to.size, b, m);
        context.state.commit(from, a, n);
        context.state.commit(to, b, m);
        return;
      }
      let n: number;
      if (j < i) {
        n = copyRange(from, 1, j, a, 0);
        n = copySegment(from, i, last, a, n);
        n = copyRange(from, j + 1, i - 1, a, n);
        n = copyRange(from, last + 1, from.size, a, n);
      } else {
        n = copyRange(from, 1, i - 1, a, 0);
        n = copyRange(from, last + 1, j, a, n);
        n = copySegment(from, i, last, a, n);
        n = copyRange(from, j + 1, from.size, a, n);
      }
      context.state.commit(from, a, n);
    },
  };
}

/** True when positions from..to of a route are all breaks. */
function onlyBreaks(
  route: MoveContext['state']['routes'][number],
  from: number,
  to: number,
  jobCount: number,
): boolean {
  for (let p = from; p <= to; p++) if (route.nodes[p]! < jobCount) return false;
  return true;
}
