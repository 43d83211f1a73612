/**
 * Regression tests for the defects found when the running product was probed (issue:
 * trustworthy writes, part 6). Each test names its defect.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvColumns } from '../../../src/domains/customers/customer-values.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { request, type SignedTenantFixture, type TestApp } from '../../support/test-app.ts';
import { testDriver } from '../../support/test-database.ts';
import { createCustomerTestApp, csvForm, signInAll } from '../customers/customer-app.ts';

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

const tenantCustomers = async () =>
  (
    await t.database.admin
      .select({ n: count() })
      .from(customers)
      .where(eq(customers.tenantId, tenant.tenantId))
  )[0]?.n ?? 0;

describe(`probed defects on ${testDriver()}`, () => {
  it('NUL byte in a customer name or notes: 422 naming the field, not 500, nothing stored', async () => {
    const before = await tenantCustomers();
    const created = await as('rep1').send('POST', '/api/customers', { name: 'なにわ\u0000商会' }, 'en');
    expect(created.status).toBe(422);
    const body = (await created.json()) as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields?.name).toMatch(/cannot be stored/);
    expect(await tenantCustomers()).toBe(before);

    const target = tenant.customersOf('rep1')[0]!;
    const patched = await as('rep1').send('PATCH', `/api/customers/${target.id}`, {
      notes: '午前\u0000中',
      contacts: [{ name: '総務\u0000太郎' }],
      version: 1,
    });
    expect(patched.status).toBe(422);
    expect(Object.keys(((await patched.json()) as ErrorBody).error.fields ?? {}).sort()).toEqual([
      'contacts.0.name',
      'notes',
    ]);
    const [row] = await t.database.admin.select().from(customers).where(eq(customers.id, target.id));
    expect(row?.version).toBe(1);
  });

  it('NUL byte in a CSV cell: the preview names the row and column, not 500', async () => {
    const csv = [
      csvColumns.join(','),
      `,NUL\u0000商事,,御中,,,,${tenant.users.rep1.email},,B,稼働,28,3,,,30,,,`,
    ].join('\n');
    const res = await as('manager').send('POST', '/api/customers/import/preview', csvForm(csv));
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { errors: { row: number; column: string }[] };
    // The header is row 1, as a spreadsheet shows the file.
    expect(preview.errors).toContainEqual(expect.objectContaining({ row: 2, column: '会社名' }));
  });

  it('a lone surrogate is refused the same way (it would be stored mangled)', async () => {
    const res = await as('rep1').send('POST', '/api/customers', { name: '壊れた\ud800文字' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.fields).toHaveProperty('name');
  });

  it('customers created at the same moment without a code all get distinct codes (was: 500 on customers_code_uq)', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as('manager').send('POST', '/api/customers', { name: `同時作成${i}`, repId: tenant.users.rep1.id }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const codes = await Promise.all(results.map(async (r) => ((await r.json()) as { code: string }).code));
    expect(new Set(codes).size).toBe(20);
    for (const code of codes) expect(code).toMatch(/^C\d{5}$/);
  });

  it('a code typed by hand on the next number does not block the next created customer', async () => {
    const first = (await (await as('rep1').send('POST', '/api/customers', { name: '採番前' })).json()) as {
      code: string;
    };
    const next = `C${String(Number(first.code.slice(1)) + 1).padStart(5, '0')}`;
    expect((await as('rep1').send('POST', '/api/customers', { name: '手入力', code: next })).status).toBe(
      201,
    );
    const after = await as('rep1').send('POST', '/api/customers', { name: '採番後' });
    expect(after.status).toBe(201);
    expect(((await after.json()) as { code: string }).code).not.toBe(next);
  });

  it('an import commit never silently skips a row edited after its preview: 409 and nothing written', async () => {
    const mine = tenant.customersOf('rep2');
    const rep = tenant.users.rep2.email;
    const lines = mine.map((c, i) => `${c.code},取込更新${i},,御中,,,,${rep},,B,稼働,28,3,,,30,,,`);
    const preview = await as('manager').send(
      'POST',
      '/api/customers/import/preview',
      csvForm([csvColumns.join(','), ...lines].join('\n')),
    );
    const p = (await preview.json()) as { importId: string; summary: { update: number } };
    expect(p.summary.update).toBe(mine.length);
    const edited = mine[mine.length - 1]!;
    const [row] = await t.database.admin.select().from(customers).where(eq(customers.id, edited.id));
    expect(
      (
        await as('rep2').send('PATCH', `/api/customers/${edited.id}`, {
          notes: '取込中の編集',
          version: row!.version,
        })
      ).status,
    ).toBe(200);
    const commit = await as('manager').send('POST', `/api/customers/import/${p.importId}/commit`);
    expect(commit.status).toBe(409);
    const names = await t.database.admin
      .select({ name: customers.name })
      .from(customers)
      .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.repId, tenant.users.rep2.id)));
    expect(names.some((n) => n.name.startsWith('取込更新'))).toBe(false);
  });

  it('an import commit racing an edit: exactly one of them wins, and the counts tell the truth', async () => {
    const mine = tenant.customersOf('rep3');
    const rep = tenant.users.rep3.email;
    const lines = mine.map((c, i) => `${c.code},競合取込${i},,御中,,,,${rep},,B,稼働,28,3,,,30,,,`);
    const preview = await as('admin').send(
      'POST',
      '/api/customers/import/preview',
      csvForm([csvColumns.join(','), ...lines].join('\n')),
    );
    const p = (await preview.json()) as { importId: string };
    const target = mine[0]!;
    const [row] = await t.database.admin.select().from(customers).where(eq(customers.id, target.id));
    const [commit, patch] = await Promise.all([
      as('admin').send('POST', `/api/customers/import/${p.importId}/commit`),
      as('rep3').send('PATCH', `/api/customers/${target.id}`, { notes: '同時編集', version: row!.version }),
    ]);
    const [after] = await t.database.admin.select().from(customers).where(eq(customers.id, target.id));
    if (commit.status === 200) {
      expect(patch.status).toBe(409);
      expect(await commit.json()).toEqual({ created: 0, updated: mine.length });
      expect(after!.name).toBe('競合取込0');
    } else {
      expect(commit.status).toBe(409);
      expect(patch.status).toBe(200);
      expect(after!.notes).toBe('同時編集');
      expect(after!.name).toBe(target.name);
    }
  });

  it('6,500 contacts on one customer: 422 naming contacts, not a 500 from the parameter limit', async () => {
    const contacts = Array.from({ length: 6500 }, (_, i) => ({ name: `担当${i}` }));
    const res = await as('rep1').send('POST', '/api/customers', { name: '担当者過多商事', contacts }, 'en');
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.fields).toHaveProperty('contacts');
  });

  it('a 2,000-character search is refused at once, naming q', async () => {
    const res = await as('admin').get(`/api/customers?q=${encodeURIComponent('な'.repeat(2000))}`);
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.fields).toHaveProperty('q');
  });

  it('a 1 MB name is refused naming the field', async () => {
    const res = await request(t.app, 'POST', '/api/customers', {
      cookie: as('rep1').cookie,
      body: { name: 'あ'.repeat(300_000) },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.fields).toHaveProperty('name');
  });
});
