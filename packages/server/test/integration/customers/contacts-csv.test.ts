import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerContacts, customers } from '../../../src/domains/customers/tables.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import type { SignedTenantFixture, TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp, csvForm, signInAll } from './customer-app.ts';

/** The 先方担当者 columns: the customer's primary contact, on export and import. */

type Preview = {
  importId: string;
  sample: {
    row: number;
    action: string;
    changes: { column: string; before: string | null; after: string }[];
  }[];
  errors: { row: number; column: string; message: string }[];
  summary: { create: number; update: number; unchanged: number };
};

const HEADER = '顧客コード,会社名,担当者メール,先方担当者,先方担当者役職,先方担当者電話,先方担当者メール';

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
const db = () => t.database.admin;

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant({ customersPerRep: 2 });
  as = await signInAll(t, tenant);
  // The fixture furigana (テストREP1…) is not pure katakana: make every row importable.
  for (const [i, c] of tenant.customers.entries())
    await db()
      .update(customers)
      .set({ nameKana: `テスト ${'ア'.repeat(i + 1)}` })
      .where(eq(customers.id, c.id));
});
afterAll(() => t.close());

const preview = async (file: string | Uint8Array, locale?: 'ja' | 'en') => {
  const res = await as('admin').send('POST', '/api/customers/import/preview', csvForm(file), locale);
  expect(res.status).toBe(200);
  return (await res.json()) as Preview;
};
const commit = async (importId: string) => {
  const res = await as('admin').send('POST', `/api/customers/import/${importId}/commit`);
  expect(res.status).toBe(200);
  return res.json();
};
const file = (...rows: string[][]) => `${HEADER}\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
const contactsOf = (customerId: string) =>
  db()
    .select()
    .from(customerContacts)
    .where(and(eq(customerContacts.tenantId, tenant.tenantId), eq(customerContacts.customerId, customerId)))
    .orderBy(desc(customerContacts.isPrimary), asc(customerContacts.sortOrder));
const allContacts = () =>
  db()
    .select()
    .from(customerContacts)
    .where(eq(customerContacts.tenantId, tenant.tenantId))
    .orderBy(customerContacts.id);
const exportUtf8 = async () => {
  const res = await as('admin').get('/api/customers/export.csv?encoding=utf8');
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
};

describe('先方担当者 columns', () => {
  it('export writes the primary contact', async () => {
    const text = new TextDecoder().decode(await exportUtf8());
    const [header, ...rows] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header?.endsWith(',先方担当者,先方担当者役職,先方担当者電話,先方担当者メール')).toBe(true);
    const c = tenant.customers[0]!;
    expect(rows.find((r) => r.startsWith(`${c.code},`))?.endsWith(',総務 太郎,総務課長,,')).toBe(true);
  });

  it('import creates the primary contact of a new customer, shown in the preview and audited', async () => {
    const rep = tenant.users.rep1.email;
    const p = await preview(
      file(['', '連絡先商事', rep, '山田 花子', '購買部長', '06-1234-5678', 'hanako@example.jp']),
    );
    expect(p.errors).toEqual([]);
    expect(p.summary.create).toBe(1);
    expect(p.sample[0]!.changes).toEqual(
      expect.arrayContaining([
        { column: '先方担当者', before: null, after: '山田 花子' },
        { column: '先方担当者メール', before: null, after: 'hanako@example.jp' },
      ]),
    );
    await commit(p.importId);
    const [created] = await db()
      .select()
      .from(customers)
      .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.name, '連絡先商事')));
    const contacts = await contactsOf(created!.id);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      name: '山田 花子',
      title: '購買部長',
      phone: '06-1234-5678',
      email: 'hanako@example.jp',
      isPrimary: true,
    });
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, contacts[0]!.id)));
    expect(audits.map((a) => a.action)).toEqual(['create']);
    expect(audits[0]!.context).toEqual({ importId: p.importId });
  });

  it('a blank cell keeps the stored value; a set cell updates only the primary contact', async () => {
    const c = tenant.customers[0]!;
    const [primary, second] = await contactsOf(c.id);
    const p = await preview(file([c.code, '', '', '', '', '06-0000-1111', '']));
    expect(p.errors).toEqual([]);
    expect(p.summary.update).toBe(1);
    expect(p.sample.find((s) => s.action === 'update')?.changes).toEqual([
      { column: '先方担当者電話', before: '', after: '06-0000-1111' },
    ]);
    await commit(p.importId);
    const after = await contactsOf(c.id);
    expect(after[0]).toEqual({ ...primary, phone: '06-0000-1111' });
    expect(after[1]).toEqual(second);
  });

  it('(削除) clears a field, and (削除) in 先方担当者 removes the primary contact', async () => {
    const c = tenant.customers[0]!;
    const p = await preview(file([c.code, '', '', '', '(削除)', '（clear）', '']));
    expect(p.errors).toEqual([]);
    await commit(p.importId);
    const [primary] = await contactsOf(c.id);
    expect(primary).toMatchObject({ name: '総務 太郎', title: '', phone: '' });

    const gone = await preview(file([c.code, '', '', '(削除)', '', '', '']));
    expect(gone.errors).toEqual([]);
    expect(gone.sample.find((s) => s.action === 'update')?.changes).toEqual([
      { column: '先方担当者', before: '総務 太郎', after: '' },
    ]);
    await commit(gone.importId);
    expect((await contactsOf(c.id)).map((x) => x.id)).not.toContain(primary!.id);
  });

  it('a bad e-mail or an over-long name is a row/column error in ja and en, and writes nothing', async () => {
    const c = tenant.customers[1]!;
    const before = await allContacts();
    const csv = file(
      [c.code, '', '', '', '', '', 'not-an-email'],
      ['', '新規', tenant.users.rep1.email, 'あ'.repeat(101), '', '', ''],
    );
    const ja = await preview(csv, 'ja');
    expect(ja.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '先方担当者メール'],
      [3, '先方担当者'],
    ]);
    expect(ja.errors[0]!.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    const en = await preview(csv, 'en');
    expect(en.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '先方担当者メール'],
      [3, '先方担当者'],
    ]);
    expect(en.errors[0]!.message).toMatch(/e-?mail/i);
    const res = await as('admin').send('POST', `/api/customers/import/${en.importId}/commit`);
    expect(res.status).not.toBe(200);
    expect(await allContacts()).toEqual(before);
  });

  it('a file without the columns leaves contacts alone', async () => {
    const c = tenant.customers[1]!;
    const before = await allContacts();
    const p = await preview(`顧客コード,メモ\r\n${c.code},連絡先はそのまま\r\n`);
    expect(p.errors).toEqual([]);
    await commit(p.importId);
    expect(await allContacts()).toEqual(before);
  });

  it('export → import round trip leaves contacts unchanged', async () => {
    const before = await allContacts();
    const p = await preview(await exportUtf8());
    expect(p.errors).toEqual([]);
    expect(p.summary.create + p.summary.update).toBe(0);
    expect(await commit(p.importId)).toEqual({ created: 0, updated: 0 });
    expect(await allContacts()).toEqual(before);
  });
});
