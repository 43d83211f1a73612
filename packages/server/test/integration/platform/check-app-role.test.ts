import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../src/platform/config.ts';
import {
  type AppRoleReport,
  checkAppRole,
  describeAppRoleProblem,
  inspectAppRole,
} from '../../../src/platform/db/check-app-role.ts';
import type { Db, Tx } from '../../../src/platform/db/database.ts';
import type { MigratableDatabase } from '../../../src/platform/db/open-database.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { createTestDatabase, testDriver } from '../../support/test-database.ts';

let database: MigratableDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

/** Inspects a throwaway role, set up by `setup`, in a transaction that is rolled back (the role too). */
async function asThrowawayRole(
  db: Db,
  setup: (role: string, tx: Tx) => Promise<void>,
): Promise<AppRoleReport> {
  const role = `kayoi_check_${randomUUID().slice(0, 8)}`;
  let report: AppRoleReport | undefined;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(`create role ${role} nologin`));
      await setup(role, tx);
      await tx.execute(sql.raw(`set local role ${role}`));
      report = await inspectAppRole(tx);
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!report) throw error;
    });
  return report!;
}

describe(`the app login check on ${testDriver()}`, () => {
  it('refuses a superuser login in production, naming the statement that creates the right one', async () => {
    const owner = await inspectAppRole(database.admin);
    expect(owner.superuser).toBe(true);
    await expect(checkAppRole(database.admin, { production: true, warn: () => {} })).rejects.toSatisfy(
      (error) =>
        error instanceof ConfigError &&
        error.message.includes(`role "${owner.user}") is a superuser`) &&
        error.message.includes(`CREATE ROLE kayoi LOGIN PASSWORD '…' IN ROLE kayoi_runtime;`) &&
        error.message.includes('DATABASE_ADMIN_URL'),
    );
  });

  it('only warns about it outside production', async () => {
    const warn = vi.fn();
    await checkAppRole(database.admin, { production: false, warn });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatch(/superuser[\s\S]*Continuing: NODE_ENV is not production/);
  });

  it('reports tables the login owns', async () => {
    const table = `kayoi_check_owned_${randomUUID().slice(0, 8)}`;
    const report = await asThrowawayRole(database.admin, async (role, tx) => {
      await tx.execute(sql.raw(`create table public.${table} (id int)`));
      await tx.execute(sql.raw(`alter table public.${table} owner to ${role}`));
    });
    expect(report).toMatchObject({ superuser: false, bypassRls: false, ownedRelations: [table] });
    expect(describeAppRoleProblem(report)).toContain(`owns ${table} in schema public`);
  });

  it('reports tables the login can switch to the owner of', async () => {
    const report = await asThrowawayRole(database.admin, async (role, tx) => {
      await tx.execute(sql.raw(`grant ${await ownerOf(tx, 'customers')} to ${role}`));
    });
    expect(report.ownedRelations).toContain('customers');
  });

  it('passes a login that is only a member of kayoi_runtime', async () => {
    const report = await asThrowawayRole(database.admin, async (role, tx) => {
      await tx.execute(sql.raw(`grant kayoi_runtime to ${role}`));
    });
    expect(report).toMatchObject({ superuser: false, bypassRls: false, ownedRelations: [] });
    expect(describeAppRoleProblem(report)).toBeNull();
  });
});

async function ownerOf(tx: Tx, table: string): Promise<string> {
  const [row] = await queryRows<{ owner: string }>(
    tx,
    sql`select pg_get_userbyid(relowner) as owner from pg_class where oid = ${table}::regclass`,
  );
  return `"${row!.owner}"`;
}
