import { insertGreedily } from '../search/greedy-insertion.ts';
import { findBestInsertion, Insertion } from '../search/insertion.ts';
import { LocalSearch } from '../search/local-search.ts';
import { Random } from '../search/random.ts';
import { SearchState, type Snapshot } from '../search/search-state.ts';
import { type StoppingCriterion, StopWatch } from '../search/stopping-criterion.ts';
import { removeStrings } from '../search/string-removal.ts';
import type { PeriodicData } from './compile-periodic.ts';

export interface PeriodicProgress {
  iteration: number;
  elapsedMs: number;
  /** Route costs plus stability and balance penalties. */
  cost: number;
  customersUnassigned: number;
}

export interface PeriodicSearchOptions {
  seed: number;
  stopping: StoppingCriterion;
  /** Cost units per second of imbalance (0: not looked at). */
  balanceWeight: number;
  onProgress?: (progress: PeriodicProgress) => void;
}

/** Dropped visits (weighted) first, then cost with penalties. */
export interface PeriodicObjective {
  dropped: number;
  cost: number;
}

function compare(a: PeriodicObjective, b: PeriodicObjective): number {
  if (a.dropped !== b.dropped) return a.dropped - b.dropped;
  const d = a.cost - b.cost;
  return Math.abs(d) <= 1e-9 ? 0 : d;
}

interface PeriodicSnapshot {
  routes: Snapshot;
  choice: Int32Array;
  excluded: Uint8Array;
  marks: { nodes: Float64Array; routes: Float64Array };
}

const NONE = -1;

/**
 * Periodic search on top of the day engine. The state is one SearchState holding every
 * day's routes (visits carry day skills, so the day engine's moves never mix days); a
 * customer's chosen combination decides which of its visits are routed, the others being
 * excluded. Construction inserts customers hardest first, each with its cheapest
 * combination; each iteration then ruins (SISR strings on one or two days, or whole
 * customers, related or random), recreates (same-day visits greedily, whole customers with
 * regret over combinations), runs the day engine's local search on what moved, moves
 * customers to a better combination ("pattern" moves), and accepts as the day engine's ILS
 * does (drops first, then simulated annealing on cost).
 */
export class PeriodicSearch {
  readonly pd: PeriodicData;
  readonly options: PeriodicSearchOptions;
  readonly state: SearchState;
  readonly random: Random;
  readonly localSearch: LocalSearch;
  readonly watch: StopWatch;
  /** Chosen combination per customer (index into pd.combinations[c]), -1 when not served. */
  readonly choice: Int32Array;
  iteration = 0;
  best!: PeriodicSnapshot;
  bestObjective!: PeriodicObjective;
  private arcCost = 1;
  private readonly insertion = new Insertion();
  private readonly singleRoute: Uint8Array;
  /** Per customer × day: cheapest insertion delta (penalties included), route, position. */
  private readonly dayDelta: Float64Array;
  private readonly dayRoute: Int32Array;
  private readonly dayAfter: Int32Array;
  private readonly removed: Int32Array;
  /** Customers by closeness, per customer (for related removal). */
  private readonly nearCustomers: Int32Array[];

  constructor(pd: PeriodicData, options: PeriodicSearchOptions) {
    this.pd = pd;
    this.options = options;
    this.state = new SearchState(pd.data);
    this.state.excluded.fill(1);
    this.random = new Random(options.seed);
    this.localSearch = new LocalSearch(this.state, this.random);
    // SWAP* across days is costly; it pays only when the day of most customers is in play
    // (most are visited once). 20 s runs: pr05, pr10, p23 −0.7 to −0.9 % same-day only; p12
    // (91 % visited once) +5.6 %.
    let flexible = 0;
    for (let c = 0; c < pd.customerCount; c++) flexible += pd.flexible[c]!;
    if (flexible <= 0.6 * pd.customerCount) this.localSearch.swapStarGroup = pd.vehicleDay;
    this.watch = new StopWatch(options.stopping);
    this.choice = new Int32Array(pd.customerCount).fill(NONE);
    this.singleRoute = new Uint8Array(pd.data.vehicleCount);
    const cells = pd.customerCount * pd.dayCount;
    this.dayDelta = new Float64Array(cells);
    this.dayRoute = new Int32Array(cells);
    this.dayAfter = new Int32Array(cells);
    this.removed = new Int32Array(pd.data.jobCount);
    this.nearCustomers = this.buildNearCustomers();
  }

