import { arcCost } from '../route.ts';
import { allJobs, copyRange, type Move, type MoveContext } from './move.ts';

/**
 * Relocate (and or-opt for segmentLength 2 or 3): moves the segment starting at u to just
 * after v, in the same or another route. Breaks move only within their own route.
 */
export function createRelocate(segmentLength: number): Move {
  const k = segmentLength;
  return {
    name: k === 1 ? 'relocate' : `or-opt-${k}`,
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
      const screen =
        from !== to ? allJobs(from, i, last, jobCount) : data.vehicleBreaks[from.vehicle]!.length === 0;
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
          arcCost(data, at, first) +
          arcCost(data, lastLocation, next) -
          arcCost(data, at, next);
        const empties = from !== to && from.jobCount <= k;
        if (estimate >= 0 && !empties) return Number.POSITIVE_INFINITY;
      }
      if (from !== to) {
        if (!allJobs(from, i, last, jobCount)) return Number.POSITIVE_INFINITY;
        const a = context.first.startWith(from, i - 1).finishWith(from, last + 1);
        if (a === Number.POSITIVE_INFINITY) return a;
        const builder = context.second.startWith(to, j);
        for (let p = i; p <= last; p++) builder.add(from.nodes[p]!);
        const b = builder.finishWith(to, j + 1);
        if (b === Number.POSITIVE_INFINITY) return b;
        return a + b - from.cost - to.cost;
      }
      if (j >= i - 1 && j <= last) return Number.POSITIVE_INFINITY;
      const builder = context.first;
      if (j < i) {
        builder.startWith(from, j);
        for (let p = i; p <= last; p++) builder.add(from.nodes[p]!);
        for (let p = j + 1; p < i; p++) builder.add(from.nodes[p]!);
        const cost = builder.finishWith(from, last + 1);
        return cost === Number.POSITIVE_INFINITY ? cost : cost - from.cost;
      }
      builder.startWith(from, i - 1);
      for (let p = last + 1; p <= j; p++) builder.add(from.nodes[p]!);
      for (let p = i; p <= last; p++) builder.add(from.nodes[p]!);
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
        m = copyRange(from, i, last, b, m);
        m = copyRange(to, j + 1, to.size, b, m);
        context.state.commit(from, a, n);
        context.state.commit(to, b, m);
        return;
      }
      let n: number;
      if (j < i) {
        n = copyRange(from, 1, j, a, 0);
        n = copyRange(from, i, last, a, n);
        n = copyRange(from, j + 1, i - 1, a, n);
        n = copyRange(from, last + 1, from.size, a, n);
      } else {
        n = copyRange(from, 1, i - 1, a, 0);
        n = copyRange(from, last + 1, j, a, n);
        n = copyRange(from, i, last, a, n);
        n = copyRange(from, j + 1, from.size, a, n);
      }
      context.state.commit(from, a, n);
    },
  };
}
