import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerContacts, customers } from '../../../src/domains/customers/tables.ts';
import type { SignedTenantFixture, TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp, signInAll } from './customer-app.ts';

type Customer = {
  id: string;
  code: string;
  name: string;
  nameKana: string;
  version: number;
  repId: string | null;
  notes: string;
  postalCode: string;
  timeWindows: { start: string; end: string }[];
  contacts: { name: string; isPrimary: boolean }[];
  stats: { orderCount: number; revenue12m: number; averageOrderValue: number; lastOrderAt: string | null };
};
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});
afterAll(() => t.close());

const valid = {
  name: '株式会社なにわ商会',
  nameKana: 'カブシキガイシャ ナニワショウカイ',
  honorific: 'onchu',
  postalCode: '5300001',
  address: '大阪府大阪市北区梅田1-1-1',
  phone: '06-6123-4567',
  rank: 'A',
  status: 'active',
  cadenceDays: 14,
  cadenceToleranceDays: 2,
  preferredWeekdays: [5, 1, 3],
  timeWindows: [
    { start: '13:00', end: '17:30' },
    { start: '09:00', end: '12:00' },
  ],
  visitDurationMinutes: 30,
  preferences: '朝はコーヒー派。雑談好き。',
  cautions: '駐車場なし',
  notes: '',
  contacts: [{ name: '総務 太郎', nameKana: 'ソウム タロウ', title: '総務課長', isPrimary: true }],
};

describe('create', () => {
  it('creates a customer with the next code, normalised fields and the rep defaulting to the caller', async () => {
    const res = await as('rep1').send('POST', '/api/customers', valid);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Customer;
    expect(body).toMatchObject({
      code: expect.stringMatching(/^C\d{5}$/),
      repId: tenant.users.rep1.id,
      postalCode: '530-0001',
      timeWindows: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
      preferredWeekdays: [1, 3, 5],
      version: 1,
      contacts: [expect.objectContaining({ name: '総務 太郎', isPrimary: true })],
    });
    const again = (await (
      await as('rep2').send('POST', '/api/customers', { name: '二件目' })
    ).json()) as Customer;
    expect(Number(again.code.slice(2))).toBe(Number(body.code.slice(2)) + 1);
  });

  const invalid: [string, Record<string, unknown>, string[]][] = [
    ['a missing name', { name: '  ' }, ['name']],
    ['hiragana furigana', { nameKana: 'なにわ' }, ['nameKana']],
    ['a malformed postal code', { postalCode: '530-01' }, ['postalCode']],
    ['letters in the phone', { phone: '06-ABCD-0000' }, ['phone']],
    [
      'a cadence of 0 and a tolerance above it',
      { cadenceDays: 0, cadenceToleranceDays: 400 },
      ['cadenceDays', 'cadenceToleranceDays'],
    ],
    [
      'a tolerance longer than the cadence',
      { cadenceDays: 7, cadenceToleranceDays: 8 },
      ['cadenceToleranceDays'],
    ],
    [
      'weekday 7 and a duplicate',
      { preferredWeekdays: [1, 1, 7] },
      ['preferredWeekdays', 'preferredWeekdays.2'],
    ],
    ['an end before the start', { timeWindows: [{ start: '12:00', end: '09:00' }] }, ['timeWindows.0']],
    ['a malformed time', { timeWindows: [{ start: '9時', end: '12:00' }] }, ['timeWindows.0']],
    [
      'overlapping windows',
      {
        timeWindows: [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '17:00' },
        ],
      },
      ['timeWindows'],
    ],
    ['a 601-minute visit', { visitDurationMinutes: 601 }, ['visitDurationMinutes']],
    ['an unknown area', { areaId: 'no-such-area' }, ['areaId']],
    [
      'two primary contacts',
      {
        contacts: [
          { name: 'A', isPrimary: true },
          { name: 'B', isPrimary: true },
        ],
      },
      ['contacts'],
    ],
    ['a contact without name', { contacts: [{ name: '' }] }, ['contacts.0.name']],
  ];

  it.each(invalid)('refuses %s with 422 naming exactly those fields', async (_, patch, fields) => {
    const name = `拒否 ${Math.random()}`;
    const res = await as('admin').send('POST', '/api/customers', { ...valid, name, ...patch });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual([...fields].sort());
    expect(await t.database.admin.select().from(customers).where(eq(customers.name, name))).toEqual([]);
  });

  it('answers in Japanese by default and in English on request', async () => {
    const ja = (await (
      await as('admin').send('POST', '/api/customers', { ...valid, nameKana: 'なにわ' })
    ).json()) as ErrorBody;
    expect(ja.error.fields?.nameKana).toBe('カタカナで入力してください。');
    const en = (await (
      await as('admin').send('POST', '/api/customers', { ...valid, cadenceDays: 400 }, 'en')
    ).json()) as ErrorBody;
    expect(en.error.message).toBe('Please check the highlighted fields.');
    expect(en.error.fields?.cadenceDays).toBe('Must be a whole number from 1 to 365.');
  });

  it('refuses a code already used in the tenant, even by a customer the caller cannot see', async () => {
    const othersCode = tenant.customersOf('rep3')[0]!.code;
    const res = await as('rep1').send('POST', '/api/customers', { ...valid, code: othersCode });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: { code: 'code_taken', fields: { code: expect.any(String) } },
    });
  });
});

