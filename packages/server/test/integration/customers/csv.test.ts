import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerImports, customers } from '../../../src/domains/customers/tables.ts';
import type { SignedTenantFixture, TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp, csvForm, signInAll } from './customer-app.ts';

type Preview = {
  importId: string;
  sample: {
    row: number;
    action: string;
    code: string | null;
    name: string;
    changes: { column: string; before: string | null; after: string }[];
  }[];
  totalRows: number;
  validRows: number;
  errorRows: number;
  ignoredColumns: string[];
  errors: { row: number; column: string; message: string }[];
  summary: { create: number; update: number; unchanged: number };
  encoding: string;
};

const HEADER =
  '顧客コード,会社名,フリガナ,敬称,郵便番号,住所,電話番号,担当者メール,エリア,ランク,ステータス,訪問周期(日),許容幅(日),訪問曜日,訪問時間帯,滞在時間(分),好み・人柄,注意点,メモ,緯度,経度';

/** The primary contact's columns, which export writes last. */
const CONTACT_HEADER = '先方担当者,先方担当者役職,先方担当者電話,先方担当者メール';

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
const db = () => t.database.admin;
/** This tenant's customers with this name (a PostgreSQL test database keeps earlier runs' rows). */
const byName = (name: string) =>
  db()
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.name, name)));
const snapshot = () =>
  db().select().from(customers).where(eq(customers.tenantId, tenant.tenantId)).orderBy(customers.code);

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant({ customersPerRep: 4 });
  as = await signInAll(t, tenant);
  const c = tenant.customersOf('rep1')[0]!;
  await db()
    .update(customers)
    .set({
      nameKana: 'カブシキガイシャ テスト',
      preferredWeekdays: [1, 3, 5],
      cautions: '搬入は裏口から、"台車"必須\n13時〜14時は不在',
      notes: 'お礼状は手書きで 😀 Café',
      status: 'dormant',
      honorific: 'sama',
    })
    .where(eq(customers.id, c.id));
  await db()
    .update(customers)
    .set({ preferences: '=SUM(A1) のような式は書かない' })
    .where(eq(customers.id, tenant.customersOf('rep1')[1]!.id));
  // The fixture furigana (テストREP1…) is not pure katakana: make every row importable.
  for (const [i, other] of tenant.customers.slice(1).entries()) {
    await db()
      .update(customers)
      .set({ nameKana: `テスト ${'ア'.repeat(i + 1)}` })
      .where(eq(customers.id, other.id));
  }
});
afterAll(() => t.close());

const exportCsv = async (query = '') => {
  const res = await as('admin').get(`/api/customers/export.csv${query}`);
  expect(res.status).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
};
const preview = async (
  file: Uint8Array | string,
  who: 'admin' | 'manager' = 'admin',
  locale?: 'ja' | 'en',
) => {
  const res = await as(who).send('POST', '/api/customers/import/preview', csvForm(file), locale);
  expect(res.status).toBe(200);
  return (await res.json()) as Preview;
};
const commit = (importId: string, who: 'admin' | 'manager' = 'admin') =>
  as(who).send('POST', `/api/customers/import/${importId}/commit`);

describe('export', () => {
  it('writes Shift_JIS with CRLF and a dated attachment name by default', async () => {
    const { res, bytes } = await exportCsv();
    expect(res.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="customers-\d{8}\.csv"; filename\*=UTF-8''customers-\d{8}\.csv$/,
    );
    const text = iconv.decode(Buffer.from(bytes), 'cp932');
    expect(text.startsWith(`${HEADER},${CONTACT_HEADER}\r\n`)).toBe(true);
    expect(text).toContain('"搬入は裏口から、""台車""必須\n13時～14時は不在"');
    // 😀 and é have no Shift_JIS code: written as 〓, and counted.
    expect(text).toContain('お礼状は手書きで 〓 Caf〓');
    expect(res.headers.get('x-replaced-characters')).toBe('2');
    expect(text).toContain(',月水金,');
    // A formula-like cell is written as text for Excel (and read back without the apostrophe).
    expect(text).toContain(",'=SUM(A1) のような式は書かない,");
    expect(text).toContain(',休眠,');
    expect(text).toContain(',様,');
  });

  it('writes UTF-8 with a BOM on request, keeping every character', async () => {
    const { res, bytes } = await exportCsv('?encoding=utf8');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('😀 Café');
  });

  it('applies the list filters', async () => {
    const { bytes } = await exportCsv(`?encoding=utf8&repId=${tenant.users.rep3.id}`);
    const rows = new TextDecoder().decode(bytes).trim().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',')[0]).sort()).toEqual(
      tenant
        .customersOf('rep3')
        .map((c) => c.code)
        .sort(),
    );
  });
});

