import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import type { UserKey } from '../../support/tenant-fixture.ts';
import { request, type SignedTenantFixture, type TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp, csvForm, signIn } from './customer-app.ts';

/**
 * Who may touch whose customer, for every customer endpoint. Tenant A has rep1 + rep2 (team A,
 * with the manager) and rep3 (team B); tenant B is a second company. A row per endpoint: adding
 * an endpoint means adding a row.
 */
let t: TestApp;
let a: SignedTenantFixture;
let b: SignedTenantFixture;
const cookies = new Map<string, string>();
const cookie = (tenant: SignedTenantFixture, key: UserKey) =>
  cookies.get(`${tenant.tenantId}:${key}`) as string;

beforeAll(async () => {
  t = await createCustomerTestApp();
  a = await t.createTenant();
  b = await t.createTenant();
  for (const tenant of [a, b]) {
    for (const key of ['admin', 'manager', 'rep1', 'rep2', 'rep3'] as const) {
      cookies.set(`${tenant.tenantId}:${key}`, await signIn(t, tenant, key));
    }
  }
});
afterAll(() => t.close());

const versionOf = async (id: string) =>
  (
    await t.database.admin.select({ version: customers.version }).from(customers).where(eq(customers.id, id))
  )[0]!.version;

/** Endpoints that name one customer by id: 200 when the caller may see it, 404 otherwise (never 403). */
const byIdEndpoints: { name: string; call: (cookie: string, id: string) => Promise<Response> }[] = [
  {
    name: 'GET /api/customers/:id',
    call: (c, id) => request(t.app, 'GET', `/api/customers/${id}`, { cookie: c }),
  },
  {
    name: 'GET /api/customers/:id/orders',
    call: (c, id) => request(t.app, 'GET', `/api/customers/${id}/orders`, { cookie: c }),
  },
  {
    name: 'PATCH /api/customers/:id',
    call: async (c, id) =>
      request(t.app, 'PATCH', `/api/customers/${id}`, {
        cookie: c,
        body: { notes: `touched ${Math.random()}`, version: await versionOf(id) },
      }),
  },
  {
    name: 'POST /api/customers/:id/archive',
    call: async (c, id) =>
      request(t.app, 'POST', `/api/customers/${id}/archive`, {
        cookie: c,
        body: { version: await versionOf(id) },
      }),
  },
];

/** Whose customers each role of tenant A sees. */
const visibility: Record<UserKey, UserKey[]> = {
  admin: ['rep1', 'rep2', 'rep3'],
  manager: ['rep1', 'rep2'],
  rep1: ['rep1'],
  rep2: ['rep2'],
  rep3: ['rep3'],
};
const owners = ['rep1', 'rep2', 'rep3'] as const;

describe.each(byIdEndpoints)('$name', ({ call }) => {
  const cases = (Object.keys(visibility) as UserKey[]).flatMap((actor) =>
    owners.map((owner) => ({ actor, owner, visible: visibility[actor].includes(owner) })),
  );

  it.each(cases)('$actor on a customer of $owner → visible: $visible', async ({ actor, owner, visible }) => {
    const target = a.customersOf(owner)[0]!;
    const before = await t.database.admin.select().from(customers).where(eq(customers.id, target.id));
    const res = await call(cookie(a, actor), target.id);
    expect(res.status).toBe(visible ? 200 : 404);
    if (!visible) {
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
      const after = await t.database.admin.select().from(customers).where(eq(customers.id, target.id));
      expect(after).toEqual(before);
    }
  });

  it.each(['admin', 'manager', 'rep1', 'rep3'] as const)(
    '%s of another tenant gets 404 for every customer of tenant A',
    async (actor) => {
      for (const target of a.customers) {
        const res = await call(cookie(b, actor), target.id);
        expect(res.status).toBe(404);
      }
    },
  );
});

/** Endpoints that return many customers: exactly the caller's scope, never more. */
const listingEndpoints: { name: string; codes: (cookie: string) => Promise<string[]> }[] = [
  {
    name: 'GET /api/customers',
    codes: async (c) => {
      const res = await request(t.app, 'GET', '/api/customers?includeArchived=true&limit=200', { cookie: c });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { code: string }[]; total: number };
      expect(body.total).toBe(body.items.length);
      return body.items.map((i) => i.code);
    },
  },
  {
    name: 'GET /api/customers/export.csv',
    codes: async (c) => {
      const res = await request(
        t.app,
        'GET',
        '/api/customers/export.csv?encoding=utf8&includeArchived=true',
        {
          cookie: c,
        },
      );
      expect(res.status).toBe(200);
      const lines = (await res.text()).trim().split('\r\n').slice(1);
      return lines.map((l) => l.split(',')[0] as string);
    },
  },
];

describe.each(listingEndpoints)('$name', ({ codes }) => {
  it.each(Object.keys(visibility) as UserKey[])(
    '%s gets exactly their scope of their own tenant',
    async (actor) => {
      const expected = visibility[actor].flatMap((owner) => a.customersOf(owner).map((c) => c.code));
      const got = await codes(cookie(a, actor));
      // Both tenants' fixtures use the same codes: a leaked row would show up as a duplicate.
      expect(got.sort()).toEqual(expected.sort());
    },
  );
});

