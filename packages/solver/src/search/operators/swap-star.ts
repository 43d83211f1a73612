import { arcCost, type Route, type RouteBuilder } from '../route.ts';
import { copyRange, type Move, type MoveContext } from './move.ts';

const TOP = 3;

/**
 * SWAP* (Vidal 2022): exchange u of route A with v of route B, each re-inserted at its best
 * position in the other route rather than in the other's place. `u` and `v` name the two
 * routes as -(index + 1). The three cheapest feasible insertion positions per job are
 * precomputed; every candidate is then checked exactly.
 */
export const swapStar: Move & { best: SwapStarChoice } = {
  name: 'swap-star',
  best: { u: -1, v: -1, uAfter: -1, vAfter: -1, delta: Number.POSITIVE_INFINITY },
  evaluate(context: MoveContext, a: number, b: number): number {
    const ra = context.routeOf(a);
    const rb = context.routeOf(b);
    const best = this.best;
    best.delta = Number.POSITIVE_INFINITY;
    best.u = -1;
    if (ra === rb || ra.jobCount === 0 || rb.jobCount === 0) return best.delta;
    const data = context.state.data;
    const topA = topInsertions(context.first, rb, ra); // positions in A for each job of B
    const topB = topInsertions(context.first, ra, rb); // positions in B for each job of A
    const removeA = removalCosts(context.first, ra);
    const removeB = removalCosts(context.first, rb);
    for (let i = 1; i <= ra.size; i++) {
      const u = ra.nodes[i]!;
      if (u >= data.jobCount) continue;
      for (let j = 1; j <= rb.size; j++) {
        const v = rb.nodes[j]!;
        if (v >= data.jobCount) continue;
        const estimate =
          removeA[i]! + removeB[j]! + bestTop(topA, j, i) + bestTop(topB, i, j) - ra.cost - rb.cost;
        // Placing the job where the other one was is always a candidate.
        const inPlaceA = replaceCost(context.first, ra, i, v);
        const inPlaceB = replaceCost(context.second, rb, j, u);
        if (Math.min(estimate, inPlaceA + inPlaceB - ra.cost - rb.cost) >= best.delta) continue;
        let costA = inPlaceA;
        let afterA = i - 1;
        for (let t = 0; t < TOP; t++) {
          const p = topA.position[j * TOP + t]!;
          if (p < 0 || p === i - 1 || p === i) continue;
          const c = removeInsertCost(context.first, ra, i, p, v);
          if (c < costA) {
            costA = c;
            afterA = p;
          }
        }
        if (costA === Number.POSITIVE_INFINITY) continue;
        let costB = inPlaceB;
        let afterB = j - 1;
        for (let t = 0; t < TOP; t++) {
          const p = topB.position[i * TOP + t]!;
          if (p < 0 || p === j - 1 || p === j) continue;
          const c = removeInsertCost(context.second, rb, j, p, u);
          if (c < costB) {
            costB = c;
            afterB = p;
          }
        }
        if (costB === Number.POSITIVE_INFINITY) continue;
        const delta = costA + costB - ra.cost - rb.cost;
        if (delta < best.delta) {
          best.delta = delta;
          best.u = u;
          best.v = v;
          best.uAfter = afterB;
          best.vAfter = afterA;
        }
      }
    }
    return best.delta;
  },
  apply(context: MoveContext, a: number, b: number): void {
    const best = this.best;
    if (best.u < 0) this.evaluate(context, a, b);
    const ra = context.routeOf(a);
    const rb = context.routeOf(b);
    const i = context.positionOf(best.u);
    const j = context.positionOf(best.v);
    const na = buildRemoveInsert(ra, i, best.vAfter, best.v, context.bufferA);
    const nb = buildRemoveInsert(rb, j, best.uAfter, best.u, context.bufferB);
    context.state.commit(ra, context.bufferA, na);
    context.state.commit(rb, context.bufferB, nb);
    best.u = -1;
  },
};

export interface SwapStarChoice {
  u: number;
  v: number;
  /** Insert u after this position of v's route (positions before the removal). */
  uAfter: number;
  vAfter: number;
  delta: number;
}

interface TopInsertions {
  cost: Float64Array;
  position: Int32Array;
}

