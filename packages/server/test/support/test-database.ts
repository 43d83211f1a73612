import { sql } from 'drizzle-orm';
import { type MigratableDatabase, openDatabase } from '../../src/platform/db/open-database.ts';

/** The login the app's handle uses on PostgreSQL: a member of kayoi_runtime, owner of nothing. */
export const TEST_APP_LOGIN = { user: 'kayoi_test_app', password: 'kayoi-test' } as const;

/**
 * A migrated database for one test file: in-memory PGlite by default, or the PostgreSQL
 * named by TEST_DATABASE_URL (`npm run test:pg`). Tests stay independent by creating their own
 * tenants (random ids) — never truncate. Open once per file (beforeAll) and close in afterAll.
 *
 * On PostgreSQL `admin` is TEST_DATABASE_URL (the owner: migrations, fixtures, reads that bypass
 * RLS) and `db` logs in as TEST_APP_LOGIN, like production. PGlite is single-user: both are the
 * same superuser handle there.
 *
 * @example
 * let database: MigratableDatabase;
 * beforeAll(async () => { database = await createTestDatabase(); });
 * afterAll(() => database.close());
 */
export async function createTestDatabase(): Promise<MigratableDatabase> {
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) return openDatabase();
  // The app's pool connects lazily: the login exists by the time a test queries it.
  const database = await openDatabase({ databaseUrl: testAppLoginUrl(adminUrl), adminUrl });
  try {
    await ensureTestAppLogin(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** The PostgreSQL URL the suite runs against, or undefined for PGlite. */
export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL || undefined;

export const testDriver = () => (testDatabaseUrl() ? 'pg' : 'pglite');

/** The owner's URL with TEST_APP_LOGIN's user and password instead. */
function testAppLoginUrl(adminUrl: string): string {
  const url = new URL(adminUrl);
  url.username = TEST_APP_LOGIN.user;
  url.password = TEST_APP_LOGIN.password;
  return url.toString();
}

/**
 * Creates the login if it is missing. Roles are cluster-wide and test files start in parallel
 * (and several databases may share the cluster): an advisory lock serialises this, and a
 * concurrent creation from another database is tolerated.
 */
async function ensureTestAppLogin(database: MigratableDatabase) {
  const { user, password } = TEST_APP_LOGIN;
  await database.admin.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(726451002)`);
    await tx.execute(
      sql.raw(`DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${user}') THEN
    CREATE ROLE ${user} LOGIN PASSWORD '${password}' IN ROLE kayoi_runtime;
  ELSIF NOT pg_has_role('${user}', 'kayoi_runtime', 'MEMBER') THEN
    GRANT kayoi_runtime TO ${user};
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$`),
    );
  });
}