describe('round trip', () => {
  it.each(['utf8', 'sjis'])('re-importing an %s export changes nothing', async (encoding) => {
    const before = await snapshot();
    const { bytes } = await exportCsv(`?encoding=${encoding}`);
    const p = await preview(bytes);
    expect(p.encoding).toBe(encoding);
    expect(p.errors).toEqual([]);
    expect(p.summary).toEqual({ create: 0, update: 0, unchanged: tenant.customers.length });
    const res = await commit(p.importId);
    expect(await res.json()).toEqual({ created: 0, updated: 0 });
    // The emoji survives a Shift_JIS round trip: 〓 in the file does not overwrite it.
    expect(await snapshot()).toEqual(before);
  });
});

describe('import', () => {
  const row = (cells: Partial<Record<string, string>>) => {
    const base: Record<string, string> = {
      顧客コード: '',
      会社名: '取込商事',
      フリガナ: 'トリコミショウジ',
      敬称: '御中',
      郵便番号: '530-0001',
      住所: '大阪府大阪市北区梅田2-2-2',
      電話番号: '06-6000-9999',
      担当者メール: tenant.users.rep1.email,
      エリア: tenant.areas[0]!.name,
      ランク: 'B',
      ステータス: '稼働',
      '訪問周期(日)': '28',
      '許容幅(日)': '3',
      訪問曜日: '火木',
      訪問時間帯: '09:00-12:00;13:00-17:30',
      '滞在時間(分)': '30',
      '好み・人柄': '',
      注意点: '',
      メモ: '',
    };
    return HEADER.split(',')
      .map((h) => ({ ...base, ...cells })[h] ?? '')
      .join(',');
  };
  const file = (...rows: string[]) => `${HEADER}\r\n${rows.join('\r\n')}\r\n`;

  it('names every bad row and column, in the caller’s language, and writes nothing', async () => {
    const before = await snapshot();
    const csv = file(
      row({ 顧客コード: 'N-1' }),
      row({ 顧客コード: 'N-2', 電話番号: '06-ABCD', エリア: '存在しない区' }),
      row({ 顧客コード: 'N-1', ステータス: 'active', 訪問曜日: '月曜' }),
      row({ 顧客コード: 'N-4', '訪問周期(日)': '7', '許容幅(日)': '8', 担当者メール: 'nobody@example.com' }),
    );
    const p = await preview(csv, 'admin', 'en');
    // Rows as a spreadsheet numbers them (header = row 1); counts are rows, not errors.
    expect([p.totalRows, p.validRows, p.errorRows]).toEqual([4, 1, 3]);
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '電話番号'],
      [3, 'エリア'],
      [4, '顧客コード'],
      [4, '訪問曜日'],
      [5, '担当者メール'],
      [5, '許容幅(日)'],
    ]);
    expect(p.errors[0]!.message).toBe('Phone number: digits and hyphens only.');
    const ja = await preview(csv);
    expect(ja.errors[0]!.message).toBe('電話番号は数字とハイフンで入力してください。');
    const res = await commit(p.importId);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'import_has_errors' } });
    expect(await snapshot()).toEqual(before);
  });

  it('reads an Excel (CP932) file with its vendor characters and a UTF-8 file without BOM alike', async () => {
    const csv = file(row({ 顧客コード: 'XL-1', 会社名: '㈱髙島屋商店①', 訪問時間帯: '9:00～12:00' }));
    const sjis = await preview(iconv.encode(csv, 'cp932'));
    const utf8 = await preview(new TextEncoder().encode(csv));
    for (const p of [sjis, utf8]) {
      expect(p.errors).toEqual([]);
      expect(p.sample).toEqual([
        expect.objectContaining({ code: 'XL-1', name: '㈱髙島屋商店①', action: 'create' }),
      ]);
    }
    expect([sjis.encoding, utf8.encoding]).toEqual(['sjis', 'utf8']);
  });

  it('numbers rows as a spreadsheet does, blank lines included', async () => {
    const csv = `${HEADER}\r\n${row({ 顧客コード: 'L-2' })}\r\n\r\n${row({ 顧客コード: 'L-4', ランク: 'S' })}\r\n`;
    const p = await preview(csv);
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([[4, 'ランク']]);
    expect(p.totalRows).toBe(2);
  });

  it('refuses a workbook, an image or UTF-16 as not CSV, naming what it is', async () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), /Excelブック/],
      [
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
        /文字として読めない/,
      ],
      [new Uint8Array(Buffer.from(`\ufeff${HEADER}\r\n`, 'utf16le')), /UTF-16/],
      [new TextEncoder().encode('name,phone\r\nA,1\r\n'), /1行目/],
    ];
    for (const [bytes, message] of cases) {
      const res = await as('admin').send('POST', '/api/customers/import/preview', csvForm(bytes));
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('not_csv');
      expect(body.error.message).toMatch(/^CSVファイルではありません。/);
      expect(body.error.message).toMatch(message);
    }
  });

  it('takes any subset of columns: a blank cell or a missing column keeps the stored value', async () => {
    const target = tenant.customersOf('rep1')[2]!;
    await db()
      .update(customers)
      .set({ postalCode: '530-0011', timeWindows: [{ start: '10:00', end: '16:00' }], notes: '残すメモ' })
      .where(eq(customers.id, target.id));
    const [stored] = await db().select().from(customers).where(eq(customers.id, target.id));
    // Only three columns, one of them blank, and a column the import does not know.
    const csv = `顧客コード,電話番号,郵便番号,訪問時間帯,社内メモ\r\n${target.code},06-7777-0000,,,無視される\r\n`;
    const p = await preview(csv);
    expect(p.errors).toEqual([]);
    expect(p.ignoredColumns).toEqual(['社内メモ']);
    expect(p.summary).toEqual({ create: 0, update: 1, unchanged: 0 });
    expect(p.sample[0]).toMatchObject({
      row: 2,
      action: 'update',
      changes: [{ column: '電話番号', before: stored!.phone, after: '06-7777-0000' }],
    });
    await commit(p.importId);
    const [after] = await db().select().from(customers).where(eq(customers.id, target.id));
    expect(after).toMatchObject({
      phone: '06-7777-0000',
      postalCode: '530-0011',
      timeWindows: [{ start: '10:00', end: '16:00' }],
      notes: '残すメモ',
      name: stored!.name,
      repId: stored!.repId,
    });
  });

  it('empties a field only when the cell says (削除) or (clear), and shows old → new', async () => {
    const target = tenant.customersOf('rep1')[3]!;
    await db()
      .update(customers)
      .set({ postalCode: '530-0012', notes: '消すメモ', lat: 34.7, lng: 135.5 })
      .where(eq(customers.id, target.id));
    const csv = `顧客コード,郵便番号,メモ,緯度,経度,ランク\r\n${target.code},（削除）,(CLEAR),34.6937,135.5023,(削除)\r\n`;
    const refused = await preview(csv);
    // 会社名, ランク and the like always hold a value.
    expect(refused.errors).toEqual([{ row: 2, column: 'ランク', message: '「ランク」は空にできません。' }]);
    const p = await preview(csv.replace(',(削除)\r\n', ',A\r\n'));
    expect(p.errors).toEqual([]);
    expect(p.sample[0]!.changes).toEqual([
      { column: '郵便番号', before: '530-0012', after: '' },
      { column: 'ランク', before: 'B', after: 'A' },
      { column: 'メモ', before: '消すメモ', after: '' },
      { column: '緯度', before: '34.7', after: '34.6937' },
      { column: '経度', before: '135.5', after: '135.5023' },
    ]);
    await commit(p.importId);
    const [after] = await db().select().from(customers).where(eq(customers.id, target.id));
    expect(after).toMatchObject({ postalCode: '', notes: '', lat: 34.6937, lng: 135.5023, rank: 'A' });
  });

  it('needs only 会社名 for a new customer (and the rep for a manager), naming what is missing', async () => {
    const csv = `会社名,住所,担当者メール\r\n最小限商事,大阪府大阪市西区1-1,${tenant.users.rep1.email}\r\n,大阪府堺市,${tenant.users.rep1.email}\r\n名前だけ商事,,\r\n`;
    const p = await preview(csv, 'manager');
    expect(p.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, '会社名', '新しい顧客には会社名が必要です。'],
      [4, '担当者メール', '担当者を指定してください。'],
    ]);
    expect(p.sample).toEqual([
      expect.objectContaining({
        row: 2,
        action: 'create',
        changes: expect.arrayContaining([
          { column: '会社名', before: null, after: '最小限商事' },
          { column: '担当者メール', before: null, after: tenant.users.rep1.name },
        ]),
      }),
    ]);
    const header = await preview('電話番号,メモ\r\n06-1,x\r\n');
    expect(header.errors).toEqual([expect.objectContaining({ row: 1, column: '会社名' })]);
  });

  it('creates new rows (generating codes) and updates changed ones, once', async () => {
    const existing = tenant.customersOf('rep2')[0]!;
    const csv = file(
      row({}),
      row({ 顧客コード: existing.code, 会社名: '改名後の商事', 担当者メール: tenant.users.rep2.email }),
    );
    const p = await preview(iconv.encode(csv, 'cp932'), 'manager');
    expect(p.encoding).toBe('sjis');
    expect(p.errors).toEqual([]);
    expect(p.summary).toEqual({ create: 1, update: 1, unchanged: 0 });
    // Nothing is written before the commit.
    expect(await byName('取込商事')).toEqual([]);
    const res = await commit(p.importId, 'manager');
    expect(await res.json()).toEqual({ created: 1, updated: 1 });
    const [created] = await byName('取込商事');
    expect(created).toMatchObject({
      code: expect.stringMatching(/^C\d{5}$/),
      repId: tenant.users.rep1.id,
      preferredWeekdays: [2, 4],
      timeWindows: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
    });
    const [updated] = await db().select().from(customers).where(eq(customers.id, existing.id));
    expect(updated).toMatchObject({ name: '改名後の商事', version: 2 });
    const again = await commit(p.importId, 'manager');
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'import_already_committed' } });
  });

  it('writes nothing when the commit fails part-way', async () => {
    const existing = tenant.customersOf('rep1')[1]!;
    const csv = file(
      row({ 顧客コード: existing.code, 会社名: '途中失敗で戻るはずの名前' }),
      row({ 顧客コード: 'RACE-1', 会社名: '競合商事' }),
    );
    const p = await preview(csv);
    expect(p.errors).toEqual([]);
    const before = await snapshot();
    // Someone takes RACE-1 between preview and commit: the insert fails after the update ran.
    const taken = await as('rep1').send('POST', '/api/customers', { name: '先取り', code: 'RACE-1' });
    expect(taken.status).toBe(201);
    const res = await commit(p.importId);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'code_taken' } });
    const after = await snapshot();
    expect(after.filter((c) => c.code !== 'RACE-1')).toEqual(before);
  });

  it('refuses a commit when a customer changed since the preview', async () => {
    const existing = tenant.customersOf('rep3')[1]!;
    const p = await preview(
      file(row({ 顧客コード: existing.code, 会社名: '取込の名前', 担当者メール: tenant.users.rep3.email })),
    );
    expect(p.summary.update).toBe(1);
    const [current] = await db().select().from(customers).where(eq(customers.id, existing.id));
    const edit = await as('rep3').send('PATCH', `/api/customers/${existing.id}`, {
      version: current!.version,
      notes: '編集が先',
    });
    expect(edit.status).toBe(200);
    const res = await commit(p.importId);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'import_stale' } });
    const [after] = await db().select().from(customers).where(eq(customers.id, existing.id));
    expect(after).toMatchObject({ notes: '編集が先', name: current!.name });
  });

  it('does not let an unchanged row overwrite, or block on, an edit made since the preview', async () => {
    const target = tenant.customersOf('rep2')[1]!;
    const { bytes } = await exportCsv(`?encoding=utf8&repId=${tenant.users.rep2.id}`);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const targetLine = lines.find((l) => l.startsWith(`${target.code},`)) as string;
    const p = await preview(file(targetLine, row({ 会社名: '同時取込商事' })));
    expect(p.summary).toEqual({ create: 1, update: 0, unchanged: 1 });
    const [current] = await db().select().from(customers).where(eq(customers.id, target.id));
    const edit = await as('rep2').send('PATCH', `/api/customers/${target.id}`, {
      version: current!.version,
      notes: 'プレビュー後の編集',
    });
    expect(edit.status).toBe(200);
    const res = await commit(p.importId);
    expect(await res.json()).toEqual({ created: 1, updated: 0 });
    const [after] = await db().select().from(customers).where(eq(customers.id, target.id));
    expect(after!.notes).toBe('プレビュー後の編集');
  });

  it('refuses an expired preview', async () => {
    const p = await preview(file(row({ 会社名: '期限切れ商事' })));
    await db()
      .update(customerImports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(customerImports.id, p.importId));
    const res = await commit(p.importId);
    expect(res.status).toBe(410);
    expect(await byName('期限切れ商事')).toEqual([]);
  });

  it('refuses an upload without a file', async () => {
    const res = await as('admin').send('POST', '/api/customers/import/preview', new FormData());
    expect(res.status).toBe(422);
  });
});