/** For each position j of `source`, the TOP cheapest feasible insertion positions in `target`. */
function topInsertions(builder: RouteBuilder, source: Route, target: Route): TopInsertions {
  const cost = new Float64Array((source.size + 1) * TOP).fill(Number.POSITIVE_INFINITY);
  const position = new Int32Array((source.size + 1) * TOP).fill(-1);
  const data = builder.data;
  const jobCount = data.jobCount;
  // In a used target the cost change is exactly the arc change (breaks have no place of their
  // own): screen with it.
  const exactArcs = target.jobCount > 0;
  for (let j = 1; j <= source.size; j++) {
    const job = source.nodes[j]!;
    if (job >= jobCount) continue;
    const at = data.nodeLocation[job]!;
    for (let p = 0; p <= target.size; p++) {
      if (exactArcs) {
        const before = target.physicalLocation[p]!;
        const after = target.nextLocation[p]!;
        const arcs = arcCost(data, before, at) + arcCost(data, at, after) - arcCost(data, before, after);
        if (arcs >= cost[j * TOP + TOP - 1]!) continue;
      }
      builder.startWith(target, p);
      if (!builder.add(job)) continue;
      const c = builder.finishWith(target, p + 1);
      if (c === Number.POSITIVE_INFINITY) continue;
      const d = c - target.cost;
      const base = j * TOP;
      if (d >= cost[base + TOP - 1]!) continue;
      let t = TOP - 1;
      while (t > 0 && d < cost[base + t - 1]!) {
        cost[base + t] = cost[base + t - 1]!;
        position[base + t] = position[base + t - 1]!;
        t--;
      }
      cost[base + t] = d;
      position[base + t] = p;
    }
  }
  return { cost, position };
}

function bestTop(top: TopInsertions, j: number, removed: number): number {
  for (let t = 0; t < TOP; t++) {
    const p = top.position[j * TOP + t]!;
    if (p < 0) break;
    if (p !== removed - 1 && p !== removed) return top.cost[j * TOP + t]!;
  }
  return Number.POSITIVE_INFINITY;
}

function removalCosts(builder: RouteBuilder, route: Route): Float64Array {
  const result = new Float64Array(route.size + 1);
  for (let i = 1; i <= route.size; i++) {
    result[i] = builder.startWith(route, i - 1).finishWith(route, i + 1);
  }
  return result;
}

function replaceCost(builder: RouteBuilder, route: Route, i: number, job: number): number {
  builder.startWith(route, i - 1);
  if (!builder.add(job)) return Number.POSITIVE_INFINITY;
  return builder.finishWith(route, i + 1);
}

/** Cost of the route with position i removed and `job` inserted after original position p. */
export function removeInsertCost(
  builder: RouteBuilder,
  route: Route,
  i: number,
  p: number,
  job: number,
): number {
  if (p === i || p === i - 1) return replaceCost(builder, route, i, job);
  if (p < i) {
    builder.startWith(route, p);
    builder.add(job);
    for (let q = p + 1; q < i; q++) if (!builder.add(route.nodes[q]!)) return Number.POSITIVE_INFINITY;
    return builder.finishWith(route, i + 1);
  }
  builder.startWith(route, i - 1);
  for (let q = i + 1; q <= p; q++) if (!builder.add(route.nodes[q]!)) return Number.POSITIVE_INFINITY;
  builder.add(job);
  return builder.finishWith(route, p + 1);
}

function buildRemoveInsert(route: Route, i: number, p: number, job: number, buffer: Int32Array): number {
  let n = 0;
  if (p === i || p === i - 1) {
    n = copyRange(route, 1, i - 1, buffer, n);
    buffer[n++] = job;
    return copyRange(route, i + 1, route.size, buffer, n);
  }
  if (p < i) {
    n = copyRange(route, 1, p, buffer, n);
    buffer[n++] = job;
    n = copyRange(route, p + 1, i - 1, buffer, n);
    return copyRange(route, i + 1, route.size, buffer, n);
  }
  n = copyRange(route, 1, i - 1, buffer, n);
  n = copyRange(route, i + 1, p, buffer, n);
  buffer[n++] = job;
  return copyRange(route, p + 1, route.size, buffer, n);
}
