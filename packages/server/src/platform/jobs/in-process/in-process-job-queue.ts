import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { assertJobName, type JobHandler, type JobQueue } from '../job-queue.ts';
import { cancelJobRow, claimNextJob, getJobRow, insertJob, purgeFinishedJobs } from '../job-store.ts';
import { runJob, settlesWithin } from '../run-job.ts';

export interface InProcessJobQueueOptions {
  /** The embedded database (the queue's table is `platform_jobs`). */
  db: Db;
  /** How often an idle worker looks for jobs queued by another queue object (default 1 s). */
  pollMs?: number;
  /** How often a running job's row is read for a cancel (default 1 s). */
  cancelPollMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The job queue of the embedded database: jobs are rows of `platform_jobs`, so they survive a
 * restart; one worker loop in this process runs them one at a time (PGlite runs one query at a
 * time anyway). The database folder is locked to one process, so on start every job left
 * `running` (by a crash, or a stop that did not wait for it) is queued again.
 *
 * @example
 * const jobs = createInProcessJobQueue({ db: database.db });
 */
export function createInProcessJobQueue({
  db,
  pollMs = 1_000,
  cancelPollMs = 1_000,
  onError = () => {},
}: InProcessJobQueueOptions): JobQueue {
  const handlers = new Map<string, JobHandler<unknown, unknown>>();
  let state: 'stopped' | 'running' | 'stopping' = 'stopped';
  let stopping = new AbortController();
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  const nudge = () => wake?.();

  let generation = 0;
  async function workLoop(mine: number) {
    while (state === 'running' && generation === mine) {
      let ran = false;
      try {
        const job = await claimNextJob(db, [...handlers.keys()]);
        if (job) {
          ran = true;
          await runJob({
            db,
            job,
            handler: handlers.get(job.name)!,
            stopping: stopping.signal,
            cancelPollMs,
            onError,
          });
        }
      } catch (error) {
        onError(error);
      }
      if (!ran && state === 'running') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  }

  return {
    kind: 'in-process',
    async enqueue(name, payload, { tenantId, singletonKey }) {
      assertJobName(name);
      const { id } = await insertJob(db, { name, tenantId, payload, singletonKey });
      nudge();
      return id;
    },
    async work(name, handler) {
      assertJobName(name);
      if (handlers.has(name)) throw new Error(`job ${name} already has a handler`);
      handlers.set(name, handler as JobHandler<unknown, unknown>);
      nudge();
    },
    getJob: (jobId, options) => getJobRow(db, jobId, options?.tenantId),
    async cancel(jobId, options) {
      return (await cancelJobRow(db, jobId, options?.tenantId)) !== null;
    },
    async start() {
      if (state !== 'stopped') return;
      await db.execute(
        sql`update platform_jobs set state = 'queued', updated_at = now() where state = 'running'`,
      );
      await purgeFinishedJobs(db);
      state = 'running';
      stopping = new AbortController();
      loop = workLoop(++generation);
    },
    async stop({ timeoutMs = 30_000 } = {}) {
      if (state !== 'running') return;
      state = 'stopping';
      nudge();
      // A handler that ignores its signal is left behind after a second timeout: its job stays
      // running and is queued again on the next start.
      if (!(await settlesWithin(loop!, timeoutMs))) {
        stopping.abort();
        await settlesWithin(loop!, timeoutMs);
      }
      loop = null;
      state = 'stopped';
    },
  };
}
