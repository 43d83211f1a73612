import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../paths.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database, Db } from './database.ts';

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string of the app's login; when absent PGlite is used. */
  databaseUrl?: string | undefined;
  /**
   * The owner's PostgreSQL connection string (migrations, seeds, test fixtures); `admin` gets a
   * pool of its own when it differs from databaseUrl. Ignored on PGlite.
   */
  adminUrl?: string | undefined;
  /** PGlite folder (locked for this process); ignored with databaseUrl. Absent = in memory. */
  dataDir?: string | undefined;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

/** An open database that can also apply the migrations in packages/server/drizzle. */
export interface MigratableDatabase extends Database {
  /**
   * The owner's handle (migrations, the demo seed, test fixtures): outside row-level security.
   * A pool on `adminUrl` when one is given; otherwise, and always on PGlite (a single-user
   * database), the same handle as `db`.
   */
  readonly admin: Db;
  migrate(): Promise<void>;
}

/**
 * Opens the database the configuration names: node-postgres when `databaseUrl` is set (and a
 * second pool for the owner when `adminUrl` differs), otherwise PGlite on disk under
 * `<dataDir>/pgdata` (with an exclusive folder lock) or in memory. Migrations run, through the
 * owner's handle, unless `migrate: false`.
 *
 * @example
 * const database = await openDatabase({
 *   dataDir: config.dataDir,
 *   databaseUrl: config.databaseUrl,
 *   adminUrl: config.databaseAdminUrl,
 * });
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<MigratableDatabase> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.adminUrl)
    : await openPglite(options.dataDir);
  if (options.migrate !== false) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<MigratableDatabase> {
  const lock = dataDir ? lockDataDir(dataDir) : null;
  let client: PGlite;
  try {
    client = dataDir ? await PGlite.create(join(dataDir, 'pgdata')) : await PGlite.create();
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client });
  let closed = false;
  return {
    db: db as unknown as Db,
    admin: db as unknown as Db,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Arbitrary constant: serialises migrations of several app instances on one PostgreSQL. */
const MIGRATION_LOCK_KEY = 726_451_001;

function openPostgres(url: string, adminUrl: string | undefined): MigratableDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // The owner only migrates and seeds: a small pool, opened only when it is another login.
  const adminPool = adminUrl && adminUrl !== url ? new pg.Pool({ connectionString: adminUrl, max: 4 }) : pool;
  const db = drizzlePg({ client: pool });
  const admin = adminPool === pool ? db : drizzlePg({ client: adminPool });
  let closed = false;
  return {
    db: db as unknown as Db,
    admin: admin as unknown as Db,
    driver: 'pg',
    async migrate() {
      const client = await adminPool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([pool.end(), ...(adminPool === pool ? [] : [adminPool.end()])]);
    },
  };
}
