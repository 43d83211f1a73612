import { arcCost, type Route, type RouteBuilder } from '../route.ts';
import { copyRange, type Move, type MoveContext } from './move.ts';

/**
 * 2-opt* (SwapTails): between two routes, the tail after u and the tail after v trade
 * places. With equal vehicle profiles the kept tails are checked in O(1) from their caches.
 * A break stays with its vehicle: when a tail holds one (a lunch in the middle of the day),
 * the break leaves with the tail's jobs only in spirit and is put back at the first position
 * of the new tail where the route stays feasible (a break has no place, so this never changes
 * the cost). Tails with more than one break are not swapped.
 */
export const twoOptStar: Move = {
  name: 'two-opt-star',
  evaluate(context: MoveContext, u: number, v: number): number {
    const ru = context.routeOf(u);
    const rv = context.routeOf(v);
    if (ru === rv) return Number.POSITIVE_INFINITY;
    const i = context.positionOf(u);
    const j = context.positionOf(v);
    const data = context.state.data;
    if (
      data.vehicleProfile[ru.vehicle] === data.vehicleProfile[rv.vehicle] &&
      ru.jobCount - ru.prefixTasks[i]! + rv.prefixTasks[j]! > 0 &&
      rv.jobCount - rv.prefixTasks[j]! + ru.prefixTasks[i]! > 0 &&
      data.vehicleStart[ru.vehicle] === data.vehicleStart[rv.vehicle]
    ) {
      // Exact arc change (breaks have no place of their own).
      const estimate =
        arcCost(data, ru.physicalLocation[i]!, rv.nextLocation[j]!) +
        arcCost(data, rv.physicalLocation[j]!, ru.nextLocation[i]!) -
        arcCost(data, ru.physicalLocation[i]!, ru.nextLocation[i]!) -
        arcCost(data, rv.physicalLocation[j]!, rv.nextLocation[j]!);
      if (estimate >= 0 && ru.jobCount > 0 && rv.jobCount > 0) return Number.POSITIVE_INFINITY;
    }
    const uBreaks = ru.suffixBreaks[i + 1]!;
    const vBreaks = rv.suffixBreaks[j + 1]!;
    if (uBreaks === 0 && vBreaks === 0) {
      const a = joinTail(context, context.first.startWith(ru, i), ru, rv, j + 1);
      if (a === Number.POSITIVE_INFINITY) return a;
      const b = joinTail(context, context.second.startWith(rv, j), rv, ru, i + 1);
      if (b === Number.POSITIVE_INFINITY) return b;
      return a + b - ru.cost - rv.cost;
    }
    if (uBreaks > 1 || vBreaks > 1) return Number.POSITIVE_INFINITY;
    const a = joinPlacingBreak(context.first, ru, i, rv, j + 1);
    if (a === Number.POSITIVE_INFINITY) return a;
    const b = joinPlacingBreak(context.second, rv, j, ru, i + 1);
    if (b === Number.POSITIVE_INFINITY) return b;
    return a + b - ru.cost - rv.cost;
  },
  apply(context: MoveContext, u: number, v: number): void {
    const ru = context.routeOf(u);
    const rv = context.routeOf(v);
    const i = context.positionOf(u);
    const j = context.positionOf(v);
    const a = context.bufferA;
    const b = context.bufferB;
    if (ru.suffixBreaks[i + 1]! === 0 && rv.suffixBreaks[j + 1]! === 0) {
      let n = copyRange(ru, 1, i, a, 0);
      n = copyRange(rv, j + 1, rv.size, a, n);
      let m = copyRange(rv, 1, j, b, 0);
      m = copyRange(ru, i + 1, ru.size, b, m);
      context.state.commit(ru, a, n);
      context.state.commit(rv, b, m);
      return;
    }
    // Placements first: both read the routes before either changes.
    const atA =
      joinPlacingBreak(context.first, ru, i, rv, j + 1) === Number.POSITIVE_INFINITY ? -1 : placedAt;
    const atB =
      joinPlacingBreak(context.second, rv, j, ru, i + 1) === Number.POSITIVE_INFINITY ? -1 : placedAt;
    const n = writeJoined(ru, i, rv, j + 1, atA, a);
    const m = writeJoined(rv, j, ru, i + 1, atB, b);
    context.state.commit(ru, a, n);
    context.state.commit(rv, b, m);
  },
};

