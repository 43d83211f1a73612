import { findBestInsertion, Insertion } from './insertion.ts';
import { createExchange } from './operators/exchange.ts';
import { type Move, MoveContext } from './operators/move.ts';
import { createRelocate } from './operators/relocate.ts';
import { removeInsertCost, swapStar } from './operators/swap-star.ts';
import { twoOpt } from './operators/two-opt.ts';
import { twoOptStar } from './operators/two-opt-star.ts';
import type { Random } from './random.ts';
import type { Route } from './route.ts';
import type { SearchState } from './search-state.ts';

/** Moves tried for each (u, v) pair of granular neighbours, in this order. */
export const nodeMoves: readonly Move[] = [
  createRelocate(1),
  createRelocate(2),
  createRelocate(3),
  createRelocate(2, true),
  createRelocate(3, true),
  createExchange(1, 1),
  createExchange(2, 1),
  createExchange(1, 2),
  createExchange(2, 2),
  twoOptStar,
  twoOpt,
];

/** Moves also tried with v's predecessor (so "insert before v" and route starts are covered). */
const predecessorMoves: readonly Move[] = [
  nodeMoves[0]!,
  nodeMoves[1]!,
  nodeMoves[2]!,
  nodeMoves[3]!,
  nodeMoves[4]!,
  twoOptStar,
];

const IMPROVEMENT = -1e-6;

/**
 * First-improvement local search over granular neighbourhoods (Vidal et al.), feasible
 * moves only. A pair (u, v) is skipped when neither route changed since u was last tested.
 * After the node moves converge, dropped jobs are inserted where they fit, then SWAP* runs
 * between routes; the loop repeats until nothing improves.
 */
export class LocalSearch {
  readonly state: SearchState;
  readonly context: MoveContext;
  readonly random: Random;
  private readonly lastTested: Float64Array;
  private readonly routeTested: Float64Array;
  private readonly nearRoutes: Uint8Array;
  private readonly order: Int32Array;
  private readonly insertion = new Insertion();
  /**
   * Per job, the clock tick at which insertDropped last found no room for it anywhere: until a
   * route changes (Route.changedAt) or the enabled vehicles change, it need not be tried again.
   */
  private readonly noRoomAt: Float64Array;
  private readonly routeFilter: Uint8Array;
  private readonly enabledSeen: Uint8Array;
  useSwapStar = true;
  /**
   * Route elimination sets this (SISR's absence counts): a dropped job may then eject a routed
   * job of equal rank that was dropped less often (an ejection-pool move).
   */
  ejectionWeight: Float64Array | undefined;
  /** Granular neighbourhood size (Vidal's Γ): only this many closest jobs are tried as v. */
  neighbourLimit = 20;
  /**
   * Per route, a group: SWAP* then only compares routes of one group (the periodic engine
   * groups routes by day: SWAP* across days costs much and rarely pays).
   */
  swapStarGroup: Int32Array | undefined;

  constructor(state: SearchState, random: Random) {
    this.state = state;
    this.context = new MoveContext(state);
    this.random = random;
    this.lastTested = new Float64Array(state.data.jobCount + state.data.breakCount).fill(-1);
    this.routeTested = new Float64Array(state.routes.length * state.routes.length).fill(-1);
    this.nearRoutes = new Uint8Array(state.routes.length * state.routes.length);
    this.order = new Int32Array(state.data.jobCount);
    this.noRoomAt = new Float64Array(state.data.jobCount).fill(-1);
    this.routeFilter = new Uint8Array(state.routes.length);
    this.enabledSeen = state.enabled.slice();
    for (let j = 0; j < this.order.length; j++) this.order[j] = j;
  }

  /** Copies of the "last tested" marks, to go with a solution snapshot. */
  saveMarks(): { nodes: Float64Array; routes: Float64Array } {
    return { nodes: this.lastTested.slice(), routes: this.routeTested.slice() };
  }

  restoreMarks(marks: { nodes: Float64Array; routes: Float64Array }): void {
    this.lastTested.set(marks.nodes);
    this.routeTested.set(marks.routes);
  }

