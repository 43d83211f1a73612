import { createHash, randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDomains } from '../../../src/app-domains.ts';
import { csvColumns } from '../../../src/domains/customers/customer-values.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { idempotencyKeys } from '../../../src/platform/db/schema/index.ts';
import { createApp } from '../../../src/platform/http/create-app.ts';
import type { UserKey } from '../../support/tenant-fixture.ts';
import { request, type SignedTenantFixture, type TestApp } from '../../support/test-app.ts';
import { testDriver } from '../../support/test-database.ts';
import { createCustomerTestApp, csvForm, signInAll } from '../customers/customer-app.ts';

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});
afterAll(() => t.close());

const send = (key: UserKey, method: string, path: string, body: unknown, idempotencyKey?: string) =>
  request(t.app, method, path, {
    cookie: as(key).cookie,
    body,
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  });
const customersNamed = async (name: string) =>
  (
    await t.database.admin
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.name, name)))
  )[0]?.n;

describe(`Idempotency-Key on ${testDriver()}`, () => {
  it('answers a retried create with the first answer and creates one customer', async () => {
    const key = randomUUID();
    const body = { name: '再送テスト商事', phone: '06-2222-3333' };
    const first = await send('rep1', 'POST', '/api/customers', body, key);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const retry = await send('rep1', 'POST', '/api/customers', body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toMatch(/application\/json/);
    expect(await retry.json()).toEqual(firstBody);
    expect(await customersNamed('再送テスト商事')).toBe(1);
  });

  it('holds across app instances: a retry that lands on another server replays the first answer', async () => {
    const second = createApp({
      database: t.database,
      config: t.config,
      logger: pino({ level: 'silent' }),
      authentication: t.authentication,
      domains: appDomains,
    });
    const key = randomUUID();
    const body = { name: '別インスタンス商事' };
    const first = await send('rep1', 'POST', '/api/customers', body, key);
    expect(first.status).toBe(201);
    const retry = await request(second, 'POST', '/api/customers', {
      cookie: as('rep1').cookie,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await customersNamed('別インスタンス商事')).toBe(1);
  });

  it('refuses the same key with a different body (422) and writes nothing', async () => {
    const key = randomUUID();
    expect((await send('rep1', 'POST', '/api/customers', { name: '鍵A商事' }, key)).status).toBe(201);
    const reused = await send('rep1', 'POST', '/api/customers', { name: '鍵B商事' }, key);
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_reused');
    expect(await customersNamed('鍵B商事')).toBe(0);
  });

  it('refuses the same key on another endpoint', async () => {
    const key = randomUUID();
    const target = tenant.customersOf('rep1')[0]!;
    expect((await send('rep1', 'POST', '/api/customers', { name: '鍵C商事' }, key)).status).toBe(201);
    const other = await send('rep1', 'PATCH', `/api/customers/${target.id}`, { name: '鍵C商事' }, key);
    expect(other.status).toBe(422);
  });

  it('scopes keys to the user: another user’s identical key runs on its own', async () => {
    const key = randomUUID();
    expect((await send('rep1', 'POST', '/api/customers', { name: '利用者別A' }, key)).status).toBe(201);
    const mine = await send('rep2', 'POST', '/api/customers', { name: '利用者別A' }, key);
    expect(mine.status).toBe(201);
    expect(mine.headers.get('idempotent-replayed')).toBeNull();
    expect(await customersNamed('利用者別A')).toBe(2);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const key = randomUUID();
    // What the first request leaves while it runs: the key claimed, with its lease.
    const body = { name: '処理中商事' };
    const fingerprint = createHash('sha256')
      .update(`POST /api/customers\napplication/json\n${JSON.stringify(body)}`)
      .digest('hex');
    await t.database.admin.insert(idempotencyKeys).values({
      tenantId: tenant.tenantId,
      userId: tenant.users.rep1.id,
      key,
      fingerprint,
      state: 'in_flight',
      lockedUntil: sql`now() + interval '1 minute'`,
      expiresAt: sql`now() + interval '1 day'`,
    });
    const res = await send('rep1', 'POST', '/api/customers', body, key);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('idempotency_in_flight');
    expect(await customersNamed('処理中商事')).toBe(0);
  });

  it('keeps a key at least 24 hours', async () => {
    const key = randomUUID();
    expect((await send('rep1', 'POST', '/api/customers', { name: '保持期間商事' }, key)).status).toBe(201);
    const [row] = await t.database.admin
      .select({ hours: sql<number>`extract(epoch from ${idempotencyKeys.expiresAt} - now()) / 3600` })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, key));
    expect(Number(row?.hours)).toBeGreaterThanOrEqual(23.99);
  });

  it('refuses a malformed key naming the header', async () => {
    const res = await send('rep1', 'POST', '/api/customers', { name: '不正キー' }, 'ä'.repeat(3));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: object } }).error.fields).toHaveProperty(
      'Idempotency-Key',
    );
  });

  it('answers a retried import commit with the first answer: one import', async () => {
    const csv = [
      csvColumns.join(','),
      `,取込再送商事,,御中,,,,${tenant.users.rep1.email},,B,稼働,28,3,,,30,,,`,
    ].join('\n');
    const preview = await send(
      'manager',
      'POST',
      '/api/customers/import/preview',
      csvForm(csv),
      randomUUID(),
    );
    const p = (await preview.json()) as { importId: string; errors: unknown[] };
    expect(p.errors).toEqual([]);
    const retriedPreview = await send(
      'manager',
      'POST',
      '/api/customers/import/preview',
      csvForm(csv),
      randomUUID(),
    );
    expect(retriedPreview.status).toBe(200);
    const key = randomUUID();
    const first = await send('manager', 'POST', `/api/customers/import/${p.importId}/commit`, undefined, key);
    const retry = await send('manager', 'POST', `/api/customers/import/${p.importId}/commit`, undefined, key);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ created: 1, updated: 0 });
    expect(await customersNamed('取込再送商事')).toBe(1);
  });

  it('replays an upload retried with a new multipart boundary', async () => {
    const csv = [
      csvColumns.join(','),
      `,境界商事,,御中,,,,${tenant.users.rep1.email},,B,稼働,28,3,,,30,,,`,
    ].join('\n');
    const key = randomUUID();
    const first = await send('manager', 'POST', '/api/customers/import/preview', csvForm(csv), key);
    const retry = await send('manager', 'POST', '/api/customers/import/preview', csvForm(csv), key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
  });
});

describe(`client-made ids on ${testDriver()}`, () => {
  it('creates the customer under the id the phone chose, once', async () => {
    const id = randomUUID();
    const created = await send('rep1', 'POST', '/api/customers', { id, name: 'オフライン作成商事' });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { id: string }).id).toBe(id);
    const again = await send('rep1', 'POST', '/api/customers', { id, name: 'オフライン作成商事' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('id_taken');
    expect(await customersNamed('オフライン作成商事')).toBe(1);
  });

  it('refuses an id that is not a UUID, naming it', async () => {
    const res = await send('rep1', 'POST', '/api/customers', { id: 'my-id', name: 'ID不正' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: object } }).error.fields).toHaveProperty('id');
  });
});
