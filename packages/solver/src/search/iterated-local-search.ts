import type { ProblemData } from '../model/problem-data.ts';
import { insertGreedily } from './greedy-insertion.ts';
import { LocalSearch } from './local-search.ts';
import { Random } from './random.ts';
import { insertWithRegret } from './regret-insertion.ts';
import { compareObjectives, type Objective, SearchState, type Snapshot, sameDrops } from './search-state.ts';
import { type StoppingCriterion, StopWatch } from './stopping-criterion.ts';
import { removeRandom, removeStrings } from './string-removal.ts';

export interface Progress {
  iteration: number;
  elapsedMs: number;
  objective: Objective;
  vehicles: number;
}

export interface SearchOptions {
  seed: number;
  stopping: StoppingCriterion;
  /** Hierarchical objective: fewest vehicles first, then cost. */
  minimiseVehicles?: boolean;
  onProgress?: (progress: Progress) => void;
  /** Jobs the search must leave out (nobody can serve them). */
  excluded?: Uint8Array;
  /** SISR's average number of removed jobs. */
  averageRemoved?: number;
  /** Start and final temperatures, as multiples of the average arc cost. */
  startTemperature?: number;
  finalTemperature?: number;
}

/**
 * Iterated local search with SISR ruin-and-recreate and simulated-annealing acceptance:
 * each iteration removes strings of nearby jobs, re-inserts them greedily with blinks,
 * descends with the granular local search (relocate, or-opt, swap, cross-exchange, 2-opt*,
 * 2-opt, SWAP*), and accepts by the lexicographic objective with an annealed threshold on cost.
 * With `minimiseVehicles`, a route-elimination phase runs first (see eliminateRoutes).
 */
export function iteratedLocalSearch(
  data: ProblemData,
  options: SearchOptions,
): { state: SearchState; iterations: number } {
  const search = new Search(data, options);
  search.construct();
  if (options.minimiseVehicles) {
    search.eliminateRoutes(0.55);
    search.freezeFleet();
  }
  search.improve(1);
  search.state.restore(search.best);
  return { state: search.state, iterations: search.iteration };
}

class Search {
  readonly data: ProblemData;
  readonly options: SearchOptions;
  readonly state: SearchState;
  readonly random: Random;
  readonly localSearch: LocalSearch;
  readonly watch: StopWatch;
  readonly removed: Int32Array;
  private readonly freshMarks: Uint8Array;
  private readonly ruinedRoutes: Uint8Array;
  best!: Snapshot;
  bestObjective!: Objective;
  bestVehicles = 0;
  iteration = 0;
  sinceImprovement = 0;
  /** Route elimination gives up an attempt after this many iterations without fewer drops. */
  stallLimit = Number.POSITIVE_INFINITY;
  arcCost = 1;

  constructor(data: ProblemData, options: SearchOptions) {
    this.data = data;
    this.options = options;
    this.state = new SearchState(data);
    if (options.excluded) this.state.excluded.set(options.excluded);
    this.random = new Random(options.seed);
    this.localSearch = new LocalSearch(this.state, this.random);
    this.watch = new StopWatch(options.stopping);
    this.removed = new Int32Array(data.jobCount);
    this.freshMarks = new Uint8Array(data.jobCount);
    this.ruinedRoutes = new Uint8Array(data.vehicleCount);
  }

  construct(): void {
    const state = this.state;
    const jobs = state.unassignedJobs();
    if (this.data.jobCount <= 300) {
      insertWithRegret(state, this.localSearch.context.first, jobs);
    } else {
      insertGreedily(state, this.localSearch.context.first, this.random, jobs, { blinkRate: 0 });
    }
    this.localSearch.run();
    this.recordBest(true);
    const objective = this.bestObjective;
    let arcs = 0;
    let travel = objective.cost;
    for (const route of state.routes) {
      if (route.jobCount === 0) continue;
      arcs += route.jobCount + 1;
      travel -= this.data.fixedCost[route.vehicle]!;
    }
    this.arcCost = Math.max(1e-9, travel / Math.max(1, arcs));
  }

