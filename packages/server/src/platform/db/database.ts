import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;

/** A Drizzle handle on either driver (PGlite embedded, or node-postgres). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction handle; every tenant-scoped query runs on one of these. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Driver = 'pglite' | 'pg';

/** An open database: the Drizzle handle plus what it takes to close it. */
export interface Database {
  readonly db: Db;
  readonly driver: Driver;
  close(): Promise<void>;
}
