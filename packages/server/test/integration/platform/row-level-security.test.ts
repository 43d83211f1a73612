import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerContacts, customers } from '../../../src/domains/customers/tables.ts';
import { orderLines, orders } from '../../../src/domains/orders/tables.ts';
import { withTenant } from '../../../src/platform/context.ts';
import type { MigratableDatabase } from '../../../src/platform/db/open-database.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { areas, member, organization, user } from '../../../src/platform/db/schema/index.ts';
import { createTenantFixture, type TenantFixture } from '../../support/tenant-fixture.ts';
import { createTestDatabase } from '../../support/test-database.ts';

let database: MigratableDatabase;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  a = await createTenantFixture(database.admin);
  b = await createTenantFixture(database.admin);
});
afterAll(() => database?.close());

/** Drizzle wraps the driver error; the PostgreSQL message is on `cause`. */
const isRlsViolation = (error: unknown) =>
  /row-level security/.test(String((error as { cause?: { message?: string } }).cause?.message));

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('row-level security inside withTenant', () => {
  it('runs as the non-superuser kayoi_app role', async () => {
    const rows = await withTenant(database.db, a.actor('admin'), (tx) =>
      queryRows<{ who: string }>(tx, sql`select current_user as who`),
    );
    expect(rows[0]?.who).toBe('kayoi_app');
  });

  it('shows only the tenant’s rows even when the query has no tenant filter', async () => {
    const seen = await withTenant(database.db, a.actor('admin'), (tx) =>
      tx.select({ id: customers.id, tenantId: customers.tenantId }).from(customers),
    );
    expect(seen.length).toBe(a.customers.length);
    expect(new Set(seen.map((r) => r.tenantId))).toEqual(new Set([a.tenantId]));
    const areaRows = await withTenant(database.db, b.actor('admin'), (tx) => tx.select().from(areas));
    expect(ids(areaRows)).toEqual(ids([...b.areas]));
  });

  it('refuses to insert a row for another tenant', async () => {
    await expect(
      withTenant(database.db, a.actor('admin'), (tx) =>
        tx.insert(areas).values({ tenantId: b.tenantId, id: randomUUID(), name: '越境エリア' }),
      ),
    ).rejects.toSatisfy(isRlsViolation);
    const bAreas = await database.admin.select().from(areas).where(eq(areas.tenantId, b.tenantId));
    expect(bAreas.length).toBe(b.areas.length);
  });

  it('cannot update or delete another tenant’s rows', async () => {
    const victim = b.customers[0]!;
    await withTenant(database.db, a.actor('admin'), async (tx) => {
      await tx.update(customers).set({ name: '乗っ取り' }).where(eq(customers.id, victim.id));
      await tx.delete(customerContacts).where(eq(customerContacts.customerId, victim.id));
    });
    const [row] = await database.admin.select().from(customers).where(eq(customers.id, victim.id));
    expect(row?.name).toBe(victim.name);
    const contacts = await database.admin
      .select()
      .from(customerContacts)
      .where(eq(customerContacts.customerId, victim.id));
    expect(contacts.length).toBe(victim.contactIds.length);
  });

  it('lets a rep see only their own customers, contacts, orders and order lines', async () => {
    const mine = a.customersOf('rep1');
    const seen = await withTenant(database.db, a.actor('rep1'), async (tx) => ({
      customers: await tx.select({ id: customers.id }).from(customers),
      contacts: await tx.select({ id: customerContacts.id }).from(customerContacts),
      orders: await tx.select({ id: orders.id }).from(orders),
      lines: await tx.select({ orderId: orderLines.orderId }).from(orderLines),
    }));
    expect(ids(seen.customers)).toEqual(ids(mine));
    expect(ids(seen.contacts)).toEqual(mine.flatMap((c) => c.contactIds).sort());
    expect(ids(seen.orders)).toEqual(mine.flatMap((c) => c.orderIds).sort());
    expect(new Set(seen.lines.map((l) => l.orderId))).toEqual(new Set(mine.flatMap((c) => c.orderIds)));
  });

  it('lets a manager see their team’s customers only, and an admin the whole tenant', async () => {
    const teamA = [...a.customersOf('rep1'), ...a.customersOf('rep2')];
    const asManager = await withTenant(database.db, a.actor('manager'), (tx) =>
      tx.select({ id: customers.id }).from(customers),
    );
    expect(ids(asManager)).toEqual(ids(teamA));
    const managerOrders = await withTenant(database.db, a.actor('manager'), (tx) =>
      tx.select({ id: orders.id }).from(orders),
    );
    expect(ids(managerOrders)).toEqual(teamA.flatMap((c) => c.orderIds).sort());
    const asAdmin = await withTenant(database.db, a.actor('admin'), (tx) =>
      tx.select({ id: customers.id }).from(customers),
    );
    expect(ids(asAdmin)).toEqual(ids([...a.customers]));
  });

  it('refuses a rep’s insert of a customer assigned to someone else', async () => {
    await expect(
      withTenant(database.db, a.actor('rep1'), (tx) =>
        tx.insert(customers).values({
          tenantId: a.tenantId,
          id: randomUUID(),
          code: `X-${randomUUID().slice(0, 6)}`,
          name: '他人の顧客',
          repId: a.users.rep2.id,
        }),
      ),
    ).rejects.toSatisfy(isRlsViolation);
  });

  it('lets kayoi_app read only the current tenant’s organization, members and users', async () => {
    const seen = await withTenant(database.db, a.actor('rep1'), async (tx) => ({
      orgs: await tx.select({ id: organization.id }).from(organization),
      members: await tx.select({ userId: member.userId }).from(member),
      users: await tx.select({ id: user.id }).from(user),
    }));
    expect(ids(seen.orgs)).toEqual([a.tenantId]);
    const aUserIds = Object.values(a.users)
      .map((u) => u.id)
      .sort();
    expect(seen.members.map((m) => m.userId).sort()).toEqual(aUserIds);
    expect(ids(seen.users)).toEqual(aUserIds);
  });
});
