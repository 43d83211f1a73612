import { arcCost, type Route } from '../route.ts';
import { copyRange, type Move, type MoveContext } from './move.ts';

/**
 * 2-opt* (SwapTails): between two routes, the tail after u and the tail after v trade
 * places. With equal vehicle profiles the kept tails are checked in O(1) from their caches.
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
      data.vehicleBreaks[ru.vehicle]!.length === 0 &&
      data.vehicleBreaks[rv.vehicle]!.length === 0 &&
      ru.jobCount - ru.prefixTasks[i]! + rv.prefixTasks[j]! > 0 &&
      rv.jobCount - rv.prefixTasks[j]! + ru.prefixTasks[i]! > 0 &&
      data.vehicleStart[ru.vehicle] === data.vehicleStart[rv.vehicle]
    ) {
      const estimate =
        arcCost(data, ru.physicalLocation[i]!, rv.nextLocation[j]!) +
        arcCost(data, rv.physicalLocation[j]!, ru.nextLocation[i]!) -
        arcCost(data, ru.physicalLocation[i]!, ru.nextLocation[i]!) -
        arcCost(data, rv.physicalLocation[j]!, rv.nextLocation[j]!);
      if (estimate >= 0 && ru.jobCount > 0 && rv.jobCount > 0) return Number.POSITIVE_INFINITY;
    }
    const a = joinTail(context, context.first.startWith(ru, i), ru, rv, j + 1);
    if (a === Number.POSITIVE_INFINITY) return a;
    const b = joinTail(context, context.second.startWith(rv, j), rv, ru, i + 1);
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
    let n = copyRange(ru, 1, i, a, 0);
    n = copyRange(rv, j + 1, rv.size, a, n);
    let m = copyRange(rv, 1, j, b, 0);
    m = copyRange(ru, i + 1, ru.size, b, m);
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
