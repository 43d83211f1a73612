import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.ts';
import { queryRows } from '../db/query-rows.ts';
import type { Job, JobJson, JobState } from './job-queue.ts';

/**
 * The `platform_jobs` table (created by a custom migration, in raw SQL: the platform's queue
 * needs `for update skip locked` and partial indexes more than typed columns): what every app
 * instance knows about a job, whichever implementation delivers it.
 */
interface JobRow extends Record<string, unknown> {
  id: string;
  name: string;
  tenant_id: string;
  singleton_key: string | null;
  payload: unknown;
  state: JobState;
  progress: number;
  progress_message: string | null;
  result: unknown;
  error: string | null;
  attempts: number;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

const columns = sql.raw(`id::text, name, tenant_id, singleton_key, payload, state, progress, progress_message,
  result, error, attempts, created_at, started_at, finished_at`);

const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));

function toJob<P, R>(row: JobRow): Job<P, R> {
  return {
    id: row.id,
    name: row.name,
    tenantId: row.tenant_id,
    singletonKey: row.singleton_key,
    payload: row.payload as P,
    state: row.state,
    progress: { fraction: Number(row.progress), message: row.progress_message },
    result: (row.result ?? null) as R | null,
    error: row.error,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    startedAt: toDate(row.started_at),
    finishedAt: toDate(row.finished_at),
  };
}

const one = async <P, R>(db: Db | Tx, query: SQL) => {
  const [row] = await queryRows<JobRow>(db, query);
  return row ? toJob<P, R>(row) : null;
};

export interface InsertJobOptions {
  name: string;
  tenantId: string;
  payload: JobJson;
  singletonKey?: string | undefined;
}

/**
 * Inserts a queued job; returns `{ id, created: true }`, or the id of the singleton already
 * queued or running with `created: false`.
 */
export async function insertJob(
  db: Db | Tx,
  { name, tenantId, payload, singletonKey }: InsertJobOptions,
): Promise<{ id: string; created: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = randomUUID();
    const [inserted] = await queryRows<{ id: string }>(
      db,
      sql`insert into platform_jobs (id, tenant_id, name, singleton_key, payload)
        values (${id}, ${tenantId}, ${name}, ${singletonKey ?? null}, ${JSON.stringify(payload)}::jsonb)
        on conflict (tenant_id, name, singleton_key) where singleton_key is not null and state in ('queued', 'running')
        do nothing returning id::text`,
    );
    if (inserted) return { id: inserted.id, created: true };
    const [existing] = await queryRows<{ id: string }>(
      db,
      sql`select id::text from platform_jobs where tenant_id = ${tenantId} and name = ${name}
        and singleton_key = ${singletonKey ?? null} and state in ('queued', 'running')`,
    );
    // The other job may have finished in between: try again.
    if (existing) return { id: existing.id, created: false };
  }
  throw new Error(`could not enqueue ${name}: its singleton kept finishing and starting`);
}

export function getJobRow<P, R>(db: Db | Tx, id: string, tenantId?: string): Promise<Job<P, R> | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return one<P, R>(
    db,
    sql`select ${columns} from platform_jobs where id = ${id}::uuid
      ${tenantId === undefined ? sql`` : sql`and tenant_id = ${tenantId}`}`,
  );
}

/** Marks a job running (a new attempt) if it is queued, or running from an interrupted attempt. */
export function claimJob<P>(db: Db | Tx, id: string): Promise<Job<P, null> | null> {
  return one<P, null>(
    db,
    sql`update platform_jobs set state = 'running', attempts = attempts + 1, started_at = now(), updated_at = now(),
        progress = 0, progress_message = null
      where id = ${id}::uuid and state in ('queued', 'running')
      returning ${columns}`,
  );
}

/** Claims the oldest queued job of these names (the embedded queue's worker). */
export function claimNextJob<P>(db: Db | Tx, names: readonly string[]): Promise<Job<P, null> | null> {
  if (names.length === 0) return Promise.resolve(null);
  return one<P, null>(
    db,
    sql`update platform_jobs set state = 'running', attempts = attempts + 1, started_at = now(), updated_at = now(),
        progress = 0, progress_message = null
      where id = (select id from platform_jobs where state = 'queued'
          and name in (${sql.join(
            names.map((n) => sql`${n}`),
            sql`, `,
          )})
          order by created_at, id limit 1 for update skip locked)
      returning ${columns}`,
  );
}

export async function setProgress(db: Db | Tx, id: string, fraction: number, message: string | null) {
  await db.execute(sql`update platform_jobs set progress = ${fraction}, progress_message = ${message}, updated_at = now()
    where id = ${id}::uuid and state = 'running'`);
}

/** Ends a running job; a job cancelled meanwhile stays cancelled. */
export async function finishJob(
  db: Db | Tx,
  id: string,
  outcome: { state: 'completed'; result: unknown } | { state: 'failed'; error: string },
) {
  await db.execute(
    outcome.state === 'completed'
      ? sql`update platform_jobs set state = 'completed', result = ${JSON.stringify(outcome.result ?? null)}::jsonb,
          progress = 1, finished_at = now(), updated_at = now() where id = ${id}::uuid and state = 'running'`
      : sql`update platform_jobs set state = 'failed', error = ${outcome.error}, finished_at = now(), updated_at = now()
          where id = ${id}::uuid and state = 'running'`,
  );
}

/** Puts a running job back in the queue (its run was interrupted by a stop or a crash). */
export async function requeueJob(db: Db | Tx, id: string) {
  await db.execute(sql`update platform_jobs set state = 'queued', updated_at = now()
    where id = ${id}::uuid and state = 'running'`);
}

/** Cancels a queued or running job; returns its name, or null when it had already finished. */
export async function cancelJobRow(db: Db | Tx, id: string, tenantId?: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<{ name: string }>(
    db,
    sql`update platform_jobs set state = 'cancelled', finished_at = now(), updated_at = now()
      where id = ${id}::uuid and state in ('queued', 'running')
      ${tenantId === undefined ? sql`` : sql`and tenant_id = ${tenantId}`}
      returning name`,
  );
  return row?.name ?? null;
}

export async function jobStateOf(db: Db | Tx, id: string): Promise<JobState | null> {
  const [row] = await queryRows<{ state: JobState }>(
    db,
    sql`select state from platform_jobs where id = ${id}::uuid`,
  );
  return row?.state ?? null;
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Deletes jobs that finished more than `days` ago (run on start: the table keeps a month). */
export async function purgeFinishedJobs(db: Db | Tx, days = 30) {
  await db.execute(sql`delete from platform_jobs
    where state in ('completed', 'failed', 'cancelled') and finished_at < now() - make_interval(days => ${days})`);
}