describe('update', () => {
  it('changes the given fields, bumps the version and replaces contacts', async () => {
    const created = (await (await as('rep1').send('POST', '/api/customers', valid)).json()) as Customer;
    const res = await as('rep1').send('PATCH', `/api/customers/${created.id}`, {
      version: 1,
      notes: '年末は多忙',
      contacts: [{ name: '経理 花子', isPrimary: false }],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Customer;
    expect(body).toMatchObject({ version: 2, notes: '年末は多忙', name: valid.name });
    expect(body.contacts).toEqual([expect.objectContaining({ name: '経理 花子' })]);
    expect(
      await t.database.admin
        .select()
        .from(customerContacts)
        .where(eq(customerContacts.customerId, created.id)),
    ).toHaveLength(1);
  });

  it('answers 409 version_conflict to a stale version and leaves the stored row as it was', async () => {
    const target = tenant.customersOf('rep2')[0]!;
    const first = await as('rep2').send('PATCH', `/api/customers/${target.id}`, {
      version: 1,
      notes: '先に保存',
    });
    expect(first.status).toBe(200);
    const before = await t.database.admin.select().from(customers).where(eq(customers.id, target.id));
    const stale = await as('manager').send('PATCH', `/api/customers/${target.id}`, {
      version: 1,
      notes: '後から保存',
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    expect(await t.database.admin.select().from(customers).where(eq(customers.id, target.id))).toEqual(
      before,
    );
  });

  it('does not let a rep hand a customer to another rep', async () => {
    const target = tenant.customersOf('rep1')[1]!;
    const res = await as('rep1').send('PATCH', `/api/customers/${target.id}`, {
      version: 1,
      repId: tenant.users.rep2.id,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.fields).toHaveProperty('repId');
  });

  it('lets a manager move a customer between reps of their team', async () => {
    const target = tenant.customersOf('rep1')[1]!;
    const res = await as('manager').send('PATCH', `/api/customers/${target.id}`, {
      version: 1,
      repId: tenant.users.rep2.id,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Customer).repId).toBe(tenant.users.rep2.id);
    expect((await as('rep1').get(`/api/customers/${target.id}`)).status).toBe(404);
  });

  it('does not block an edit over an older stored value that breaks a newer rule', async () => {
    // Fixture furigana holds Latin letters ("テストREP3…"), which the form no longer accepts.
    const target = tenant.customersOf('rep3')[1]!;
    const res = await as('rep3').send('PATCH', `/api/customers/${target.id}`, { version: 1, notes: 'メモ' });
    expect(res.status).toBe(200);
    const touched = await as('rep3').send('PATCH', `/api/customers/${target.id}`, {
      version: 2,
      nameKana: 'てすと',
    });
    expect(touched.status).toBe(422);
  });

  it('archives with the current version only', async () => {
    const created = (await (await as('rep1').send('POST', '/api/customers', valid)).json()) as Customer;
    expect(
      (await as('rep1').send('POST', `/api/customers/${created.id}/archive`, { version: 7 })).status,
    ).toBe(409);
    const res = await as('rep1').send('POST', `/api/customers/${created.id}/archive`, { version: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 2, archivedAt: expect.any(String) });
  });

  it('restores an archived customer for a manager, not for its rep, with the version check and an audit entry', async () => {
    const created = (await (
      await as('rep1').send('POST', '/api/customers', { ...valid, name: '復元される商会' })
    ).json()) as Customer;
    await as('rep1').send('POST', `/api/customers/${created.id}/archive`, { version: 1 });
    const path = `/api/customers/${created.id}/restore`;
    expect((await as('rep1').send('POST', path, { version: 2 })).status).toBe(403);
    const stale = await as('manager').send('POST', path, { version: 1 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    const res = await as('manager').send('POST', path, { version: 2 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 3, archivedAt: null });
    // Back in the list, and its history says who restored it.
    const list = (await (await as('rep1').get('/api/customers?q=復元される商会')).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((c) => c.id)).toEqual([created.id]);
    const history = (await (await as('rep1').get(`/api/customers/${created.id}/history`)).json()) as {
      items: { action: string; actor: { role: string }; changes: Record<string, { after?: unknown }> }[];
    };
    expect(history.items[0]).toMatchObject({
      action: 'status_change',
      actor: { role: 'manager' },
      changes: { archivedAt: { after: null } },
    });
  });
});

describe('detail and purchase history', () => {
  it('sums the last 12 months of non-cancelled orders, tax-exclusive', async () => {
    const c = tenant.customersOf('rep1')[0]!;
    const detail = (await (await as('rep1').get(`/api/customers/${c.id}`)).json()) as Customer;
    const history = (await (await as('rep1').get(`/api/customers/${c.id}/orders`)).json()) as {
      items: {
        orderedAt: string;
        subtotal: number;
        tax: number;
        total: number;
        lines: { amount: number; taxRate: number }[];
      }[];
    };
    expect(history.items).toHaveLength(2);
    expect(history.items[0]!.orderedAt > history.items[1]!.orderedAt).toBe(true);
    for (const order of history.items) {
      expect(order.subtotal).toBe(order.lines.reduce((sum, l) => sum + l.amount, 0));
      expect(order.total).toBe(order.subtotal + order.tax);
    }
    const revenue = history.items.reduce((sum, o) => sum + o.subtotal, 0);
    expect(detail.stats).toEqual({
      orderCount: 2,
      revenue12m: revenue,
      averageOrderValue: Math.round(revenue / 2),
      lastOrderAt: history.items[0]!.orderedAt,
    });
    expect(detail.contacts[0]).toMatchObject({ name: '総務 太郎', isPrimary: true });
  });

  it('limits the history to ?limit', async () => {
    const c = tenant.customersOf('rep1')[0]!;
    const body = (await (await as('rep1').get(`/api/customers/${c.id}/orders?limit=1`)).json()) as {
      items: unknown[];
    };
    expect(body.items).toHaveLength(1);
  });
});
