import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

type NoSchema = Record<string, never>;

/**
 * A Drizzle handle on either driver (PGlite embedded, or node-postgres). The platform knows no
 * domain's tables: queries name the tables they use (each domain owns its `tables.ts`), so no
 * schema is registered on the handle.
 */
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;

/** A transaction handle; every tenant-scoped query runs on one of these. */
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;

export type Driver = 'pglite' | 'pg';

/** An open database: the Drizzle handle plus what it takes to close it. */
export interface Database {
  readonly db: Db;
  readonly driver: Driver;
  close(): Promise<void>;
}
