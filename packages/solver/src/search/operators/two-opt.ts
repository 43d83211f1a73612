import { copyRange, copyReversed, type Move, type MoveContext } from './move.ts';

/** 2-opt inside one route: reverses the nodes after u up to and including v. */
export const twoOpt: Move = {
  name: 'two-opt',
  evaluate(context: MoveContext, u: number, v: number): number {
    const route = context.routeOf(u);
    if (v < 0 || context.routeOf(v) !== route) return Number.POSITIVE_INFINITY;
    const i = context.positionOf(u);
    const j = context.positionOf(v);
    if (j < i + 2) return Number.POSITIVE_INFINITY;
    const builder = context.first.startWith(route, i);
    for (let p = j; p > i; p--) if (!builder.add(route.nodes[p]!)) return Number.POSITIVE_INFINITY;
    const cost = builder.finishWith(route, j + 1);
    return cost === Number.POSITIVE_INFINITY ? cost : cost - route.cost;
  },
  apply(context: MoveContext, u: number, v: number): void {
    const route = context.routeOf(u);
    const i = context.positionOf(u);
    const j = context.positionOf(v);
    const a = context.bufferA;
    let n = copyRange(route, 1, i, a, 0);
    n = copyReversed(route, i + 1, j, a, n);
    n = copyRange(route, j + 1, route.size, a, n);
    context.state.commit(route, a, n);
  },
};