  private recordBest(force = false): boolean {
    const objective = this.state.objective();
    const vehicles = this.state.usedVehicles();
    if (!force && compareObjectives(objective, this.bestObjective) >= 0) return false;
    this.best = this.state.snapshot();
    this.bestObjective = objective;
    this.bestVehicles = vehicles;
    this.sinceImprovement = 0;
    this.options.onProgress?.({
      iteration: this.iteration,
      elapsedMs: this.watch.elapsedMs(),
      objective,
      vehicles,
    });
    return true;
  }

  /**
   * One ruin-and-recreate step, then a local search focused on the re-inserted jobs (others
   * join once a move changes their route): after a small ruin most of the solution is still
   * locally optimal, and the focus multiplies the iterations per second.
   */
  private ruinAndRecreate(weight?: Float64Array): void {
    const state = this.state;
    const n = this.data.jobCount;
    const averageRemoved = Math.max(2, Math.min(this.options.averageRemoved ?? 10, n / 4));
    const before = state.tick();
    let count: number;
    if (this.random.next() < 0.1) {
      count = removeRandom(
        state,
        this.random,
        1 + this.random.below(Math.ceil(2 * averageRemoved)),
        this.removed,
      );
    } else {
      count = removeStrings(
        state,
        this.random,
        {
          averageRemoved,
          maxStringLength: 10,
          droppedSeedShare: weight ? 0.8 : 0,
        },
        this.removed,
      );
    }
    const jobs = state.unassignedJobs();
    // Jobs dropped before this ruin found no room after the last local search: only the ruined
    // routes can take them now.
    const fresh = this.freshMarks;
    fresh.fill(0);
    for (let k = 0; k < count; k++) fresh[this.removed[k]!] = 1;
    const ruined = this.ruinedRoutes;
    for (const route of state.routes) ruined[route.index] = route.changedAt > before ? 1 : 0;
    insertGreedily(state, this.localSearch.context.first, this.random, jobs, {
      blinkRate: 0.01,
      ...(weight ? { weight } : { fresh, oldJobRoutes: ruined }),
    });
    this.localSearch.run(jobs, jobs.length);
  }

  /** Keeps the fleet of the best solution: unused vehicles are switched off. */
  freezeFleet(): void {
    this.localSearch.ejectionWeight = undefined;
    const state = this.state;
    state.restore(this.best);
    for (const r of state.routes) if (r.jobCount === 0) state.enabled[r.vehicle] = 0;
    this.best = state.snapshot();
  }

  /** Cost improvement with annealed acceptance, for `share` of the remaining budget. */
  improve(share: number): void {
    const state = this.state;
    const start = this.watch.elapsedMs();
    const limit = this.options.stopping.timeLimitMs;
    const end = limit === undefined ? undefined : start + (limit - start) * share;
    const t0 = (this.options.startTemperature ?? 0.6) * this.arcCost;
    const tf = (this.options.finalTemperature ?? 0.01) * this.arcCost;
    this.localSearch.ejectionWeight = undefined;
    let current = state.objective();
    let currentSnapshot = state.snapshot();
    let currentMarks = this.localSearch.saveMarks();
    const startIteration = this.iteration;
    while (!this.watch.done(this.iteration, this.sinceImprovement)) {
      if (end !== undefined && this.watch.elapsedMs() >= end) break;
      this.iteration++;
      this.sinceImprovement++;
      const progress =
        end !== undefined && limit !== undefined
          ? (this.watch.elapsedMs() - start) / Math.max(1, end - start)
          : this.watch.progress(this.iteration - startIteration);
      const temperature = t0 * (tf / t0) ** Math.min(1, progress);
      this.ruinAndRecreate();
      const candidate = state.objective();
      const order = compareObjectives(candidate, current);
      const accept =
        order < 0 ||
        (sameDrops(candidate, current) &&
          candidate.cost < current.cost - temperature * Math.log(this.random.next()));
      if (accept) {
        current = candidate;
        currentSnapshot = state.snapshot();
        currentMarks = this.localSearch.saveMarks();
        this.recordBest();
      } else {
        state.restore(currentSnapshot);
        this.localSearch.restoreMarks(currentMarks);
      }
    }
  }