  /**
   * Runs to a local optimum; returns the number of moves applied. With `focus`, only those
   * jobs (say, the ones just re-inserted) start as candidates; others join once a move
   * changes their route.
   */
  run(focus?: ArrayLike<number>, focusCount = 0): number {
    const state = this.state;
    if (focus) {
      this.lastTested.fill(state.tick());
      for (let i = 0; i < focusCount; i++) this.lastTested[focus[i]!] = -1;
      this.routeTested.fill(state.now());
    }
    const data = state.data;
    let applied = 0;
    this.random.shuffle(this.order);
    for (let round = 0; round < 1000; round++) {
      let improved = false;
      const emptyStarts = this.emptyRouteStarts();
      for (let o = 0; o < this.order.length; o++) {
        const u = this.order[o]!;
        if (state.routeOf[u]! < 0) continue;
        const tested = this.lastTested[u]!;
        this.lastTested[u] = state.now();
        const neighbours = data.neighbours[u]!;
        const limit = Math.min(neighbours.length, this.neighbourLimit);
        for (let n = 0; n < limit; n++) {
          const v = neighbours[n]!;
          if (state.routeOf[v]! < 0 || state.routeOf[u]! < 0) continue;
          const ru = state.routes[state.routeOf[u]!]!;
          const rv = state.routes[state.routeOf[v]!]!;
          if (tested > ru.lastModified && tested > rv.lastModified) continue;
          if (this.tryMoves(nodeMoves, u, v)) {
            improved = true;
            applied++;
            continue;
          }
          const position = state.positionOf[v]!;
          const pred = position > 1 ? rv.nodes[position - 1]! : -(rv.index + 1);
          if (pred !== u && this.tryMoves(predecessorMoves, u, pred)) {
            improved = true;
            applied++;
          }
        }
        // Empty routes: one per vehicle kind is enough.
        const home = state.routeOf[u]!;
        if (home >= 0 && tested <= state.routes[home]!.lastModified && this.tryEmptyRoutes(u, emptyStarts)) {
          improved = true;
          applied++;
        }
      }
      applied += this.moveBreaks();
      if (!improved) {
        const inserted = this.insertDropped();
        const swapped = this.useSwapStar ? this.runSwapStar() : 0;
        applied += inserted + swapped;
        if (inserted + swapped === 0) break;
      }
    }
    return applied;
  }

  private tryMoves(moves: readonly Move[], u: number, v: number): boolean {
    const context = this.context;
    for (let m = 0; m < moves.length; m++) {
      const move = moves[m]!;
      const delta = move.evaluate(context, u, v);
      if (delta < IMPROVEMENT) {
        move.apply(context, u, v);
        return true;
      }
    }
    return false;
  }

  /** One empty, enabled route per vehicle kind, as route-start ids. */
  private emptyRouteStarts(): number[] {
    const state = this.state;
    const data = state.data;
    const seen = new Set<number>();
    const starts: number[] = [];
    for (const route of state.routes) {
      if (route.jobCount > 0 || !state.enabled[route.vehicle]) continue;
      const kind = data.vehicleKind[route.vehicle]!;
      if (seen.has(kind)) continue;
      seen.add(kind);
      starts.push(-(route.index + 1));
    }
    return starts;
  }

  private tryEmptyRoutes(u: number, starts: readonly number[]): boolean {
    for (const start of starts) {
      if (this.state.routes[-start - 1]!.jobCount > 0) continue;
      if (this.tryMoves(predecessorMoves, u, start)) return true;
    }
    return false;
  }

