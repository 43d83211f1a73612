import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { DEMO_PASSWORD } from '../../../src/seed/seed-demo.ts';
import { type LargeTenant, seedLargeTenant } from '../../../src/seed/seed-large-tenant.ts';
import { createTestApp, request, signIn, type TestApp } from '../../support/test-app.ts';

let t: TestApp;
let tenant: LargeTenant;
const keysAndIndexes = sql`select
  (select count(*)::int from pg_constraint where connamespace = 'public'::regnamespace) as keys,
  (select count(*)::int from pg_indexes where schemaname = 'public') as indexes`;
let before: { keys: number; indexes: number };

beforeAll(async () => {
  t = await createTestApp();
  [before] = (await queryRows<{ keys: number; indexes: number }>(t.database.admin, keysAndIndexes)) as [
    { keys: number; indexes: number },
  ];
  // 1,000 customers is the size from which PGlite loads drop and rebuild the keys.
  tenant = await seedLargeTenant(t.database.admin, {
    customers: 1000,
    years: 1,
    slug: `large-${randomUUID().slice(0, 8)}`,
  });
}, 180_000);
afterAll(() => t?.close());

describe('large tenant seed', () => {
  it('creates the customers, one rep per 75 of them, and a year of orders', () => {
    expect(tenant.counts.customers).toBe(1000);
    expect(tenant.counts.users).toBe(1 + 2 + 14); // admin, 2 team managers, 14 reps
    expect(tenant.counts.orders).toBeGreaterThan(5000);
    expect(tenant.counts.orderLines).toBeGreaterThan(tenant.counts.orders);
  });

  it('leaves every key and index in place after the bulk load', async () => {
    const [after] = await queryRows<{ keys: number; indexes: number }>(t.database.admin, keysAndIndexes);
    expect(after).toEqual(before);
    const [customer] = await queryRows<{ code: string }>(
      t.database.admin,
      sql`select code from customers where tenant_id = ${tenant.tenantId} limit 1`,
    );
    await expect(
      t.database.admin.execute(
        sql`insert into customers (tenant_id, id, code, name) values (${tenant.tenantId}, ${randomUUID()}, ${customer!.code}, 'dup')`,
      ),
    ).rejects.toThrow();
  });

  it('lets its admin sign in and see only that tenant', async () => {
    const cookie = await signIn(t.app, tenant.adminEmail, DEMO_PASSWORD);
    const users = (await (await request(t.app, 'GET', '/api/users?role=rep', { cookie })).json()) as {
      items: unknown[];
    };
    expect(users.items.length).toBe(14);
  });
});