describe('POST /api/customers', () => {
  const cases: { actor: UserKey; repOf: () => string; allowed: boolean }[] = [
    { actor: 'rep1', repOf: () => a.users.rep1.id, allowed: true },
    { actor: 'rep1', repOf: () => a.users.rep2.id, allowed: false },
    { actor: 'manager', repOf: () => a.users.rep2.id, allowed: true },
    { actor: 'manager', repOf: () => a.users.rep3.id, allowed: false },
    { actor: 'admin', repOf: () => a.users.rep3.id, allowed: true },
    { actor: 'admin', repOf: () => b.users.rep1.id, allowed: false },
  ];
  it.each(cases)(
    '$actor assigning a new customer ($#) → allowed: $allowed',
    async ({ actor, repOf, allowed }) => {
      const name = `新規 ${Math.random()}`;
      const res = await request(t.app, 'POST', '/api/customers', {
        cookie: cookie(a, actor),
        body: { name, repId: repOf() },
      });
      expect(res.status).toBe(allowed ? 201 : 422);
      if (!allowed) {
        expect(await res.json()).toMatchObject({
          error: { code: 'validation_failed', fields: { repId: expect.any(String) } },
        });
        expect(await t.database.admin.select().from(customers).where(eq(customers.name, name))).toEqual([]);
      }
    },
  );
});

describe('POST /api/customers/import/preview and commit', () => {
  const header =
    '顧客コード,会社名,フリガナ,敬称,郵便番号,住所,電話番号,担当者メール,エリア,ランク,ステータス,訪問周期(日),許容幅(日),訪問曜日,訪問時間帯,滞在時間(分),好み・人柄,注意点,メモ\r\n';
  const rowFor = (tenant: SignedTenantFixture, rep: UserKey) =>
    `,取込商事,トリコミショウジ,御中,,,,${tenant.users[rep].email},,B,稼働,28,3,,,30,,,\r\n`;

  it('refuses reps outright (403), for preview and commit', async () => {
    const res = await request(t.app, 'POST', '/api/customers/import/preview', {
      cookie: cookie(a, 'rep1'),
      body: csvForm(header + rowFor(a, 'rep1')),
    });
    expect(res.status).toBe(403);
    const managers = await request(t.app, 'POST', '/api/customers/import/preview', {
      cookie: cookie(a, 'manager'),
      body: csvForm(header + rowFor(a, 'rep1')),
    });
    const { importId } = (await managers.json()) as { importId: string };
    const commit = await request(t.app, 'POST', `/api/customers/import/${importId}/commit`, {
      cookie: cookie(a, 'rep1'),
    });
    expect(commit.status).toBe(403);
  });

  it.each([
    { actor: 'manager' as const, rep: 'rep3' as const, tenant: () => a },
    { actor: 'admin' as const, rep: 'rep1' as const, tenant: () => b },
  ])('refuses $actor assigning rows outside their reach', async ({ actor, rep, tenant }) => {
    const res = await request(t.app, 'POST', '/api/customers/import/preview', {
      cookie: cookie(a, actor),
      body: csvForm(header + rowFor(tenant(), rep)),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { errors: { row: number; column: string }[]; validRows: number };
    expect(body.validRows).toBe(0);
    // Row 2: the header is row 1, as a spreadsheet shows the file.
    expect(body.errors).toEqual([expect.objectContaining({ row: 2, column: '担当者メール' })]);
  });

  it('refuses a manager updating, by code, a customer of another team', async () => {
    const other = a.customersOf('rep3')[0]!;
    const res = await request(t.app, 'POST', '/api/customers/import/preview', {
      cookie: cookie(a, 'manager'),
      body: csvForm(`${header}${other.code}${rowFor(a, 'rep1')}`),
    });
    const body = (await res.json()) as { errors: { row: number; column: string }[] };
    expect(body.errors).toContainEqual(expect.objectContaining({ row: 2, column: '顧客コード' }));
  });

  it.each([
    { who: 'another user of the same tenant', committer: () => cookie(a, 'admin') },
    { who: 'the same role in another tenant', committer: () => cookie(b, 'manager') },
  ])('refuses an importId from $who (404) and writes nothing', async ({ committer }) => {
    const name = `取込 ${Math.random()}`;
    const preview = await request(t.app, 'POST', '/api/customers/import/preview', {
      cookie: cookie(a, 'manager'),
      body: csvForm(`${header},${name},,御中,,,,${a.users.rep1.email},,B,稼働,28,3,,,30,,,\r\n`),
    });
    const { importId, errors } = (await preview.json()) as { importId: string; errors: unknown[] };
    expect(errors).toEqual([]);
    const res = await request(t.app, 'POST', `/api/customers/import/${importId}/commit`, {
      cookie: committer(),
    });
    expect(res.status).toBe(404);
    expect(await t.database.admin.select().from(customers).where(eq(customers.name, name))).toEqual([]);
  });
});