  private buildNearCustomers(): Int32Array[] {
    const pd = this.pd;
    const data = pd.data;
    const n = data.locationCount;
    const locationOf = new Int32Array(pd.customerCount).fill(-1);
    for (let j = 0; j < data.jobCount; j++) locationOf[pd.customerOf[j]!] = data.nodeLocation[j]!;
    const served = [...locationOf.keys()].filter((c) => locationOf[c]! >= 0);
    const limit = Math.min(40, served.length - 1);
    return Array.from({ length: pd.customerCount }, (_, c) => {
      const here = locationOf[c]!;
      if (here < 0) return new Int32Array(0);
      const others = served.filter((o) => o !== c);
      const cost = (o: number) =>
        data.costs[here * n + locationOf[o]!]! + data.costs[locationOf[o]! * n + here]!;
      others.sort((a, b) => cost(a) - cost(b));
      return Int32Array.from(others.slice(0, limit));
    });
  }

  // ---- customers and combinations -------------------------------------------------------

  private jobOf(c: number, day: number): number {
    return this.pd.visitJob[c * this.pd.dayCount + day]!;
  }

  /** Takes every visit of a customer out of the plan. */
  removeCustomer(c: number): void {
    const pd = this.pd;
    const state = this.state;
    let count = 0;
    for (let k = 0; k < pd.dayCount; k++) {
      const job = this.jobOf(c, k);
      if (job < 0) continue;
      // A flexible visit is the same job on each of its days.
      if (state.routeOf[job]! >= 0 && (count === 0 || this.removed[count - 1] !== job))
        this.removed[count++] = job;
      state.excluded[job] = 1;
    }
    if (count > 0) state.removeJobs(this.removed, count);
    this.choice[c] = NONE;
  }

  /** Cheapest insertion of customer c's visit on one day, stability penalty included. */
  private evaluateDay(c: number, day: number, blinkRate: number): void {
    const pd = this.pd;
    const cell = c * pd.dayCount + day;
    const job = pd.visitJob[cell]!;
    const options = {
      routeFilter: pd.dayRoutes[day]!,
      ...(blinkRate > 0 ? { blinkRate, random: this.random } : {}),
    };
    const best = findBestInsertion(this.state, this.localSearch.context.first, job, this.insertion, options);
    let delta = best.delta;
    let route = best.route;
    let after = best.after;
    const previous = pd.previous[cell]!;
    if (previous >= 0) {
      // The previous vehicle costs nothing more; another one costs the stability penalty.
      if (route !== previous) delta += pd.stabilityPenalty;
      this.singleRoute[previous] = 1;
      const own = findBestInsertion(this.state, this.localSearch.context.first, job, this.insertion, {
        routeFilter: this.singleRoute,
      });
      this.singleRoute[previous] = 0;
      if (own.route >= 0 && own.delta <= delta) {
        delta = own.delta;
        route = own.route;
        after = own.after;
      }
    }
    this.dayDelta[cell] = route >= 0 ? delta : Number.POSITIVE_INFINITY;
    this.dayRoute[cell] = route;
    this.dayAfter[cell] = after;
  }

  private evaluateDays(c: number, blinkRate: number): void {
    for (let k = 0; k < this.pd.dayCount; k++) if (this.jobOf(c, k) >= 0) this.evaluateDay(c, k, blinkRate);
  }

