import { arcCost } from '../route.ts';
import { allJobs, copyRange, type Move, type MoveContext } from './move.ts';

/**
 * Exchange (swap, and cross-exchange of short segments): swaps the segment of `uLength`
 * nodes starting at u with the segment of `vLength` nodes starting at v. Between routes the
 * segments must hold jobs only; inside one route only single nodes are swapped.
 */
export function createExchange(uLength: number, vLength: number): Move {
  return {
    name: uLength === 1 && vLength === 1 ? 'swap' : `cross-exchange-${uLength}-${vLength}`,
    evaluate(context: MoveContext, u: number, v: number): number {
      if (v < 0 || u === v) return Number.POSITIVE_INFINITY;
      const ru = context.routeOf(u);
      const rv = context.routeOf(v);
      const i = context.positionOf(u);
      const j = context.positionOf(v);
      const iLast = i + uLength - 1;
      const jLast = j + vLength - 1;
      if (iLast > ru.size || jLast > rv.size) return Number.POSITIVE_INFINITY;
      const data = context.state.data;
      const jobCount = data.jobCount;
      if (ru !== rv) {
        // Arc-based estimate (exact for segments of jobs: breaks have no place of their own).
        const uBefore = ru.physicalLocation[i - 1]!;
        const uAfter = ru.nextLocation[iLast]!;
        const vBefore = rv.physicalLocation[j - 1]!;
        const vAfter = rv.nextLocation[jLast]!;
        const uFirst = ru.physicalLocation[i]!;
        const uLastLocation = ru.physicalLocation[iLast]!;
        const vFirst = rv.physicalLocation[j]!;
        const vLastLocation = rv.physicalLocation[jLast]!;
        const estimate =
          arcCost(data, uBefore, vFirst) +
          arcCost(data, vLastLocation, uAfter) +
          arcCost(data, vBefore, uFirst) +
          arcCost(data, uLastLocation, vAfter) -
          arcCost(data, uBefore, uFirst) -
          arcCost(data, uLastLocation, uAfter) -
          arcCost(data, vBefore, vFirst) -
          arcCost(data, vLastLocation, vAfter);
        if (estimate >= 0) return Number.POSITIVE_INFINITY;
      }
      if (ru !== rv) {
        if (!allJobs(ru, i, iLast, jobCount) || !allJobs(rv, j, jLast, jobCount)) {
          return Number.POSITIVE_INFINITY;
        }
        const first = context.first.startWith(ru, i - 1);
        for (let p = j; p <= jLast; p++) first.add(rv.nodes[p]!);
        const a = first.finishWith(ru, iLast + 1);
        if (a === Number.POSITIVE_INFINITY) return a;
        const second = context.second.startWith(rv, j - 1);
        for (let p = i; p <= iLast; p++) second.add(ru.nodes[p]!);
        const b = second.finishWith(rv, jLast + 1);
        if (b === Number.POSITIVE_INFINITY) return b;
        return a + b - ru.cost - rv.cost;
      }
      if (uLength !== 1 || vLength !== 1) return Number.POSITIVE_INFINITY;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      if (data.vehicleBreaks[ru.vehicle]!.length === 0) {
        const before = ru.physicalLocation[lo - 1]!;
        const after = ru.nextLocation[hi]!;
        const a = ru.physicalLocation[lo]!;
        const b = ru.physicalLocation[hi]!;
        let estimate: number;
        if (hi === lo + 1) {
          estimate =
            arcCost(data, before, b) +
            arcCost(data, b, a) +
            arcCost(data, a, after) -
            arcCost(data, before, a) -
            arcCost(data, a, b) -
            arcCost(data, b, after);
        } else {
          const afterA = ru.nextLocation[lo]!;
          const beforeB = ru.physicalLocation[hi - 1]!;
          estimate =
            arcCost(data, before, b) +
            arcCost(data, b, afterA) +
            arcCost(data, beforeB, a) +
            arcCost(data, a, after) -
            arcCost(data, before, a) -
            arcCost(data, a, afterA) -
            arcCost(data, beforeB, b) -
            arcCost(data, b, after);
        }
        if (estimate >= 0) return Number.POSITIVE_INFINITY;
      }
      const builder = context.first.startWith(ru, lo - 1);
      builder.add(ru.nodes[hi]!);
      for (let p = lo + 1; p < hi; p++) builder.add(ru.nodes[p]!);
      builder.add(ru.nodes[lo]!);
      const cost = builder.finishWith(ru, hi + 1);
      return cost === Number.POSITIVE_INFINITY ? cost : cost - ru.cost;
    },
    apply(context: MoveContext, u: number, v: number): void {
      const ru = context.routeOf(u);
      const rv = context.routeOf(v);
      const i = context.positionOf(u);
      const j = context.positionOf(v);
      const iLast = i + uLength - 1;
      const jLast = j + vLength - 1;
      const a = context.bufferA;
      const b = context.bufferB;
      if (ru !== rv) {
        let n = copyRange(ru, 1, i - 1, a, 0);
        n = copyRange(rv, j, jLast, a, n);
        n = copyRange(ru, iLast + 1, ru.size, a, n);
        let m = copyRange(rv, 1, j - 1, b, 0);
        m = copyRange(ru, i, iLast, b, m);
        m = copyRange(rv, jLast + 1, rv.size, b, m);
        context.state.commit(ru, a, n);
        context.state.commit(rv, b, m);
        return;
      }
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      let n = copyRange(ru, 1, lo - 1, a, 0);
      a[n++] = ru.nodes[hi]!;
      n = copyRange(ru, lo + 1, hi - 1, a, n);
      a[n++] = ru.nodes[lo]!;
      n = copyRange(ru, hi + 1, ru.size, a, n);
      context.state.commit(ru, a, n);
    },
  };
}
