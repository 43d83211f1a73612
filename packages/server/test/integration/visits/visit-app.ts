import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { customers } from '../../../src/domains/customers/tables.ts';
import { plannedVisits, plans } from '../../../src/domains/planning/tables.ts';
import type { UserKey } from '../../support/tenant-fixture.ts';
import { request, type SignedTenantFixture, type TestApp } from '../../support/test-app.ts';

/** Calls the API as each fixture user (signed in once), with an Idempotency-Key on writes. */
export async function callersOf(t: TestApp, tenant: SignedTenantFixture) {
  const cookies = {} as Record<UserKey, string>;
  for (const key of ['admin', 'manager', 'rep1', 'rep2', 'rep3'] as const)
    cookies[key] = await tenant.signIn(key);
  return (key: UserKey) => ({
    get: (path: string, locale?: 'ja' | 'en') =>
      request(t.app, 'GET', path, { cookie: cookies[key], locale }),
    send: (
      method: string,
      path: string,
      body?: unknown,
      options: { locale?: 'ja' | 'en'; key?: string } = {},
    ) =>
      request(t.app, method, path, {
        cookie: cookies[key],
        body,
        ...(options.locale && { locale: options.locale }),
        headers: { 'idempotency-key': options.key ?? randomUUID() },
      }),
  });
}

/**
 * A ready plan for `rep` with one planned stop per given customer on `date` (seq 1, 2, …),
 * written through the owner's handle. Returns the planned visit ids in order.
 */
export async function planStops(
  t: TestApp,
  tenant: SignedTenantFixture,
  rep: UserKey,
  date: string,
  customerIds: readonly string[],
): Promise<{ planId: string; stopIds: string[] }> {
  const planId = randomUUID();
  await t.database.admin.insert(plans).values({
    tenantId: tenant.tenantId,
    id: planId,
    teamId: tenant.users[rep].teamId,
    startDate: date,
    days: 1,
    status: 'ready',
    createdBy: tenant.users.manager.id,
  });
  const stopIds = customerIds.map(() => randomUUID());
  await t.database.admin.insert(plannedVisits).values(
    customerIds.map((customerId, i) => ({
      tenantId: tenant.tenantId,
      id: stopIds[i] as string,
      planId,
      customerId,
      repId: tenant.users[rep].id,
      date,
      seq: i + 1,
      plannedArrival: new Date(`${date}T${10 + i}:20:00+09:00`),
      plannedStart: new Date(`${date}T${10 + i}:30:00+09:00`),
      plannedDeparture: new Date(`${date}T${10 + i}:59:00+09:00`),
    })),
  );
  return { planId, stopIds };
}

/** The customer's row as stored (owner's handle). */
export async function customerRow(t: TestApp, id: string) {
  const [row] = await t.database.admin.select().from(customers).where(eq(customers.id, id));
  return row!;
}
