import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import type { SignedTenantFixture, TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp, signInAll } from './customer-app.ts';

type Summary = {
  id: string;
  code: string;
  name: string;
  nameKana: string;
  rank: string;
  lastOrderAt: string | null;
  lastVisitAt: string | null;
  cadenceDays: number;
  archivedAt: string | null;
  repName: string | null;
  areaName: string | null;
};
type Page = { items: Summary[]; nextCursor: string | null; total: number };

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
const db = () => t.database.admin;

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant({ customersPerRep: 8 });
  as = await signInAll(t, tenant);
  const [first, second, third] = tenant.customersOf('rep1');
  await db()
    .update(customers)
    .set({ name: '株式会社浪速オフィス', nameKana: 'カブシキガイシャ ナニワオフィス', phone: '06-6123-4567' })
    .where(eq(customers.id, first!.id));
  await db()
    .update(customers)
    .set({ name: '喫茶 梅田珈琲', nameKana: 'キッサ ウメダコーヒー', address: '大阪府大阪市中央区本町3-1' })
    .where(eq(customers.id, second!.id));
  await db().update(customers).set({ rank: 'A', status: 'dormant' }).where(eq(customers.id, third!.id));
  // Ties on every sort key but the id: pages must still neither skip nor repeat.
  const tied = tenant.customersOf('rep2').map((c) => c.id);
  await db()
    .update(customers)
    .set({
      nameKana: 'ドウメイ',
      name: '同名商店',
      lastOrderAt: new Date('2026-01-05T00:00:00Z'),
      lastVisitAt: null,
    })
    .where(inArray(customers.id, tied));
  await db()
    .update(customers)
    .set({ lastVisitAt: new Date('2026-10-01T00:00:00Z'), cadenceDays: 14 })
    .where(
      inArray(
        customers.id,
        tenant
          .customersOf('rep3')
          .slice(0, 4)
          .map((c) => c.id),
      ),
    );
});
afterAll(() => t.close());

const list = async (query: string, who: 'admin' | 'rep1' = 'admin', locale?: 'ja' | 'en') => {
  const res = await as(who).get(`/api/customers?${query}`, locale);
  return {
    status: res.status,
    body: (await res.json()) as Page & { error?: { code: string; fields?: Record<string, string> } },
  };
};

describe('search', () => {
  it.each([
    ['hiragana for the furigana', 'なにわ'],
    ['half-width katakana', 'ﾅﾆﾜ'],
    ['part of the name', '浪速'],
    ['phone digits without hyphens', '0661234567'],
    ['phone with hyphens, in full-width digits', '６１２３－４５６７'],
  ])('finds a customer by %s', async (_, q) => {
    const { body } = await list(`q=${encodeURIComponent(q)}`);
    expect(body.items.map((i) => i.name)).toEqual(['株式会社浪速オフィス']);
    expect(body.total).toBe(1);
  });

  it.each([
    ['two furigana words, the stored reading without the space', 'ウメダ　コーヒー'],
    ['a word of the name and a word of the address', '喫茶 本町'],
    ['hiragana words in any order', 'こーひー きっさ'],
  ])('finds a customer when every word matches: %s', async (_, q) => {
    const { body } = await list(`q=${encodeURIComponent(q)}`);
    expect(body.items.map((i) => i.name)).toEqual(['喫茶 梅田珈琲']);
  });

  it('finds nothing when one of the words matches nothing', async () => {
    const { body } = await list(`q=${encodeURIComponent('喫茶 存在しない')}`);
    expect(body.total).toBe(0);
  });

  it('finds by address', async () => {
    const { body } = await list(`q=${encodeURIComponent('中央区本町')}`);
    expect(body.items.map((i) => i.name)).toEqual(['喫茶 梅田珈琲']);
  });

  it('searches only inside the caller’s scope', async () => {
    const { body } = await list(`q=${encodeURIComponent('同名')}`, 'rep1');
    expect(body.items).toEqual([]);
  });

  it('treats % and _ literally', async () => {
    const { body } = await list(`q=${encodeURIComponent('%')}`);
    expect(body.total).toBe(0);
  });
});

describe('filters', () => {
  it('filters by rank and status together', async () => {
    const { body } = await list('rank=A&status=dormant');
    expect(body.items.map((i) => i.id)).toEqual([tenant.customersOf('rep1')[2]!.id]);
  });

  it('filters by rep and by area, and joins their names', async () => {
    const rep3 = tenant.users.rep3;
    const { body } = await list(`repId=${rep3.id}&limit=200`);
    expect(body.total).toBe(8);
    expect(new Set(body.items.map((i) => i.repName))).toEqual(new Set([rep3.name]));
    const area = tenant.areas[0]!;
    const byArea = await list(`areaId=${area.id}&limit=200`);
    expect(byArea.body.total).toBe(tenant.customers.filter((c) => c.areaId === area.id).length);
    expect(new Set(byArea.body.items.map((i) => i.areaName))).toEqual(new Set([area.name]));
  });

  it('refuses an unknown rank with the field named', async () => {
    const { status, body } = await list('rank=Z', 'admin', 'en');
    expect(status).toBe(422);
    expect(body.error?.fields).toHaveProperty('rank');
  });
});

