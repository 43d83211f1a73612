/** When the search stops: any criterion that is set and reached ends it. */
export interface StoppingCriterion {
  /** Wall-clock budget in milliseconds. */
  timeLimitMs?: number;
  maxIterations?: number;
  /** Stop after this many iterations without a new best solution. */
  maxIterationsWithoutImprovement?: number;
  /** Polled between iterations; return true to stop (cancellation). */
  shouldStop?: () => boolean;
}

export class StopWatch {
  private readonly started = performance.now();
  private readonly criterion: StoppingCriterion;

  constructor(criterion: StoppingCriterion) {
    this.criterion = criterion;
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  /** Fraction of the time budget used, or of the iteration budget when there is no time limit. */
  progress(iteration: number): number {
    const c = this.criterion;
    if (c.maxIterations !== undefined) return Math.min(1, iteration / c.maxIterations);
    if (c.timeLimitMs !== undefined) return Math.min(1, this.elapsedMs() / c.timeLimitMs);
    return 0;
  }

  done(iteration: number, sinceImprovement: number): boolean {
    const c = this.criterion;
    if (c.maxIterations !== undefined && iteration >= c.maxIterations) return true;
    if (
      c.maxIterationsWithoutImprovement !== undefined &&
      sinceImprovement >= c.maxIterationsWithoutImprovement
    ) {
      return true;
    }
    if (c.timeLimitMs !== undefined && this.elapsedMs() >= c.timeLimitMs) return true;
    return c.shouldStop?.() ?? false;
  }
}
