import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Db } from '../../db/database.ts';
import { assertJobName, type JobHandler, type JobQueue } from '../job-queue.ts';
import { cancelJobRow, claimJob, getJobRow, insertJob, purgeFinishedJobs } from '../job-store.ts';
import { QueueStoppingError, runJob, settlesWithin } from '../run-job.ts';

export interface PgBossJobQueueOptions {
  /** The app's login (kayoi_runtime): sends, fetches and completes jobs, reads and writes platform_jobs. */
  db: Db;
  /** The owner: installs and migrates pg-boss's schema, creates its queues (DDL) and runs its maintenance. */
  admin: Db;
  /** pg-boss's polling interval in seconds (default 2; pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** How often a running job's row is read for a cancel made on another instance (default 1 s). */
  cancelPollMs?: number;
  /** A run longer than this is taken as lost (its instance died) and retried (default 1 h). */
  expireInSeconds?: number;
  onError?: (error: unknown) => void;
}

/** The node-postgres pool under a Drizzle handle (pg-boss runs its own SQL on it). */
function poolOf(db: Db): pg.Pool {
  const client = (db as unknown as { $client?: pg.Pool }).$client;
  if (!client || typeof client.connect !== 'function') {
    throw new TypeError('the pg-boss job queue needs a node-postgres database (DATABASE_URL)');
  }
  return client;
}

const executorOf = (client: pg.Pool | pg.PoolClient): PgBoss.Db => ({
  executeSql: (text, values) => client.query(text, values),
});

/**
 * The job queue on PostgreSQL: pg-boss 10 delivers each job to one worker of any app instance
 * (`for update skip locked`), retries a run whose instance died (after `expireInSeconds`) or that
 * a stop interrupted, and keeps its own tables tidy; `platform_jobs` holds what the app shows (state,
 * progress, result, error) and is written in the same transaction as pg-boss's job.
 *
 * Two pg-boss objects share the database's pools: the owner's (`admin`: schema install and
 * migrations, `create_queue`, which creates a partition table, and maintenance) and the app
 * login's (`db`: send, fetch, complete, cancel), which migration 0012 lets use the `pgboss`
 * schema's tables and nothing more.
 *
 * @example
 * const jobs = createPgBossJobQueue({ db: database.db, admin: database.admin });
 */
export function createPgBossJobQueue({
  db,
  admin,
  pollingIntervalSeconds = 2,
  cancelPollMs = 1_000,
  expireInSeconds = 3_600,
  onError = () => {},
}: PgBossJobQueueOptions): JobQueue {
  const pool = poolOf(db);
  const owner = new PgBoss({
    db: executorOf(poolOf(admin)),
    migrate: true,
    supervise: true,
    schedule: false,
  });
  const runtime = new PgBoss({ db: executorOf(pool), migrate: false, supervise: false, schedule: false });
  owner.on('error', onError);
  runtime.on('error', onError);
  const handlers = new Map<string, JobHandler<unknown, unknown>>();
  const workers = new Map<string, string>();
  const queues = new Set<string>();
  const running = new Set<Promise<unknown>>();
  let state: 'stopped' | 'starting' | 'running' | 'stopping' = 'stopped';
  let started: Promise<void> | null = null;
  let stopping = new AbortController();

  async function ensureQueue(name: string) {
    if (queues.has(name)) return;
    await started;
    await owner.createQueue(name, {
      name,
      policy: 'standard',
      retryLimit: 2,
      retryDelay: 1,
      expireInSeconds,
    });
    queues.add(name);
  }

  async function subscribe(name: string) {
    await ensureQueue(name);
    const handler = handlers.get(name)!;
    const id = await runtime.work<{ tenantId: string }>(
      name,
      { batchSize: 1, pollingIntervalSeconds },
      async ([delivered]) => {
        if (!delivered) return;
        const job = await claimJob(db, delivered.id);
        if (!job) return; // cancelled before it started, or finished by an earlier delivery
        const run = runJob({ db, job, handler, stopping: stopping.signal, cancelPollMs, onError });
        running.add(run);
        try {
          // Interrupted by a stop: fail the delivery so pg-boss hands it to a worker again.
          if ((await run) === 'interrupted')
            throw new QueueStoppingError('interrupted by a stop; queued again');
        } finally {
          running.delete(run);
        }
      },
    );
    workers.set(name, id);
  }

  return {
    kind: 'pg-boss',
    async enqueue(name, payload, { tenantId, singletonKey }) {
      assertJobName(name);
      if (state !== 'running' && state !== 'starting')
        throw new Error('start the job queue before enqueueing');
      await ensureQueue(name);
      const client = await pool.connect();
      try {
        await client.query('begin');
        const { id, created } = await insertJob(drizzle({ client }) as unknown as Db, {
          name,
          tenantId,
          payload,
          singletonKey,
        });
        if (created) {
          const sent = await runtime.send(name, { tenantId }, { id, db: executorOf(client) });
          if (!sent) throw new Error(`pg-boss did not take job ${id} (${name})`);
        }
        await client.query('commit');
        const worker = workers.get(name);
        if (created && worker) runtime.notifyWorker(worker);
        return id;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async work(name, handler) {
      assertJobName(name);
      if (handlers.has(name)) throw new Error(`job ${name} already has a handler`);
      handlers.set(name, handler as JobHandler<unknown, unknown>);
      if (state === 'running') await subscribe(name);
    },
    getJob: (jobId, options) => getJobRow(db, jobId, options?.tenantId),
    async cancel(jobId, options) {
      const name = await cancelJobRow(db, jobId, options?.tenantId);
      if (name === null) return false;
      if (state === 'running') await runtime.cancel(name, jobId).catch(onError);
      return true;
    },
    async start() {
      if (state !== 'stopped') return;
      state = 'starting';
      stopping = new AbortController();
      started = (async () => {
        await owner.start();
        await runtime.start();
        await purgeFinishedJobs(db);
      })();
      try {
        await started;
        for (const name of handlers.keys()) await subscribe(name);
        state = 'running';
      } catch (error) {
        state = 'stopped';
        throw error;
      }
    },
    async stop({ timeoutMs = 30_000 } = {}) {
      if (state !== 'running') return;
      state = 'stopping';
      for (const name of workers.keys()) await runtime.offWork(name);
      workers.clear();
      // A handler that ignores its signal is left behind after a second timeout: pg-boss hands its
      // job to a worker again once it expires.
      const all = Promise.allSettled([...running]);
      let abandoned = false;
      if (!(await settlesWithin(all, timeoutMs))) {
        stopping.abort();
        abandoned = !(await settlesWithin(all, timeoutMs));
      }
      // pg-boss would wait for an abandoned handler again (a second at least): it need not.
      await runtime.stop({ graceful: !abandoned, wait: true, timeout: 1_000, close: false });
      await owner.stop({ graceful: true, wait: true, timeout: 1_000, close: false });
      queues.clear();
      state = 'stopped';
    },
  };
}
