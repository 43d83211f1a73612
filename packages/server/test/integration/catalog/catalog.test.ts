import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../../src/domains/catalog/tables.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { csvForm, signInAll } from '../customers/customer-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
/** A prefix of this run's codes: PostgreSQL keeps earlier runs' rows (in their own tenants). */
const run = randomUUID().slice(0, 6).toUpperCase();

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});

interface ProductBody {
  id: string;
  code: string;
  unitPrice: number;
  version: number;
  isBundle: boolean;
  taxRate: number;
  components: { productId: string; quantity: number }[];
  componentsListTotal: number | null;
}

async function createProduct(body: Record<string, unknown>, key: 'manager' | 'admin' = 'manager') {
  const res = await as(key).send('POST', '/api/products', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ProductBody;
}

const auditOf = (recordId: string) =>
  t.database.admin
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, recordId)));

describe('products', () => {
  it('a manager adds a copier counter charge of 1.5円/枚; everyone reads it back at 1.5', async () => {
    const created = await createProduct({
      code: `${run}-CC-MONO`,
      name: 'モノクロカウンター料金',
      nameKana: 'ものくろかうんたーりょうきん',
      category: 'カウンター料金',
      unit: '枚',
      unitPrice: 1.5,
    });
    expect(created).toMatchObject({ unitPrice: 1.5, taxRate: 10, isBundle: false, version: 1 });
    const read = await as('rep2').get(`/api/products/${created.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ nameKana: 'モノクロカウンターリョウキン', unitPrice: 1.5 });
    const [row] = await t.database.admin.select().from(products).where(eq(products.id, created.id));
    expect(row?.unitPrice).toBe('1.50');
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a rep’s write with 403 and writes nothing', async () => {
    const res = await as('rep1').send('POST', '/api/products', {
      code: `${run}-REP`,
      name: '営業が作る商品',
      unit: '個',
      unitPrice: 100,
    });
    expect(res.status).toBe(403);
    const rows = await t.database.admin
      .select()
      .from(products)
      .where(and(eq(products.tenantId, tenant.tenantId), eq(products.code, `${run}-REP`)));
    expect(rows).toEqual([]);
  });

  it('names the refused fields in the caller’s language: three decimals, no name, a taken code', async () => {
    const bad = { code: `${run}-BAD`, name: ' ', unit: '個', unitPrice: 1.005 };
    const ja = await as('manager').send('POST', '/api/products', bad, 'ja');
    expect(ja.status).toBe(422);
    const jaBody = (await ja.json()) as { error: { fields: Record<string, string> } };
    expect(jaBody.error.fields.unitPrice).toContain('小数点以下2桁');
    expect(jaBody.error.fields.name).toBe('入力してください。');
    const en = await as('manager').send('POST', '/api/products', bad, 'en');
    expect(
      ((await en.json()) as { error: { fields: Record<string, string> } }).error.fields.unitPrice,
    ).toContain('at most two decimals');
    await createProduct({ code: `${run}-DUP`, name: '重複テスト', unit: '個', unitPrice: 10 });
    const taken = await as('admin').send('POST', '/api/products', {
      code: `${run}-dup`.toUpperCase(),
      name: '重複テスト2',
      unit: '個',
      unitPrice: 10,
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({
      error: { code: 'code_taken', fields: { code: expect.any(String) } },
    });
  });

  it('searches by code, name and furigana (hiragana typed), filters by active, pages by keyset without repeats', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push(
        (
          await createProduct({
            code: `${run}-PG-${i}`,
            name: `ページ送り用紙 ${i}`,
            nameKana: 'ペエジオクリヨウシ',
            unit: '冊',
            unitPrice: 100 + i,
            active: i !== 4,
          })
        ).id,
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/products?q=${encodeURIComponent('ぺえじおくり')}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await (await as('rep1').get(query)).json()) as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made);
    const active = (await (await as('rep1').get(`/api/products?q=${run}-PG&active=true`)).json()) as {
      items: { id: string }[];
    };
    expect(active.items.map((p) => p.id)).toEqual(made.slice(0, 4));
    const forged = await as('rep1').get('/api/products?cursor=eyJjIjoiWiJ9.forged');
    expect(forged.status).toBe(422);
  });

  it('a stale PATCH gets 409 with the server’s copy and changes nothing; a fresh one is audited', async () => {
    const p = await createProduct({ code: `${run}-VER`, name: 'バージョン', unit: '個', unitPrice: 500 });
    const first = await as('manager').send('PATCH', `/api/products/${p.id}`, {
      version: 1,
      unitPrice: 480.5,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ unitPrice: 480.5, version: 2 });
    const stale = await as('admin').send('PATCH', `/api/products/${p.id}`, { version: 1, unitPrice: 999 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'version_conflict', current: { unitPrice: 480.5, version: 2 } },
    });
    const audit = await auditOf(p.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]?.changes).toEqual({ unitPrice: { before: 500, after: 480.5 } });
    const off = await as('manager').send('PATCH', `/api/products/${p.id}`, { version: 2, active: false });
    expect(await off.json()).toMatchObject({ active: false, version: 3 });
  });
});

describe('bundles', () => {
  it('a bundle of components is priced as a whole and shows what its parts list at', async () => {
    const paper = await createProduct({ code: `${run}-B-PAPER`, name: '用紙', unit: '箱', unitPrice: 2980 });
    const pens = await createProduct({
      code: `${run}-B-PEN`,
      name: 'ボールペン',
      unit: '箱',
      unitPrice: 880,
    });
    const bundle = await createProduct({
      code: `${run}-B-SET`,
      name: '新入社員セット',
      unit: 'セット',
      unitPrice: 3500,
      components: [
        { productId: paper.id, quantity: 1 },
        { productId: pens.id, quantity: 2 },
      ],
    });
    expect(bundle).toMatchObject({
      isBundle: true,
      unitPrice: 3500,
      componentsListTotal: 4740,
      components: [
        { productId: paper.id, quantity: 1 },
        { productId: pens.id, quantity: 2 },
      ],
    });
    const list = (await (await as('rep1').get(`/api/products?q=${run}-B-SET`)).json()) as {
      items: { isBundle: boolean }[];
    };
    expect(list.items).toEqual([expect.objectContaining({ isBundle: true })]);

    const nested = await as('manager').send('POST', '/api/products', {
      code: `${run}-B-NEST`,
      name: '入れ子',
      unit: 'セット',
      unitPrice: 1,
      components: [{ productId: bundle.id, quantity: 1 }],
    });
    expect(nested.status).toBe(422);
    expect(await nested.json()).toMatchObject({
      error: { fields: { 'components.0.productId': expect.any(String) } },
    });

    const mixed = await as('manager').send('POST', '/api/products', {
      code: `${run}-B-MIX`,
      name: '用紙とコーヒー',
      unit: 'セット',
      unitPrice: 5000,
      components: [
        { productId: paper.id, quantity: 1 },
        { productId: tenant.products.coffee, quantity: 1 },
      ],
    });
    expect(mixed.status).toBe(422);
    const fields = ((await mixed.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields).toEqual({ 'components.1.productId': expect.stringContaining('税区分') });

    const retax = await as('manager').send('PATCH', `/api/products/${pens.id}`, {
      version: 1,
      taxCategory: 'reduced',
    });
    expect(retax.status).toBe(422);
    expect(await retax.json()).toMatchObject({ error: { fields: { taxCategory: expect.any(String) } } });
  });
});

describe('price lists', () => {
  let counter: ProductBody;
  let customerId: string;
  beforeAll(async () => {
    counter = await createProduct({
      code: `${run}-PL-CNT`,
      name: 'カラーカウンター料金',
      unit: '枚',
      unitPrice: 12,
    });
    customerId = tenant.customersOf('rep1')[0]!.id;
  });

  it('a manager gives rep1’s customer a special price; the rep’s quote price follows the dates', async () => {
    const res = await as('manager').send('POST', '/api/price-lists', {
      customerId,
      productId: counter.id,
      unitPrice: 9.5,
      effectiveFrom: '2026-04-01',
      effectiveTo: '2027-03-31',
      note: '年間契約',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const entry = (await res.json()) as { id: string; version: number };
    expect(entry).toMatchObject({ kind: 'price', unitPrice: 9.5, effectiveUnitPrice: 9.5 });
    const price = (date: string) =>
      as('rep1').get(`/api/products/${counter.id}/price?customerId=${customerId}&date=${date}`);
    expect(await (await price('2027-03-31')).json()).toEqual({
      unitPrice: '9.5',
      source: 'customer_price',
      priceListId: entry.id,
      listPrice: '12',
    });
    expect(await (await price('2027-04-01')).json()).toEqual({
      unitPrice: '12',
      source: 'list',
      listPrice: '12',
    });
    // Another rep asks about rep1's customer: as if it did not exist.
    expect((await as('rep3').get(`/api/products/${counter.id}/price?customerId=${customerId}`)).status).toBe(
      404,
    );
    const mine = (await (
      await as('rep1').get(`/api/customers/${customerId}/prices?date=2026-05-01`)
    ).json()) as {
      entries: { id: string }[];
    };
    expect(mine.entries.map((e) => e.id)).toContain(entry.id);
    const audit = await auditOf(entry.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', subjectTable: 'customers', subjectId: customerId }),
    ]);
  });

  it('refuses an overlapping period, an impossible date and a customer outside the manager’s team', async () => {
    const overlap = await as('manager').send('POST', '/api/price-lists', {
      customerId,
      productId: counter.id,
      unitPrice: 9,
      effectiveFrom: '2027-03-31',
    });
    expect(overlap.status).toBe(422);
    expect(
      ((await overlap.json()) as { error: { fields: Record<string, string> } }).error.fields.effectiveFrom,
    ).toContain('2026-04-01〜2027-03-31');
    const impossible = await as('manager').send(
      'POST',
      '/api/price-lists',
      { customerId, productId: counter.id, discountPercent: 5, effectiveFrom: '2026-02-30' },
      'en',
    );
    expect(await impossible.json()).toMatchObject({
      error: { fields: { effectiveFrom: 'Dates must be real dates written YYYY-MM-DD.' } },
    });
    const otherTeam = await as('manager').send('POST', '/api/price-lists', {
      customerId: tenant.customersOf('rep3')[0]!.id,
      productId: counter.id,
      discountPercent: 5,
      effectiveFrom: '2026-04-01',
    });
    expect(otherTeam.status).toBe(422);
    expect(await otherTeam.json()).toMatchObject({
      error: { fields: { customerId: '顧客が見つかりません。' } },
    });
  });

  it('prices a whole rank (admin only); the customer’s own discount beats the rank’s price', async () => {
    await t.database.admin.update(customers).set({ rank: 'A' }).where(eq(customers.id, customerId));
    const body = {
      rank: 'A',
      productId: tenant.products.paper,
      unitPrice: 2700,
      effectiveFrom: '2026-01-01',
    };
    const byManager = await as('manager').send('POST', '/api/price-lists', body);
    expect(byManager.status).toBe(422);
    expect(await byManager.json()).toMatchObject({ error: { fields: { rank: expect.any(String) } } });
    const byAdmin = await as('admin').send('POST', '/api/price-lists', body);
    expect(byAdmin.status).toBe(201);
    const rankPrice = await as('rep1').get(
      `/api/products/${tenant.products.paper}/price?customerId=${customerId}&date=2026-06-01`,
    );
    expect(await rankPrice.json()).toMatchObject({ unitPrice: '2700', source: 'customer_price' });
    await as('manager').send('POST', '/api/price-lists', {
      customerId,
      productId: tenant.products.paper,
      discountPercent: 12.5,
      effectiveFrom: '2026-06-01',
    });
    const own = await as('rep1').get(
      `/api/products/${tenant.products.paper}/price?customerId=${customerId}&date=2026-06-01`,
    );
    expect(await own.json()).toMatchObject({ unitPrice: '2607.5', source: 'discount' });
  });

  it('changes and removes an entry with its version; a stale version changes nothing', async () => {
    const created = (await (
      await as('manager').send('POST', '/api/price-lists', {
        customerId,
        productId: tenant.products.coffee,
        unitPrice: 3300,
        effectiveFrom: '2026-04-01',
      })
    ).json()) as { id: string; version: number };
    const changed = await as('manager').send('PATCH', `/api/price-lists/${created.id}`, {
      version: 1,
      effectiveTo: '2026-12-31',
    });
    expect(await changed.json()).toMatchObject({ effectiveTo: '2026-12-31', version: 2 });
    const stale = await as('admin').send('DELETE', `/api/price-lists/${created.id}`, { version: 1 });
    expect(stale.status).toBe(409);
    const gone = await as('admin').send('DELETE', `/api/price-lists/${created.id}`, { version: 2 });
    expect(gone.status).toBe(200);
    const list = (await (
      await as('manager').get(`/api/price-lists?productId=${tenant.products.coffee}`)
    ).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((e) => e.id)).not.toContain(created.id);
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});

describe('catalog CSV', () => {
  const header = '商品コード,商品名,フリガナ,分類,単位,単価,税区分,状態';
  beforeAll(async () => {
    await createProduct({
      code: `${run}-CSV-A`,
      name: 'トナー 黒',
      nameKana: 'トナークロ',
      unit: '本',
      unitPrice: 12800,
    });
    await createProduct({
      code: `${run}-CSV-B`,
      name: 'ドリップコーヒー',
      unit: '箱',
      unitPrice: 3600,
      taxCategory: 'reduced',
    });
  });
  const exportText = async (encoding: 'utf8' | 'sjis') => {
    const res = await as('manager').get(`/api/products/export.csv?encoding=${encoding}&q=${run}-CSV`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { res, bytes };
  };

  it('exports UTF-8 with a BOM and Shift_JIS, the same rows, prices and tax categories', async () => {
    const utf8 = await exportText('utf8');
    expect([...utf8.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(utf8.bytes); // the decoder drops the BOM
    expect(text).toBe(
      `${header}\r\n${run}-CSV-A,トナー 黒,トナークロ,,本,12800,標準10%,有効\r\n${run}-CSV-B,ドリップコーヒー,,,箱,3600,軽減8%,有効\r\n`,
    );
    const sjis = await exportText('sjis');
    expect(sjis.res.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(iconv.decode(Buffer.from(sjis.bytes), 'cp932')).toBe(text);
  });

  it('an exported file previews unchanged; edited cells show old → new by spreadsheet row', async () => {
    const { bytes } = await exportText('sjis');
    const same = await as('manager').send('POST', '/api/products/import/preview', csvForm(bytes, 'p.csv'));
    expect(await same.json()).toMatchObject({
      encoding: 'sjis',
      summary: { create: 0, update: 0, unchanged: 2 },
    });

    const edited = `${header}\r\n${run}-CSV-A,,,,,"12,500",,\r\n${run}-CSV-C,カラーカウンター,,カウンター料金,枚,1.5,,\r\n`;
    const res = await as('manager').send('POST', '/api/products/import/preview', csvForm(edited, 'p.csv'));
    const preview = (await res.json()) as {
      importId: string;
      errors: unknown[];
      sample: {
        row: number;
        action: string;
        changes: { column: string; before: string | null; after: string }[];
      }[];
    };
    expect(preview.errors).toEqual([]);
    expect(preview.sample).toEqual([
      {
        row: 2,
        action: 'update',
        code: `${run}-CSV-A`,
        name: 'トナー 黒',
        changes: [{ column: '単価', before: '12800', after: '12500' }],
      },
      {
        row: 3,
        action: 'create',
        code: `${run}-CSV-C`,
        name: 'カラーカウンター',
        changes: [
          { column: '商品名', before: null, after: 'カラーカウンター' },
          { column: '分類', before: null, after: 'カウンター料金' },
          { column: '単位', before: null, after: '枚' },
          { column: '単価', before: null, after: '1.5' },
          { column: '税区分', before: null, after: '標準10%' },
          { column: '状態', before: null, after: '有効' },
        ],
      },
    ]);
    const commit = await as('manager').send('POST', `/api/products/import/${preview.importId}/commit`);
    expect(await commit.json()).toEqual({ created: 1, updated: 1 });
    const after = (await (await as('rep1').get(`/api/products?q=${run}-CSV`)).json()) as {
      items: { code: string; unitPrice: number }[];
    };
    expect(after.items.map((p) => [p.code, p.unitPrice])).toEqual([
      [`${run}-CSV-A`, 12500],
      [`${run}-CSV-B`, 3600],
      [`${run}-CSV-C`, 1.5],
    ]);
    const again = await as('manager').send('POST', `/api/products/import/${preview.importId}/commit`);
    expect(again.status).toBe(409);
  });

  it('names each refused cell by row and column in the caller’s language, and will not commit', async () => {
    const bad = `${header}\r\n${run}-CSV-A,,,,,1.234,,\r\n\r\n${run}-CSV-D,新商品,,,,100,酒税,\r\n`;
    const ja = await as('manager').send('POST', '/api/products/import/preview', csvForm(bad, 'p.csv'), 'ja');
    const body = (await ja.json()) as {
      importId: string;
      errors: { row: number; column: string; message: string }[];
    };
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '単価'],
      [4, '単位'],
      [4, '税区分'],
    ]);
    expect(body.errors[0]?.message).toContain('小数点以下2桁');
    const en = await as('manager').send('POST', '/api/products/import/preview', csvForm(bad, 'p.csv'), 'en');
    expect(((await en.json()) as { errors: { message: string }[] }).errors[2]?.message).toBe(
      'Tax category: 標準10% (standard) or 軽減8% (reduced).',
    );
    const commit = await as('manager').send('POST', `/api/products/import/${body.importId}/commit`);
    expect(commit.status).toBe(422);
    expect(await commit.json()).toMatchObject({ error: { code: 'import_has_errors' } });
  });

  it('refuses a workbook, an image and a CSV of something else as not a catalog CSV', async () => {
    const files: [string, Uint8Array | string][] = [
      ['book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])],
      [
        'seal.png',
        new Uint8Array([
          0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
        ]),
      ],
      ['visits.csv', '日付,訪問先\r\n2026-12-01,なにわ商会\r\n'],
    ];
    for (const [name, bytes] of files) {
      const res = await as('manager').send('POST', '/api/products/import/preview', csvForm(bytes, name));
      expect(res.status, name).toBe(422);
      expect(await res.json(), name).toMatchObject({
        error: { code: 'not_csv', fields: { file: expect.any(String) } },
      });
    }
  });

  it('writes nothing when a product changed after the preview (the whole file is refused)', async () => {
    const file = `${header}\r\n${run}-CSV-B,,,,,3700,,\r\n${run}-CSV-E,新しい商品,,,個,10,,\r\n`;
    const preview = (await (
      await as('admin').send('POST', '/api/products/import/preview', csvForm(file, 'p.csv'))
    ).json()) as { importId: string };
    const [b] = await t.database.admin
      .select()
      .from(products)
      .where(and(eq(products.tenantId, tenant.tenantId), eq(products.code, `${run}-CSV-B`)));
    await as('manager').send('PATCH', `/api/products/${b!.id}`, {
      version: b!.version,
      name: 'ドリップコーヒー 100袋',
    });
    const commit = await as('admin').send('POST', `/api/products/import/${preview.importId}/commit`);
    expect(commit.status).toBe(409);
    expect(await commit.json()).toMatchObject({ error: { code: 'import_stale' } });
    const created = await t.database.admin
      .select()
      .from(products)
      .where(and(eq(products.tenantId, tenant.tenantId), eq(products.code, `${run}-CSV-E`)));
    expect(created).toEqual([]);
    // Only its creator may commit a preview: another manager's is as if it did not exist.
    const other = await as('manager').send('POST', `/api/products/import/${preview.importId}/commit`);
    expect(other.status).toBe(404);
  });
});
