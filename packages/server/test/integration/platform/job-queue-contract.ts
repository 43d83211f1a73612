import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/platform/db/database.ts';
import type { Job, JobQueue } from '../../../src/platform/jobs/job-queue.ts';

export interface JobQueueContractOptions {
  /** A name for the suite: the implementation. */
  name: string;
  /** When set, the suite is skipped, and this says why. */
  skip?: string | undefined;
  /** The owner's handle of the database the queues share (for a tenant row). */
  admin(): Db;
  /**
   * A new queue object on the same database: a second call is another app instance, or the same
   * app after a restart. Poll and cancel intervals short enough for a test.
   */
  create(): JobQueue;
  /** Removes what the implementation keeps per job name (pg-boss: a table per queue), after the suite. */
  cleanup?(names: string[]): Promise<void>;
}

/** Waits until `check` returns something truthy (polling every 20 ms), or fails after `timeoutMs`. */
async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A promise with its resolve function, to hold a handler until the test lets it go. */
function latch() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

/**
 * The behaviour every job queue implementation must have (Hono's router `runTest` style): each
 * implementation's test file is a call to this.
 */
export function runJobQueueContract(options: JobQueueContractOptions) {
  describe.skipIf(Boolean(options.skip))(
    `job queue contract: ${options.name}${options.skip ? ` (skipped: ${options.skip})` : ''}`,
    () => {
      const tenantId = `jobs-${randomUUID()}`;
      const queues: JobQueue[] = [];
      const open = () => {
        const queue = options.create();
        queues.push(queue);
        return queue;
      };
      /**
       * A name per test and run, so one test's job is never taken by another test's (or another
       * run's) handler; `cleanup` removes them afterwards.
       */
      const run = randomUUID().slice(0, 8);
      const names: string[] = [];
      const jobName = (label: string) => {
        const name = `test.${label}.${run}`;
        names.push(name);
        return name;
      };
      const stateOf = (queue: JobQueue, id: string, state: Job['state']) =>
        eventually(async () => {
          const job = await queue.getJob(id);
          return job?.state === state ? job : null;
        }, `job ${id} to be ${state}`);

      let queue: JobQueue;
      beforeAll(async () => {
        await options
          .admin()
          .execute(
            sql`insert into organization (id, name, slug) values (${tenantId}, 'Jobs Test', ${tenantId})`,
          );
        queue = open();
        await queue.start();
      });
      afterAll(async () => {
        for (const q of queues) await q.stop({ timeoutMs: 1_000 });
        await options.cleanup?.(names);
        await options.admin().execute(sql`delete from organization where id = ${tenantId}`);
      });

      it('runs a queued job to completion and keeps its result', async () => {
        const name = jobName('complete');
        await queue.work<{ n: number }, { doubled: number }>(name, async (job) => ({
          doubled: job.payload.n * 2,
        }));
        const id = await queue.enqueue(name, { n: 21 }, { tenantId });
        const job = await stateOf(queue, id, 'completed');
        expect(job).toMatchObject({
          name,
          tenantId,
          payload: { n: 21 },
          result: { doubled: 42 },
          error: null,
          attempts: 1,
          progress: { fraction: 1 },
        });
        expect(job.finishedAt!.getTime()).toBeGreaterThanOrEqual(job.startedAt!.getTime());
      });

      it('shows the progress of a running job to another instance', async () => {
        const name = jobName('progress');
        const hold = latch();
        await queue.work(name, async (_job, { reportProgress }) => {
          await reportProgress(0.4, '2日目を最適化中');
          await hold.promise;
          return 'done';
        });
        const id = await queue.enqueue(name, {}, { tenantId });
        const elsewhere = open(); // not started: another app instance serving requests
        const running = await eventually(async () => {
          const job = await elsewhere.getJob(id);
          return job?.state === 'running' && job.progress.fraction === 0.4 ? job : null;
        }, 'progress 0.4');
        expect(running.progress).toEqual({ fraction: 0.4, message: '2日目を最適化中' });
        hold.release();
        expect((await stateOf(elsewhere, id, 'completed')).result).toBe('done');
      });

      it('writes the latest of many progress reports made at once, without queueing them all', async () => {
        const name = jobName('progress-burst');
        let writtenBeforeReturn = false;
        await queue.work(name, async (_job, { reportProgress }) => {
          const started = Date.now();
          for (let i = 1; i <= 20_000; i++) void reportProgress(i / 40_000, `step ${i}`);
          await reportProgress(0.75, 'last');
          writtenBeforeReturn = Date.now() - started < 2_000;
          return null;
        });
        const id = await queue.enqueue(name, {}, { tenantId });
        await stateOf(queue, id, 'completed');
        expect(writtenBeforeReturn).toBe(true);
        const elsewhere = open();
        expect((await elsewhere.getJob(id))?.progress).toEqual({ fraction: 1, message: 'last' });
      });

      it('records a failure with its error message', async () => {
        const name = jobName('failure');
        await queue.work(name, async () => {
          throw new Error('担当者の勤務時間が未設定です');
        });
        const id = await queue.enqueue(name, {}, { tenantId });
        const job = await stateOf(queue, id, 'failed');
        expect(job.error).toBe('担当者の勤務時間が未設定です');
        expect(job.result).toBeNull();
      });

      it("cancels a running job from another instance: the handler's signal fires", async () => {
        const name = jobName('cancel-running');
        let aborted: unknown = null;
        await queue.work(name, async (_job, { signal, reportProgress }) => {
          await reportProgress(0.1, 'started');
          await new Promise<void>((_resolve, reject) => {
            signal.addEventListener('abort', () => {
              aborted = signal.reason;
              reject(signal.reason);
            });
          });
        });
        const id = await queue.enqueue(name, {}, { tenantId });
        await stateOf(queue, id, 'running');
        const elsewhere = open();
        expect(await elsewhere.cancel(id)).toBe(true);
        await eventually(async () => aborted, 'the handler to see the abort');
        expect(String(aborted)).toMatch(/cancelled/);
        const job = await elsewhere.getJob(id);
        expect(job).toMatchObject({ state: 'cancelled', error: null });
        expect(await elsewhere.cancel(id)).toBe(false);
      });

      it('cancels a queued job before it runs', async () => {
        const name = jobName('cancel-queued');
        const id = await queue.enqueue(name, {}, { tenantId });
        expect(await queue.cancel(id)).toBe(true);
        let ran = false;
        await queue.work(name, async () => {
          ran = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect((await queue.getJob(id))?.state).toBe('cancelled');
        expect(ran).toBe(false);
      });

      it('keeps one job per singleton key while it is queued or running, and allows the next after', async () => {
        const name = jobName('singleton');
        const hold = latch();
        let runs = 0;
        await queue.work(name, async () => {
          runs++;
          await hold.promise;
        });
        const first = await queue.enqueue(name, { team: 'A' }, { tenantId, singletonKey: 'team-A' });
        await stateOf(queue, first, 'running');
        expect(await queue.enqueue(name, { team: 'A' }, { tenantId, singletonKey: 'team-A' })).toBe(first);
        const otherKey = await queue.enqueue(name, { team: 'B' }, { tenantId, singletonKey: 'team-B' });
        expect(otherKey).not.toBe(first);
        hold.release();
        await stateOf(queue, first, 'completed');
        await stateOf(queue, otherKey, 'completed');
        const next = await queue.enqueue(name, { team: 'A' }, { tenantId, singletonKey: 'team-A' });
        expect(next).not.toBe(first);
        await stateOf(queue, next, 'completed');
        expect(runs).toBe(3);
      });

      it('runs after a restart a job queued before it', async () => {
        const name = jobName('restart-queued');
        const before = open();
        await before.start();
        const id = await before.enqueue(name, { n: 1 }, { tenantId });
        await before.stop();
        const after = open();
        await after.work<{ n: number }>(name, async (job) => job.payload.n + 1);
        await after.start();
        expect((await stateOf(after, id, 'completed')).result).toBe(2);
      });

      it('runs again after a restart a job that a stop interrupted', async () => {
        const name = jobName('restart-running');
        const before = open();
        await before.work(name, async (_job, { signal }) => {
          await new Promise((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason)),
          );
        });
        await before.start();
        const id = await before.enqueue(name, {}, { tenantId });
        await stateOf(before, id, 'running');
        await before.stop({ timeoutMs: 50 });
        expect((await before.getJob(id))?.state).toBe('queued');
        const after = open();
        await after.work(name, async () => 'second run');
        await after.start();
        const job = await stateOf(after, id, 'completed');
        expect(job).toMatchObject({ result: 'second run', attempts: 2 });
      });

      it('stops within twice its timeout even when a handler ignores its signal', async () => {
        const name = jobName('stubborn');
        const before = open();
        const hold = latch();
        await before.work(name, () => hold.promise);
        await before.start();
        const id = await before.enqueue(name, {}, { tenantId });
        await stateOf(before, id, 'running');
        const started = Date.now();
        await before.stop({ timeoutMs: 100 });
        expect(Date.now() - started).toBeLessThan(1_500);
        hold.release();
        await queue.cancel(id);
      });

      it("hides another tenant's job when asked for the caller's tenant", async () => {
        const id = await queue.enqueue(jobName('tenant'), {}, { tenantId });
        expect(await queue.getJob(id, { tenantId: 'another-tenant' })).toBeNull();
        expect(await queue.cancel(id, { tenantId: 'another-tenant' })).toBe(false);
        expect(await queue.getJob(id, { tenantId })).not.toBeNull();
        expect(await queue.getJob('not-a-job-id')).toBeNull();
        await queue.cancel(id);
      });
    },
  );
}
