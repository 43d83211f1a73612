import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import type { SignedTenantFixture, TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp, csvForm, signInAll } from './customer-app.ts';

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});
afterAll(() => t?.close());

/** The highest number among this tenant's codes of the form prefix + digits (read as the owner). */
async function highest(prefix: string): Promise<number> {
  const rows = await t.database.admin
    .select({ code: customers.code })
    .from(customers)
    .where(and(eq(customers.tenantId, tenant.tenantId), sql`${customers.code} like ${`${prefix}%`}`));
  return rows.reduce((max, r) => {
    const digits = r.code.slice(prefix.length);
    return /^\d+$/.test(digits) ? Math.max(max, Number(digits)) : max;
  }, 0);
}

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read by the assertions
const json = async (res: Response): Promise<any> => res.json();
const create = (who: 'rep1' | 'rep2' | 'manager', name: string, code?: string) =>
  as(who).send('POST', '/api/customers', {
    name,
    ...(who === 'manager' ? { repId: tenant.users.rep1.id } : {}),
    ...(code ? { code } : {}),
  });

describe('customer codes: one scheme per tenant, allocated without races', () => {
  it('continues the demo form (C + 5 digits) after the highest code, one distinct code per parallel create', async () => {
    const before = await highest('C');
    expect(before).toBeGreaterThan(0); // the fixture's customers have C00001-style codes
    const who = ['rep1', 'rep2', 'manager'] as const;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => create(who[i % 3] as (typeof who)[number], `並行作成${i}`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const codes = await Promise.all(results.map(async (r) => ((await json(r)) as { code: string }).code));
    const expected = Array.from({ length: 12 }, (_, i) => `C${String(before + 1 + i).padStart(5, '0')}`);
    expect([...codes].sort()).toEqual(expected);
  });

  it('shows the scheme and the next code; an admin changes it and the next create follows, after codes of that form', async () => {
    const settings = await json(await as('rep1').get('/api/customers/settings'));
    expect(settings).toMatchObject({ codePrefix: 'C', codeDigits: 5, fiscalYearStartMonth: 4 });
    expect(settings.nextCode).toBe(`C${String((await highest('C')) + 1).padStart(5, '0')}`);

    expect((await as('manager').send('PATCH', '/api/customers/settings', { codePrefix: 'K-' })).status).toBe(
      403,
    );
    const bad = await as('admin').send(
      'PATCH',
      '/api/customers/settings',
      { codePrefix: 'K 1', codeDigits: 2 },
      'en',
    );
    expect(bad.status).toBe(422);
    expect(Object.keys((await json(bad)).error.fields).sort()).toEqual(['codeDigits', 'codePrefix']);

    // A code of the new form typed by hand before the change: the counter starts after it.
    expect((await create('rep1', '手入力K', 'K-0041')).status).toBe(201);
    const changed = await as('admin').send('PATCH', '/api/customers/settings', {
      codePrefix: 'K-',
      codeDigits: 4,
    });
    expect(changed.status).toBe(200);
    expect((await json(changed)).nextCode).toBe('K-0042');
    const next = await json(await create('rep2', 'K方式'));
    expect(next.code).toBe('K-0042');

    // An import's new rows draw after the codes the file itself gives.
    const csv = [
      '顧客コード,会社名,担当者メール',
      `K-0090,取込K1,${tenant.users.rep1.email}`,
      `,取込K2,${tenant.users.rep1.email}`,
    ].join('\r\n');
    const preview = await t.app.request('/api/customers/import/preview', {
      method: 'POST',
      body: csvForm(csv),
      headers: { cookie: as('manager').cookie, origin: t.config.baseUrl },
    });
    const { importId } = (await json(preview)) as { importId: string };
    expect((await as('manager').send('POST', `/api/customers/import/${importId}/commit`)).status).toBe(200);
    const [k2] = await t.database.admin
      .select({ code: customers.code })
      .from(customers)
      .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.name, '取込K2')));
    expect(k2?.code).toBe('K-0091');

    const reset = await as('admin').send('PATCH', '/api/customers/settings', {
      codePrefix: 'C',
      codeDigits: 5,
    });
    expect((await json(reset)).nextCode).toBe(`C${String((await highest('C')) + 1).padStart(5, '0')}`);
  });
});
