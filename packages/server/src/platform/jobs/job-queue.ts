export const jobStates = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

/** JSON a job carries in (payload) or out (result). */
export type JobJson = null | boolean | number | string | JobJson[] | { [key: string]: JobJson };

/** A job as every app instance sees it (the `platform_jobs` row). */
export interface Job<Payload = unknown, Result = unknown> {
  readonly id: string;
  readonly name: string;
  readonly tenantId: string;
  readonly singletonKey: string | null;
  readonly payload: Payload;
  readonly state: JobState;
  readonly progress: { readonly fraction: number; readonly message: string | null };
  /** The handler's return value once completed. */
  readonly result: Result | null;
  /** The handler's error message once failed. */
  readonly error: string | null;
  /** Runs started, including one interrupted by a restart. */
  readonly attempts: number;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface JobContext {
  /**
   * Records how far the job is (0..1, clamped) and what it is doing; readable through getJob on
   * every app instance. Awaiting it is optional; reports made while one is being written replace
   * each other (the latest is written next), so reporting often costs nothing.
   */
  reportProgress(fraction: number, message?: string): Promise<void>;
  /** Aborted when the job is cancelled (from any instance) or the queue stops without waiting for it. */
  readonly signal: AbortSignal;
}

export type JobHandler<Payload = unknown, Result = unknown> = (
  job: Job<Payload, null>,
  context: JobContext,
) => Promise<Result>;

export interface EnqueueOptions {
  tenantId: string;
  /**
   * At most one job of this name and key per tenant is queued or running: enqueueing another
   * returns the id of the one already there.
   */
  singletonKey?: string;
}

/**
 * Work done off the request thread: plans, imports, exports. Jobs live in the shared
 * `platform_jobs` table (state, progress, result, error), so any app instance can follow or
 * cancel any job; delivery is the implementation's: `createInProcessJobQueue` on the embedded
 * database (a worker loop in this process, one job at a time) or `createPgBossJobQueue` on
 * PostgreSQL (pg-boss 10: any instance's worker takes it). `createJobQueue` picks by driver.
 *
 * @example
 * const jobs = createJobQueue({ database });
 * jobs.work<{ teamId: string }, { visits: number }>('planning.optimize', async (job, { reportProgress, signal }) => {
 *   await reportProgress(0.5, 'sequencing days');
 *   return { visits: 42 };
 * });
 * await jobs.start();
 * const id = await jobs.enqueue('planning.optimize', { teamId }, { tenantId, singletonKey: teamId });
 * (await jobs.getJob(id, { tenantId }))?.progress; // { fraction: 0.5, message: 'sequencing days' }
 */
export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  /**
   * Queues a job and returns its id (or the id of the singleton already queued or running). On
   * pg-boss, after start().
   */
  enqueue<Payload extends JobJson>(name: string, payload: Payload, options: EnqueueOptions): Promise<string>;
  /** Registers the handler of a job name (one per name); this instance's worker runs such jobs once started. */
  work<Payload = unknown, Result = unknown>(
    name: string,
    handler: JobHandler<Payload, Result>,
  ): Promise<void>;
  /** The job, or null when there is none (or, with `tenantId`, none of that tenant's). */
  getJob<Payload = unknown, Result = unknown>(
    jobId: string,
    options?: { tenantId?: string },
  ): Promise<Job<Payload, Result> | null>;
  /**
   * Cancels a queued or running job (its handler's signal fires, wherever it runs); false when
   * it had already finished or does not exist.
   */
  cancel(jobId: string, options?: { tenantId?: string }): Promise<boolean>;
  start(): Promise<void>;
  /**
   * Stops taking jobs and waits up to `timeoutMs` (default 30 s) for the running ones; a job still
   * running then is aborted and queued again, to run after the next start. A handler that ignores
   * its signal is not waited for beyond a second `timeoutMs`.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/** Names: letters, digits, `_`, `-` and `.`, e.g. `planning.optimize`. */
export const JOB_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

export function assertJobName(name: string): void {
  if (!JOB_NAME.test(name)) throw new TypeError(`invalid job name ${JSON.stringify(name)}`);
}