  /**
   * Route elimination (for the hierarchical objective): take the best solution, empty its
   * smallest route, switch that vehicle off and search with SISR's absence-weighted
   * acceptance until every job is back in; repeat while it works and time remains.
   */
  eliminateRoutes(share: number): void {
    const state = this.state;
    const limit = this.options.stopping.timeLimitMs;
    const start = this.watch.elapsedMs();
    const end = limit === undefined ? undefined : start + (limit - start) * share;
    const absence = new Float64Array(this.data.jobCount);
    const maxIterations = this.options.stopping.maxIterations;
    const iterationEnd = maxIterations === undefined ? undefined : Math.floor(maxIterations * share);
    const outOfTime = () =>
      (end !== undefined && this.watch.elapsedMs() >= end) ||
      (iterationEnd !== undefined && this.iteration >= iterationEnd) ||
      this.watch.done(this.iteration, 0);
    this.localSearch.ejectionWeight = absence;
    while (!outOfTime()) {
      state.restore(this.best);
      const used = state.routes.filter((r) => r.jobCount > 0);
      if (used.length <= 1) return;
      // Switch off every empty vehicle and the smallest used one.
      let smallest = used[0]!;
      for (const r of used) if (r.jobCount < smallest.jobCount) smallest = r;
      for (const r of state.routes) if (r.jobCount === 0) state.enabled[r.vehicle] = 0;
      state.enabled[smallest.vehicle] = 0;
      const jobs: number[] = [];
      for (let p = 1; p <= smallest.size; p++)
        if (smallest.nodes[p]! < this.data.jobCount) jobs.push(smallest.nodes[p]!);
      state.removeJobs(jobs, jobs.length);
      insertGreedily(state, this.localSearch.context.first, this.random, state.unassignedJobs(), {
        blinkRate: 0,
      });
      this.localSearch.run();
      let current = state.objective();
      let currentDropped = state.unassignedJobs().filter((j) => !state.excluded[j]);
      let fewestDropped = current.jobsDropped;
      let stalled = 0;
      let snapshot = state.snapshot();
      let marks = this.localSearch.saveMarks();
      while (current.jobsDropped > 0 && !outOfTime()) {
        this.iteration++;
        if (++stalled > this.stallLimit) break;
        this.ruinAndRecreate(absence);
        const candidate = state.objective();
        for (let j = 0; j < absence.length; j++) {
          if (state.routeOf[j]! < 0 && !state.excluded[j]) absence[j]!++;
        }
        // SISR: fewer dropped jobs, or dropped jobs that were dropped less often so far.
        let currentAbsence = 0;
        for (const j of currentDropped) currentAbsence += absence[j]!;
        const candidateAbsence = absenceSum(state, absence);
        if (candidate.jobsDropped < current.jobsDropped || candidateAbsence < currentAbsence) {
          current = candidate;
          currentDropped = state.unassignedJobs().filter((j) => !state.excluded[j]);
          snapshot = state.snapshot();
          marks = this.localSearch.saveMarks();
          if (current.jobsDropped < fewestDropped) {
            fewestDropped = current.jobsDropped;
            stalled = 0;
          }
        } else {
          state.restore(snapshot);
          this.localSearch.restoreMarks(marks);
        }
      }
      const baseline = this.bestObjective;
      if (
        current.jobsDropped > 0 ||
        compareObjectives(current, { ...baseline, cost: Number.POSITIVE_INFINITY }) > 0
      ) {
        state.restore(this.best);
        return;
      }
      // Fewer vehicles, nothing more dropped: the new reference, whatever its cost.
      this.best = state.snapshot();
      this.bestObjective = current;
      this.bestVehicles = state.usedVehicles();
      this.options.onProgress?.({
        iteration: this.iteration,
        elapsedMs: this.watch.elapsedMs(),
        objective: current,
        vehicles: this.bestVehicles,
      });
    }
    state.restore(this.best);
    this.localSearch.ejectionWeight = undefined;
  }
}

function absenceSum(state: SearchState, absence: Float64Array): number {
  let total = 0;
  for (let j = 0; j < absence.length; j++)
    if (state.routeOf[j]! < 0 && !state.excluded[j]) total += absence[j]!;
  return total;
}