  /** Cost of each combination from the day cache: best and second best. */
  private rankCombinations(c: number): { best: number; cost: number; second: number } {
    const pd = this.pd;
    const list = pd.combinations[c]!;
    let best = NONE;
    let cost = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    for (let i = 0; i < list.length; i++) {
      let total = 0;
      for (const day of list[i]!) total += this.dayDelta[c * pd.dayCount + day]!;
      if (pd.previousVisits > 0) {
        for (let k = 0; k < pd.dayCount; k++) {
          if (pd.previous[c * pd.dayCount + k]! !== -2 && !list[i]!.includes(k)) total += pd.stabilityPenalty;
        }
      }
      if (total < cost) {
        second = cost;
        cost = total;
        best = i;
      } else if (total < second) {
        second = total;
      }
    }
    if (cost === Number.POSITIVE_INFINITY) best = NONE;
    return { best, cost, second };
  }

  /** Routes customer c's visits of combination i at the cached positions. */
  private applyCombination(c: number, i: number): void {
    const pd = this.pd;
    const state = this.state;
    for (const day of pd.combinations[c]![i]!) {
      const cell = c * pd.dayCount + day;
      const job = pd.visitJob[cell]!;
      state.excluded[job] = 0;
      state.insert(job, state.routes[this.dayRoute[cell]!]!, this.dayAfter[cell]!);
    }
    this.choice[c] = i;
  }

  /** Inserts a (removed) customer with its cheapest combination; false when none fits. */
  insertBest(c: number, blinkRate = 0): boolean {
    if (this.pd.impossible[c]) return false;
    this.evaluateDays(c, blinkRate);
    const { best } = this.rankCombinations(c);
    if (best === NONE) return false;
    this.applyCombination(c, best);
    return true;
  }

  /**
   * Whole customers back in: regret-2 over combinations (the customer whose best combination
   * beats its second best by most goes first), or cheapest-first in a random order.
   */
  private insertCustomers(customers: number[], blinkRate: number): void {
    const pd = this.pd;
    const pending = customers.filter((c) => this.choice[c] === NONE && !pd.impossible[c]);
    if (pending.length === 0) return;
    if (pending.length > 40 || this.random.next() < 0.4) {
      this.random.shuffle(pending);
      if (this.random.next() < 0.5) pending.sort((a, b) => this.hardness(b) - this.hardness(a));
      for (const c of pending) this.insertBest(c, blinkRate);
      return;
    }
    for (const c of pending) this.evaluateDays(c, blinkRate);
    const open = new Set(pending);
    while (open.size > 0) {
      let chosen = NONE;
      let chosenCombination = NONE;
      let chosenRegret = Number.NEGATIVE_INFINITY;
      let chosenWeight = Number.NEGATIVE_INFINITY;
      for (const c of open) {
        const { best, cost, second } = this.rankCombinations(c);
        if (best === NONE) continue;
        const regret = second === Number.POSITIVE_INFINITY ? 1e30 - cost : second - cost;
        const weight = pd.dropWeight[c]!;
        if (weight > chosenWeight || (weight === chosenWeight && regret > chosenRegret)) {
          chosen = c;
          chosenCombination = best;
          chosenRegret = regret;
          chosenWeight = weight;
        }
      }
      if (chosen === NONE) break;
      this.applyCombination(chosen, chosenCombination);
      open.delete(chosen);
      const days = pd.combinations[chosen]![chosenCombination]!;
      for (const c of open)
        for (const day of days) if (this.jobOf(c, day) >= 0) this.evaluateDay(c, day, blinkRate);
    }
  }

  /** Fewer combinations, more visits, bigger demand: harder. */
  private hardness(c: number): number {
    const pd = this.pd;
    const list = pd.combinations[c]!;
    const visits = list.length > 0 ? list[0]!.length : 0;
    const pinned = pd.problem.customers[c]!.pinned?.length ? 1 : 0;
    let demand = 0;
    for (const d of pd.problem.customers[c]!.demand ?? []) demand += d;
    return pinned * 1e9 + (1e6 * visits) / Math.max(1, list.length) + demand;
  }