function joinTail(
  context: MoveContext,
  builder: MoveContext['first'],
  own: Route,
  other: Route,
  from: number,
): number {
  const data = context.state.data;
  if (data.vehicleProfile[own.vehicle] === data.vehicleProfile[other.vehicle]) {
    return builder.finishWith(other, from);
  }
  for (let p = from; p <= other.size; p++) if (!builder.add(other.nodes[p]!)) return Number.POSITIVE_INFINITY;
  return builder.finishAtEnd(own);
}

/** Where joinPlacingBreak put the break: before the k-th job of the new tail (-1: no break). */
let placedAt = -1;

/** The break of `own` after position `cut`, or -1. */
function breakAfter(own: Route, cut: number): number {
  const jobCount = own.data.jobCount;
  for (let p = cut + 1; p <= own.size; p++) if (own.nodes[p]! >= jobCount) return own.nodes[p]!;
  return -1;
}

/**
 * Cost of own's positions 1..cut followed by the jobs of other's positions from..size (its
 * breaks left out), with own's break from its old tail put back at the first feasible place.
 */
function joinPlacingBreak(
  builder: RouteBuilder,
  own: Route,
  cut: number,
  other: Route,
  from: number,
): number {
  const jobCount = own.data.jobCount;
  const pause = breakAfter(own, cut);
  placedAt = -1;
  if (pause < 0) {
    builder.startWith(own, cut);
    for (let p = from; p <= other.size; p++) {
      const node = other.nodes[p]!;
      if (node < jobCount && !builder.add(node)) return Number.POSITIVE_INFINITY;
    }
    return builder.finishAtEnd(own);
  }
  // Try the break before the k-th job of the tail, k = 0, 1, …: the first feasible one wins.
  for (let k = 0; ; k++) {
    builder.startWith(own, cut);
    let seen = 0;
    let placed = false;
    let prefixFailed = false;
    for (let p = from; p <= other.size + 1; p++) {
      const node = p <= other.size ? other.nodes[p]! : -1;
      if (node >= jobCount) continue;
      if (seen === k) {
        if (!builder.add(pause)) break;
        placed = true;
      }
      if (node < 0) break;
      if (!builder.add(node)) {
        if (!placed) prefixFailed = true;
        break;
      }
      seen++;
    }
    if (prefixFailed) return Number.POSITIVE_INFINITY;
    if (!placed) {
      // The break did not fit before the k-th job: later only if the clock allows it.
      if (seen < k || !builder.feasible) return Number.POSITIVE_INFINITY;
      continue;
    }
    if (!builder.feasible) continue;
    const cost = builder.finishAtEnd(own);
    if (cost !== Number.POSITIVE_INFINITY) {
      placedAt = k;
      return cost;
    }
  }
}

/** Writes the route joinPlacingBreak evaluated, with the break before the k-th tail job. */
function writeJoined(
  own: Route,
  cut: number,
  other: Route,
  from: number,
  at: number,
  buffer: Int32Array,
): number {
  const jobCount = own.data.jobCount;
  const pause = breakAfter(own, cut);
  let n = copyRange(own, 1, cut, buffer, 0);
  let seen = 0;
  for (let p = from; p <= other.size; p++) {
    const node = other.nodes[p]!;
    if (node >= jobCount) continue;
    if (pause >= 0 && seen === at) buffer[n++] = pause;
    buffer[n++] = node;
    seen++;
  }
  if (pause >= 0 && seen <= at) buffer[n++] = pause;
  return n;
}
