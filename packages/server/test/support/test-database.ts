import { type MigratableDatabase, openDatabase } from '../../src/platform/db/open-database.ts';

/**
 * A migrated database for one test file: in-memory PGlite by default, or the PostgreSQL
 * named by TEST_DATABASE_URL (`npm run test:pg`). Tests stay independent by creating their own
 * tenants (random ids) — never truncate. Open once per file (beforeAll) and close in afterAll.
 *
 * @example
 * let database: MigratableDatabase;
 * beforeAll(async () => { database = await createTestDatabase(); });
 * afterAll(() => database.close());
 */
export function createTestDatabase(): Promise<MigratableDatabase> {
  return openDatabase({ databaseUrl: testDatabaseUrl() });
}

/** The PostgreSQL URL the suite runs against, or undefined for PGlite. */
export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL || undefined;

export const testDriver = () => (testDatabaseUrl() ? 'pg' : 'pglite');