describe('sort and keyset pagination', () => {
  const walk = async (sort: string, limit: number) => {
    const seen: Summary[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await list(
        `sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(status).toBe(200);
      expect(body.total).toBe(24);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return seen;
  };

  it.each(['name', '-name', 'rank', 'lastOrderAt', '-lastOrderAt', 'nextVisitDue'])(
    'walks every customer exactly once with sort=%s, even across ties',
    async (sort) => {
      const rows = await walk(sort, 5);
      expect(rows.map((r) => r.id).sort()).toEqual(tenant.customers.map((c) => c.id).sort());
      const unpaged = (await list(`sort=${sort}&limit=200`)).body.items.map((r) => r.id);
      expect(rows.map((r) => r.id)).toEqual(unpaged);
    },
  );

  it('orders by furigana, and puts never-ordered customers first for lastOrderAt', async () => {
    const byName = (await list('sort=name&limit=200')).body.items.map((r) => r.nameKana);
    expect(byName).toEqual([...byName].sort());
    await db()
      .update(customers)
      .set({ lastOrderAt: null })
      .where(eq(customers.id, tenant.customersOf('rep3')[7]!.id));
    const byLast = (await list('sort=lastOrderAt&limit=200')).body.items;
    expect(byLast[0]!.id).toBe(tenant.customersOf('rep3')[7]!.id);
    const desc = (await list('sort=-lastOrderAt&limit=200')).body.items;
    expect(desc.at(-1)!.id).toBe(tenant.customersOf('rep3')[7]!.id);
  });

  it('puts the most overdue visit first for nextVisitDue (never visited before all)', async () => {
    const items = (await list('sort=nextVisitDue&limit=200')).body.items;
    const visited = items.filter((i) => i.lastVisitAt !== null);
    expect(items.slice(0, items.length - visited.length).every((i) => i.lastVisitAt === null)).toBe(true);
    const due = visited.map((i) => new Date(i.lastVisitAt!).getTime() + i.cadenceDays * 86_400_000);
    expect(due).toEqual([...due].sort((x, y) => x - y));
  });

  it('refuses a cursor made for another sort, naming the cursor', async () => {
    const { body: first } = await list('sort=name&limit=2');
    const { status, body } = await list(`sort=rank&cursor=${first.nextCursor}`, 'admin', 'en');
    expect(status).toBe(422);
    expect(body.error?.fields?.cursor).toMatch(/cursor/i);
  });

  it('keeps total right when a cursor is reused under other filters', async () => {
    const { body: first } = await list('sort=name&limit=2');
    const { body } = await list(`sort=name&limit=2&rank=A&cursor=${first.nextCursor}`);
    expect(body.total).toBe((await list('rank=A&limit=200')).body.total);
    expect(body.total).toBeLessThan(first.total);
  });

  it('refuses a forged cursor instead of failing on it', async () => {
    const forged = Buffer.from(
      JSON.stringify({ s: 'lastOrderAt', k: ["x'); drop table customers; --", 'id'] }),
    ).toString('base64url');
    const { status, body } = await list(`sort=lastOrderAt&cursor=${forged}`);
    expect(status).toBe(422);
    expect(body.error?.fields).toHaveProperty('cursor');
  });

  it('never shows a total it did not count (a cursor with a forged total is refused)', async () => {
    const { body: first } = await list('sort=name&limit=2');
    const [payload] = String(first.nextCursor).split('.');
    const decoded = JSON.parse(Buffer.from(payload as string, 'base64url').toString('utf8'));
    expect(decoded.t).toBe(first.total);
    const tampered = Buffer.from(JSON.stringify({ ...decoded, t: 999999 })).toString('base64url');
    const forged = `${tampered}.${String(first.nextCursor).split('.')[1]}`;
    const { status, body } = await list(`sort=name&limit=2&cursor=${forged}`);
    expect(status).toBe(422);
    expect(body.error?.fields).toHaveProperty('cursor');
    expect(JSON.stringify(body)).not.toContain('999999');
  });

  it.each(['0', '201'])('refuses limit=%s', async (limit) => {
    expect((await list(`limit=${limit}`)).status).toBe(422);
  });
});

describe('archived customers', () => {
  it('leave the list unless includeArchived=true', async () => {
    const target = tenant.customersOf('rep1')[7]!;
    const res = await as('rep1').send('POST', `/api/customers/${target.id}/archive`, { version: 1 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Summary).archivedAt).not.toBeNull();
    const hidden = await list('limit=200', 'rep1');
    expect(hidden.body.items.map((i) => i.id)).not.toContain(target.id);
    expect(hidden.body.total).toBe(7);
    const shown = await list('limit=200&includeArchived=true', 'rep1');
    expect(shown.body.items.map((i) => i.id)).toContain(target.id);
    expect(shown.body.total).toBe(8);
  });
});