  /**
   * A flexible visit may have changed day inside the day engine: its customer's combination
   * follows the route it is on.
   */
  private syncChoices(): void {
    const pd = this.pd;
    const state = this.state;
    for (let c = 0; c < pd.customerCount; c++) {
      if (!pd.flexible[c] || this.choice[c] === NONE) continue;
      const job = this.jobOf(c, pd.combinations[c]![this.choice[c]!]![0]!);
      const r = state.routeOf[job]!;
      if (r < 0) continue;
      const day = pd.vehicleDay[r]!;
      const list = pd.combinations[c]!;
      for (let i = 0; i < list.length; i++) {
        if (list[i]![0] === day) {
          this.choice[c] = i;
          break;
        }
      }
    }
  }

  /** Customers with a chosen combination but a visit left out are taken out entirely. */
  private dropIncomplete(): number[] {
    this.syncChoices();
    const pd = this.pd;
    const state = this.state;
    const out: number[] = [];
    for (let c = 0; c < pd.customerCount; c++) {
      const i = this.choice[c]!;
      if (i === NONE) continue;
      for (const day of pd.combinations[c]![i]!) {
        if (state.routeOf[this.jobOf(c, day)]! < 0) {
          this.removeCustomer(c);
          out.push(c);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Pattern moves: each customer in turn leaves all its days and comes back with its best
   * combination at its best positions (never worse: the old ones are candidates). Returns
   * the visit jobs that moved.
   */
  private improveCombinations(customers: readonly number[]): number[] {
    this.syncChoices();
    const pd = this.pd;
    const state = this.state;
    const moved: number[] = [];
    for (const c of customers) {
      const i = this.choice[c]!;
      if (i === NONE) continue;
      const before: number[] = [];
      for (const day of pd.combinations[c]![i]!) {
        const job = this.jobOf(c, day);
        before.push(state.routeOf[job]!, state.positionOf[job]!);
      }
      this.removeCustomer(c);
      if (!this.insertBest(c)) {
        // Cannot happen (the old positions are candidates), but never lose a customer.
        this.choice[c] = i;
        let k = 0;
        for (const day of pd.combinations[c]![i]!) {
          const job = this.jobOf(c, day);
          state.excluded[job] = 0;
          state.insert(job, state.routes[before[k]!]!, before[k + 1]! - 1);
          k += 2;
        }
        continue;
      }
      const now = this.choice[c]!;
      let same = now === i;
      if (same) {
        let k = 0;
        for (const day of pd.combinations[c]![i]!) {
          const job = this.jobOf(c, day);
          if (state.routeOf[job] !== before[k] || state.positionOf[job] !== before[k + 1]) same = false;
          k += 2;
        }
      }
      if (!same) for (const day of pd.combinations[c]![now]!) moved.push(this.jobOf(c, day));
    }
    return moved;
  }

  // ---- objective ---------------------------------------------------------------------

  movedVisits(): number {
    const pd = this.pd;
    if (pd.previousVisits === 0) return 0;
    this.syncChoices();
    let moved = 0;
    for (let c = 0; c < pd.customerCount; c++) {
      const i = this.choice[c]!;
      const days = i === NONE ? undefined : pd.combinations[c]![i]!;
      for (let k = 0; k < pd.dayCount; k++) {
        const previous = pd.previous[c * pd.dayCount + k]!;
        if (previous === -2) continue;
        if (!days?.includes(k)) {
          moved++;
          continue;
        }
        if (previous >= 0 && this.state.routeOf[this.jobOf(c, k)] !== previous) moved++;
      }
    }
    return moved;
  }

  /** Sum over vehicle-days of |work − mean work| (travel and service seconds). */
  imbalanceSeconds(): number {
    const data = this.pd.data;
    const routes = this.state.routes;
    const work = new Float64Array(routes.length);
    let total = 0;
    for (const route of routes) {
      let seconds = route.prefixTravel[route.size + 1]!;
      for (let p = 1; p <= route.size; p++) seconds += data.nodeService[route.nodes[p]!]!;
      work[route.index] = seconds;
      total += seconds;
    }
    const mean = total / Math.max(1, routes.length);
    let deviation = 0;
    for (const w of work) deviation += Math.abs(w - mean);
    return deviation;
  }

  objective(): PeriodicObjective {
    this.syncChoices();
    const pd = this.pd;
    let dropped = 0;
    for (let c = 0; c < pd.customerCount; c++) {
      if (this.choice[c] !== NONE) continue;
      const list = pd.problem.customers[c]!.combinations;
      let visits = Number.POSITIVE_INFINITY;
      for (const combination of list) visits = Math.min(visits, combination.length);
      dropped += pd.dropWeight[c]! * (Number.isFinite(visits) ? visits : 1);
    }
    let cost = this.state.cost();
    if (pd.previousVisits > 0) cost += pd.stabilityPenalty * this.movedVisits();
    if (this.options.balanceWeight > 0) cost += this.options.balanceWeight * this.imbalanceSeconds();
    return { dropped, cost };
  }

  private snapshot(): PeriodicSnapshot {
    return {
      routes: this.state.snapshot(),
      choice: this.choice.slice(),
      excluded: this.state.excluded.slice(),
      marks: this.localSearch.saveMarks(),
    };
  }

  restore(snapshot: PeriodicSnapshot): void {
    this.state.excluded.set(snapshot.excluded);
    this.choice.set(snapshot.choice);
    this.state.restore(snapshot.routes);
    this.localSearch.restoreMarks(snapshot.marks);
  }

  private recordBest(objective: PeriodicObjective, force = false): void {
    if (!force && compare(objective, this.bestObjective) >= 0) return;
    this.best = this.snapshot();
    this.bestObjective = objective;
    let unassigned = 0;
    for (let c = 0; c < this.pd.customerCount; c++) if (this.choice[c] === NONE) unassigned++;
    this.options.onProgress?.({
      iteration: this.iteration,
      elapsedMs: this.watch.elapsedMs(),
      cost: objective.cost,
      customersUnassigned: unassigned,
    });
  }

  // ---- construction and improvement ---------------------------------------------------

  /** The previous plan first (same days, same vehicles where they fit), then the rest. */
  construct(): void {
    const pd = this.pd;
    const order = [...Array(pd.customerCount).keys()].filter((c) => !pd.impossible[c]);
    this.random.shuffle(order);
    order.sort((a, b) => this.hardness(b) - this.hardness(a));
    if (pd.previousVisits > 0) {
      for (const c of order) {
        const days: number[] = [];
        for (let k = 0; k < pd.dayCount; k++) if (pd.previous[c * pd.dayCount + k]! !== -2) days.push(k);
        const i = pd.combinations[c]!.findIndex((list) => list.join(',') === days.join(','));
        if (i < 0) continue;
        this.evaluateDays(c, 0);
        if (
          pd.combinations[c]![i]!.every(
            (day) => this.dayDelta[c * pd.dayCount + day]! < Number.POSITIVE_INFINITY,
          )
        ) {
          this.applyCombination(c, i);
        }
      }
    }
    for (const c of order) if (this.choice[c] === NONE) this.insertBest(c);
    this.localSearch.run();
    const moved = this.improveCombinations(order);
    if (moved.length > 0) this.localSearch.run(moved, moved.length);
    let arcs = 0;
    for (const route of this.state.routes) if (route.jobCount > 0) arcs += route.jobCount + 1;
    this.arcCost = Math.max(1e-9, this.state.cost() / Math.max(1, arcs));
    this.recordBest(this.objective(), true);
  }

  /** Ruin and recreate; returns the customers whose plan was touched. */
  private ruinAndRecreate(): number[] {
    const pd = this.pd;
    const state = this.state;
    const random = this.random;
    const whole: number[] = [];
    const sameDay: number[] = [];
    const r = random.next();
    const averageRemoved = Math.max(2, Math.min(12, pd.data.jobCount / 8));
    if (r < 0.55) {
      // SISR strings on one day, sometimes two.
      const rounds = random.next() < 0.3 ? 2 : 1;
      for (let round = 0; round < rounds; round++) {
        const count = removeStrings(state, random, { averageRemoved, maxStringLength: 10 }, this.removed);
        for (let i = 0; i < count; i++) sameDay.push(this.removed[i]!);
      }
      const share = random.next() < 0.5 ? 0 : 0.5;
      const seen = new Set<number>();
      for (const job of sameDay) {
        const c = pd.customerOf[job]!;
        if (seen.has(c)) continue;
        seen.add(c);
        if (random.next() < share) {
          this.removeCustomer(c);
          whole.push(c);
        }
      }
    } else {
      // Whole customers: a seed and its closest ones, or random ones.
      const served = [...Array(pd.customerCount).keys()].filter((c) => this.choice[c] !== NONE);
      if (served.length === 0) return [];
      const count = 1 + random.below(Math.max(1, Math.ceil(averageRemoved / 2)));
      if (r < 0.85) {
        const seed = served[random.below(served.length)]!;
        const list = [seed, ...this.nearCustomers[seed]!];
        for (const c of list) {
          if (whole.length >= count) break;
          if (this.choice[c] === NONE || random.next() < 0.2) continue;
          this.removeCustomer(c);
          whole.push(c);
        }
      } else {
        random.shuffle(served);
        for (const c of served.slice(0, count)) {
          this.removeCustomer(c);
          whole.push(c);
        }
      }
    }
    const jobs = sameDay.filter((job) => state.routeOf[job]! < 0 && !state.excluded[job]);
    if (jobs.length > 0)
      insertGreedily(state, this.localSearch.context.first, random, jobs, { blinkRate: 0.01 });
    whole.push(...this.dropIncomplete());
    // Unserved customers get another chance every time.
    for (let c = 0; c < pd.customerCount; c++)
      if (this.choice[c] === NONE && !pd.impossible[c]) whole.push(c);
    this.insertCustomers([...new Set(whole)], 0.01);
    const touched = new Set<number>(whole);
    for (const job of sameDay) touched.add(pd.customerOf[job]!);
    return [...touched];
  }

  private visitsOf(customers: readonly number[]): number[] {
    const jobs = new Set<number>();
    for (const c of customers) {
      for (let k = 0; k < this.pd.dayCount; k++) {
        const job = this.jobOf(c, k);
        if (job >= 0 && this.state.routeOf[job]! >= 0) jobs.add(job);
      }
    }
    return [...jobs];
  }

  improve(): void {
    const start = this.watch.elapsedMs();
    const limit = this.options.stopping.timeLimitMs;
    const t0 = 0.6 * this.arcCost;
    const tf = 0.01 * this.arcCost;
    let current = this.bestObjective;
    let currentSnapshot = this.best;
    while (!this.watch.done(this.iteration, 0)) {
      this.iteration++;
      const progress =
        limit !== undefined
          ? (this.watch.elapsedMs() - start) / Math.max(1, limit - start)
          : this.watch.progress(this.iteration);
      const temperature = t0 * (tf / t0) ** Math.min(1, progress);
      const touched = this.ruinAndRecreate();
      let focus = this.visitsOf(touched);
      this.localSearch.run(focus, focus.length);
      const moved = this.improveCombinations(touched);
      if (moved.length > 0) this.localSearch.run(moved, moved.length);
      // The local search may have left a customer incomplete only through insertDropped,
      // which never sees excluded visits; stay safe anyway.
      const dropped = this.dropIncomplete();
      if (dropped.length > 0) {
        this.insertCustomers(dropped, 0);
        focus = this.visitsOf(dropped);
        if (focus.length > 0) this.localSearch.run(focus, focus.length);
        this.dropIncomplete();
      }
      const candidate = this.objective();
      const order = compare(candidate, current);
      const accept =
        order < 0 ||
        (candidate.dropped === current.dropped &&
          candidate.cost < current.cost - temperature * Math.log(this.random.next()));
      if (accept) {
        current = candidate;
        currentSnapshot = this.snapshot();
        this.recordBest(candidate);
      } else {
        this.restore(currentSnapshot);
      }
    }
    this.restore(this.best);
  }
}
