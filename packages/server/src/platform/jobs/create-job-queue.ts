import type { MigratableDatabase } from '../db/open-database.ts';
import { createInProcessJobQueue } from './in-process/in-process-job-queue.ts';
import type { JobQueue } from './job-queue.ts';
import { createPgBossJobQueue } from './pg-boss/pg-boss-job-queue.ts';

export interface CreateJobQueueOptions {
  database: MigratableDatabase;
  onError?: (error: unknown) => void;
}

/**
 * The job queue for the database's driver: in-process on the embedded database (PGlite),
 * pg-boss on PostgreSQL.
 *
 * @example
 * const jobs = createJobQueue({ database, onError: (error) => logger.error({ err: error }, 'job queue') });
 * await jobs.start();
 */
export function createJobQueue({ database, onError }: CreateJobQueueOptions): JobQueue {
  return database.driver === 'pg'
    ? createPgBossJobQueue({ db: database.db, admin: database.admin, ...(onError && { onError }) })
    : createInProcessJobQueue({ db: database.db, ...(onError && { onError }) });
}
