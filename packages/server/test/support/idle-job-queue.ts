import { randomUUID } from 'node:crypto';
import type { Job, JobQueue } from '../../src/platform/jobs/job-queue.ts';

/**
 * A job queue that keeps what is enqueued and runs nothing: the default of createTestApp, so
 * suites that only call endpoints (the matrix, hostile input) queue plans without solving them.
 * Tests that run jobs pass a real queue (`createJobQueue`) to createTestApp.
 */
export function createIdleJobQueue(): JobQueue & { readonly jobs: ReadonlyMap<string, Job> } {
  const jobs = new Map<string, Job>();
  return {
    kind: 'in-process',
    jobs,
    async enqueue(name, payload, { tenantId, singletonKey }) {
      for (const job of jobs.values())
        if (
          singletonKey &&
          job.name === name &&
          job.tenantId === tenantId &&
          job.singletonKey === singletonKey &&
          (job.state === 'queued' || job.state === 'running')
        )
          return job.id;
      const id = randomUUID();
      jobs.set(id, {
        id,
        name,
        tenantId,
        singletonKey: singletonKey ?? null,
        payload,
        state: 'queued',
        progress: { fraction: 0, message: null },
        result: null,
        error: null,
        attempts: 0,
        createdAt: new Date(),
        startedAt: null,
        finishedAt: null,
      });
      return id;
    },
    async work() {},
    async getJob<P, R>(id: string, options?: { tenantId?: string }) {
      const job = jobs.get(id);
      if (!job || (options?.tenantId && job.tenantId !== options.tenantId)) return null;
      return job as Job<P, R>;
    },
    async cancel(id, options) {
      const job = jobs.get(id);
      if (!job || (options?.tenantId && job.tenantId !== options.tenantId)) return false;
      if (job.state !== 'queued' && job.state !== 'running') return false;
      jobs.set(id, { ...job, state: 'cancelled', finishedAt: new Date() });
      return true;
    },
    async start() {},
    async stop() {},
  };
}

/**
 * The queue with every job name prefixed: runs sharing the PostgreSQL test database (pg-boss)
 * neither take each other's jobs nor find another run's leftovers.
 */
export function withJobNamePrefix(queue: JobQueue, prefix: string): JobQueue {
  return {
    kind: queue.kind,
    enqueue: (name, payload, options) => queue.enqueue(`${prefix}${name}`, payload, options),
    work: (name, handler) => queue.work(`${prefix}${name}`, handler),
    getJob: (id, options) => queue.getJob(id, options),
    cancel: (id, options) => queue.cancel(id, options),
    start: () => queue.start(),
    stop: (options) => queue.stop(options),
  };
}
