import { and, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { type AppError, versionConflict } from '../errors.ts';
import type { Tx } from './database.ts';

/** A table with optimistic concurrency: an integer `version` and an `updatedAt`. */
export type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn };

export interface UpdateVersionedOptions<T extends VersionedTable> {
  table: T;
  /** Which record, in the caller's scope (tenant and role conditions included). */
  where: SQL;
  /** The version the caller read. */
  version: number;
  set: PgUpdateSetSource<T>;
  /**
   * The record as the API shows it, or null when the caller cannot see it: read when nothing
   * matched, to tell a stale version (409 with the server's copy) from a missing record.
   */
  current: () => Promise<unknown | null>;
  /** The error for a record the caller cannot see (e.g. 404 customer not found). */
  notFound: () => AppError;
}

/**
 * The platform's optimistic concurrency: `UPDATE … SET …, version = version + 1 WHERE … AND
 * version = $read`. Nothing is overwritten when the version is stale: the caller gets
 * 409 `version_conflict` carrying `current`, the server's copy, so a client can show both.
 *
 * @example
 * await updateVersioned(tx, { table: customers, where: and(scope, eq(customers.id, id)), version,
 *   set: { notes }, current: () => loadCustomer(tx, actor, id), notFound: customerNotFound });
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  options: UpdateVersionedOptions<T>,
): Promise<void> {
  const { table } = options;
  const set = {
    ...options.set,
    version: sql`${table.version} + 1`,
    updatedAt: sql`now()`,
  } as PgUpdateSetSource<T>;
  const updated = await tx
    .update(table)
    .set(set)
    .where(and(options.where, sql`${table.version} = ${options.version}`))
    .returning({ version: table.version });
  if (updated.length > 0) return;
  const current = await options.current();
  throw current === null ? options.notFound() : versionConflict(current);
}