  /**
   * Breaks move only inside their route. A break has no place, so moving it never changes the
   * cost: it goes where the route gets back earliest (it then fills waiting, say at a lunch
   * closure), which leaves the most room for further jobs.
   */
  private moveBreaks(): number {
    const state = this.state;
    const data = state.data;
    const relocate = nodeMoves[0]!;
    let applied = 0;
    for (let b = data.jobCount; b < data.jobCount + data.breakCount; b++) {
      const r = state.routeOf[b]!;
      if (r < 0) continue;
      const route = state.routes[r]!;
      if (route.jobCount === 0) continue;
      let best = IMPROVEMENT;
      let bestTarget = 0;
      let bestEnd = route.earliestDeparture[route.size + 1]! - 0.5;
      const i = state.positionOf[b]!;
      for (let p = 0; p <= route.size; p++) {
        if (p === i || p === i - 1) continue;
        const end = this.endWithBreakAfter(route, i, p);
        if (end === Number.POSITIVE_INFINITY) continue;
        const target = p === 0 ? -(route.index + 1) : route.nodes[p]!;
        const delta = relocate.evaluate(this.context, b, target);
        if (delta < best || (delta <= -IMPROVEMENT && best === IMPROVEMENT && end < bestEnd)) {
          if (delta < best) best = delta;
          bestEnd = end;
          bestTarget = target;
        }
      }
      if (best < IMPROVEMENT || bestEnd < route.earliestDeparture[route.size + 1]! - 0.5) {
        relocate.apply(this.context, b, bestTarget);
        applied++;
      }
    }
    return applied;
  }

