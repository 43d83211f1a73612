import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import { withTenant } from '../../../src/platform/context.ts';
import { checkAppRole, inspectAppRole } from '../../../src/platform/db/check-app-role.ts';
import type { MigratableDatabase } from '../../../src/platform/db/open-database.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { createTenantFixture, type TenantFixture } from '../../support/tenant-fixture.ts';
import { createTestDatabase, TEST_APP_LOGIN, testDriver } from '../../support/test-database.ts';

let database: MigratableDatabase;
let a: TenantFixture;
let b: TenantFixture;

// PGlite is single-user: its only login is a superuser and `db` is the owner's handle, so there
// is no separate app login to check. On PostgreSQL `db` logs in as TEST_APP_LOGIN.
describe.skipIf(testDriver() === 'pglite')('the app’s PostgreSQL login (PostgreSQL only)', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    a = await createTenantFixture(database.admin);
    b = await createTenantFixture(database.admin);
  });
  afterAll(() => database?.close());

  /** An injected statement inside a tenant transaction, then a read of every customer. */
  const injectedRead = (handle: 'db' | 'admin', injection: string) =>
    withTenant(database[handle], a.actor('rep1'), async (tx) => {
      await tx.execute(sql.raw(injection));
      return tx.select({ tenantId: customers.tenantId }).from(customers);
    });

  it('is the login role outside any transaction', async () => {
    const [row] = await queryRows<{ who: string; session: string }>(
      database.db,
      sql`select current_user as who, session_user as session`,
    );
    expect(row).toEqual({ who: TEST_APP_LOGIN.user, session: TEST_APP_LOGIN.user });
  });

  it('is not a superuser, cannot bypass RLS and owns no table, so the start-up check passes', async () => {
    expect(await inspectAppRole(database.db)).toEqual({
      user: TEST_APP_LOGIN.user,
      superuser: false,
      bypassRls: false,
      ownedRelations: [],
    });
    await expect(checkAppRole(database.db, { production: true, warn: () => {} })).resolves.toBeDefined();
  });

  it('cannot read another tenant’s customers after an injected `reset role`', async () => {
    await expect(injectedRead('db', 'reset role')).rejects.toSatisfy((error) =>
      /permission denied for table customers/.test(String((error as { cause?: Error }).cause?.message)),
    );
  });

  it('cannot switch to the owner either', async () => {
    const owner = (await inspectAppRole(database.admin)).user;
    await expect(injectedRead('db', `set role "${owner}"`)).rejects.toSatisfy((error) =>
      /permission denied to set role/.test(String((error as { cause?: Error }).cause?.message)),
    );
  });

  it('whereas the owner’s connection (the old setup) reads every tenant after the same injection', async () => {
    const rows = await injectedRead('admin', 'reset role');
    expect(new Set(rows.map((r) => r.tenantId))).toContain(b.tenantId);
  });
});