  /** Return time of `route` with its node at position i moved after position p, or +Infinity. */
  private endWithBreakAfter(route: Route, i: number, p: number): number {
    const builder = this.context.second;
    const node = route.nodes[i]!;
    if (p < i) {
      builder.startWith(route, p);
      builder.add(node);
      for (let q = p + 1; q < i; q++) builder.add(route.nodes[q]!);
      for (let q = i + 1; q <= route.size; q++) builder.add(route.nodes[q]!);
    } else {
      builder.startWith(route, i - 1);
      for (let q = i + 1; q <= p; q++) builder.add(route.nodes[q]!);
      builder.add(node);
      for (let q = p + 1; q <= route.size; q++) builder.add(route.nodes[q]!);
    }
    if (!builder.feasible) return Number.POSITIVE_INFINITY;
    const data = this.state.data;
    const end = data.vehicleEnd[route.vehicle]!;
    const at = builder.location;
    const back = at >= 0 && end >= 0 ? data.durations[at * data.locationCount + end]! : 0;
    if (builder.finishAtEnd(route) === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
    return builder.time + back;
  }

  /**
   * Prize collecting: inserts dropped jobs where they fit (best priority first), and swaps a
   * routed job for a dropped one of higher priority (or a mandatory one for an optional one).
   */
  insertDropped(): number {
    const state = this.state;
    const data = state.data;
    const dropped = state.unassignedJobs().filter((j) => !state.excluded[j]);
    if (dropped.length === 0) return 0;
    if (!sameFlags(this.enabledSeen, state.enabled)) {
      this.enabledSeen.set(state.enabled);
      this.noRoomAt.fill(-1);
    }
    dropped.sort((a, b) => rank(data, b) - rank(data, a));
    let applied = 0;
    const filter = this.routeFilter;
    for (const job of dropped) {
      // Only routes changed since the job last found no room can take it now.
      const since = this.noRoomAt[job]!;
      let changed = 0;
      for (const route of state.routes) {
        const fresh = route.changedAt > since ? 1 : 0;
        filter[route.index] = fresh;
        changed += fresh;
      }
      if (changed === 0 && !this.ejectionWeight) continue;
      const best =
        changed === 0
          ? this.insertion
          : findBestInsertion(state, this.context.first, job, this.insertion, {
              ...(since >= 0 ? { routeFilter: filter } : {}),
            });
      if (changed > 0 && best.route >= 0) {
        state.insert(job, state.routes[best.route]!, best.after);
        applied++;
        continue;
      }
      const stamp = state.tick();
      // Unchanged routes offered no victim last time either (ranks do not change).
      if (this.replaceLowerRank(job, since >= 0 && !this.ejectionWeight ? filter : undefined)) applied++;
      else this.noRoomAt[job] = stamp;
    }
    return applied;
  }

  /**
   * Ejects the lowest-ranked routed neighbour that ranks below `job` and puts `job` at its best
   * place in that route (not only in the victim's slot); the victim goes back in if it fits
   * elsewhere. With `routes`, only victims in the flagged routes are tried.
   */
  private replaceLowerRank(job: number, routes?: Uint8Array): boolean {
    const state = this.state;
    const data = state.data;
    const weight = this.ejectionWeight;
    const keyOf = (j: number) => rank(data, j) * 1e9 + (weight ? weight[j]! : 0);
    const jobRank = keyOf(job);
    const builder = this.context.first;
    let bestVictim = -1;
    let bestAfter = -1;
    let bestRank = jobRank;
    let bestDelta = Number.POSITIVE_INFINITY;
    const n = data.locationCount;
    const location = data.nodeLocation[job]!;
    const lastEnd = data.windowEnd[data.windowOffset[job + 1]! - 1]!;
    for (const v of data.neighbours[job]!) {
      const r = state.routeOf[v]!;
      if (r < 0 || (routes && !routes[r])) continue;
      const victimRank = keyOf(v);
      if (victimRank >= jobRank || victimRank > bestRank) continue;
      const route = state.routes[r]!;
      const i = state.positionOf[v]!;
      for (let p = 0; p <= route.size; p++) {
        if (p < i - 1) {
          const from = route.physicalLocation[p]!;
          const arrival =
            route.earliestDeparture[p]! + (from >= 0 ? data.durations[from * n + location]! : 0);
          if (arrival > lastEnd) continue;
        }
        const cost = removeInsertCost(builder, route, i, p, job);
        if (cost === Number.POSITIVE_INFINITY) continue;
        const delta = cost - route.cost;
        if (victimRank < bestRank || delta < bestDelta) {
          bestRank = victimRank;
          bestDelta = delta;
          bestVictim = v;
          bestAfter = p === i ? i - 1 : p;
        }
      }
    }
    if (bestVictim < 0 || bestRank >= jobRank) return false;
    const route = state.routes[state.routeOf[bestVictim]!]!;
    const i = state.positionOf[bestVictim]!;
    state.removeJobs([bestVictim], 1);
    state.insert(job, route, bestAfter < i ? bestAfter : bestAfter - 1);
    // The victim may fit elsewhere.
    const again = findBestInsertion(state, builder, bestVictim, this.insertion);
    if (again.route >= 0) state.insert(bestVictim, state.routes[again.route]!, again.after);
    return true;
  }

  /** SWAP* (Vidal 2022) over route pairs that changed since they were last compared. */
  private runSwapStar(): number {
    const state = this.state;
    const routes = state.routes;
    const count = routes.length;
    let applied = 0;
    // Only routes that hold granular neighbours of each other are compared.
    const near = this.nearRoutes;
    near.fill(0);
    const data = state.data;
    for (let u = 0; u < data.jobCount; u++) {
      const ru = state.routeOf[u]!;
      if (ru < 0) continue;
      const list = data.neighbours[u]!;
      const limit = Math.min(list.length, 10);
      for (let k = 0; k < limit; k++) {
        const rv = state.routeOf[list[k]!]!;
        if (
          rv >= 0 &&
          rv !== ru &&
          (!this.swapStarGroup || this.swapStarGroup[ru] === this.swapStarGroup[rv])
        ) {
          near[ru * count + rv] = 1;
          near[rv * count + ru] = 1;
        }
      }
    }
    for (let a = 0; a < count; a++) {
      const ra = routes[a]!;
      if (ra.jobCount === 0) continue;
      for (let b = a + 1; b < count; b++) {
        const rb = routes[b]!;
        if (rb.jobCount === 0) continue;
        const key = a * count + b;
        if (!near[key]) continue;
        const tested = this.routeTested[key]!;
        if (tested > ra.lastModified && tested > rb.lastModified) continue;
        this.routeTested[key] = state.now();
        const delta = swapStar.evaluate(this.context, -(a + 1), -(b + 1));
        if (delta < IMPROVEMENT) {
          swapStar.apply(this.context, -(a + 1), -(b + 1));
          applied++;
        }
      }
    }
    return applied;
  }
}

function sameFlags(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Order of importance when not everything fits: mandatory, then priority. */
export function rank(data: SearchState['data'], job: number): number {
  return (data.mandatory[job] ? 1000 : 0) + data.priority[job]!;
}
