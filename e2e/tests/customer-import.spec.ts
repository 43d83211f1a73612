import { type CsvColumn, csvColumns } from '@kayoi/server/contracts';
import { expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { api, type CustomerDetail, type CustomerPage, demo, signIn } from './support.ts';

/** One data row: a new customer (no code) for rep1, overridden per test. */
const buildRow = (cells: Partial<Record<CsvColumn, string>>): Record<CsvColumn, string> => ({
  顧客コード: '',
  会社名: '',
  フリガナ: 'ツウイトリコミショウジ',
  敬称: '御中',
  郵便番号: '530-0001',
  住所: '大阪府大阪市北区梅田1-1-1',
  電話番号: '06-1234-5678',
  担当者メール: demo.rep1,
  エリア: '',
  ランク: 'B',
  ステータス: '稼働',
  '訪問周期(日)': '14',
  '許容幅(日)': '3',
  訪問曜日: '月水金',
  訪問時間帯: '09:00-12:00;13:00-17:30',
  '滞在時間(分)': '30',
  '好み・人柄': '',
  注意点: '駐車場は裏手',
  メモ: '',
  緯度: '',
  経度: '',
  先方担当者: '',
  先方担当者役職: '',
  先方担当者電話: '',
  先方担当者メール: '',
  ...cells,
});

/** The CSV as Excel in Japan saves it: Shift_JIS (CP932), CRLF line ends. */
const shiftJisCsv = (rows: Record<CsvColumn, string>[]) =>
  iconv.encode(
    [csvColumns, ...rows.map((row) => csvColumns.map((c) => row[c]))]
      .map((cells) => `${cells.join(',')}\r\n`)
      .join(''),
    'cp932',
  );

async function uploadAndPreview(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByRole('button', { name: 'アップロードして確認' }).click();
}

test('a Shift_JIS CSV with bad rows is refused row by row, a corrected one is committed', async ({
  page,
}, testInfo) => {
  // Both projects share one server: every run imports its own names.
  const token = `取込${testInfo.project.name}${Date.now().toString(36)}`;
  const names = [`浪速${token}商事`, `梅田${token}商店`, `北浜${token}工業`];

  await signIn(page, demo.manager);
  await page.goto('/customers');
  await page.getByRole('link', { name: 'CSV取込' }).click();
  await expect(page).toHaveURL(/\/customers\/import$/);

  const broken = [
    buildRow({ 会社名: names[0] }),
    buildRow({ 会社名: names[1], ランク: 'S' }),
    buildRow({ 会社名: names[2], 訪問曜日: 'Mon' }),
  ];
  await uploadAndPreview(page, 'customers-broken.csv', shiftJisCsv(broken));

  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  const errorRows = errors.locator('tbody tr');
  await expect(errorRows).toHaveCount(2);
  // Numbered as the spreadsheet shows the file: the header is row 1.
  await expect(errorRows.nth(0)).toContainText('3行目');
  await expect(errorRows.nth(0)).toContainText('ランク');
  await expect(errorRows.nth(1)).toContainText('4行目');
  await expect(errorRows.nth(1)).toContainText('訪問曜日');
  await expect(page.getByText('2行にエラーがあります')).toBeVisible();
  // The good row decoded from Shift_JIS is shown as it would be saved.
  await expect(page.getByTestId('import-sample')).toContainText(names[0]!);
  await expect(page.getByRole('button', { name: /行を取り込む/ })).toBeDisabled();

  const afterPreview = await api<CustomerPage>(page, `/api/customers?q=${encodeURIComponent(token)}`);
  expect(afterPreview.total).toBe(0);

  await page.getByRole('button', { name: '別のファイルを取り込む' }).click();
  const fixed = [
    buildRow({ 会社名: names[0] }),
    buildRow({ 会社名: names[1], ランク: 'A' }),
    buildRow({ 会社名: names[2], 訪問曜日: '火木' }),
  ];
  await uploadAndPreview(page, 'customers-fixed.csv', shiftJisCsv(fixed));
  await expect(page.getByText('エラーはありません。3行を取り込めます。')).toBeVisible();
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await page.getByRole('button', { name: '3行を取り込む' }).click();
  await expect(page.getByTestId('import-result')).toHaveText('新規登録 3件、更新 0件');

  const written = await api<CustomerPage>(page, `/api/customers?q=${encodeURIComponent(token)}`);
  expect(written.items.map((c) => c.name).sort()).toEqual([...names].sort());

  await page.getByRole('link', { name: '顧客一覧を見る' }).click();
  await page.getByLabel('顧客を検索').fill(names[1]!);
  await expect(page.getByRole('link', { name: new RegExp(names[1]!) }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(names[0]!) })).toHaveCount(0);
});

test('an update file shows each change old → new, keeps what its blank cells leave alone', async ({
  page,
}, testInfo) => {
  await signIn(page, demo.manager);
  // A demo customer (other tests add customers of their own): each project edits its own one.
  const list = await api<{ items: { id: string; code: string }[] }>(
    page,
    '/api/customers?sort=name&limit=50',
  );
  // Customers created by tests get codes of the same C00301 form: a demo one has a postal code.
  const demoCustomers: CustomerDetail[] = [];
  for (const c of list.items) {
    const detail = await api<CustomerDetail>(page, `/api/customers/${c.id}`);
    if (detail.postalCode !== '') demoCustomers.push(detail);
    if (demoCustomers.length === 2) break;
  }
  const target = demoCustomers[testInfo.project.name === 'phone' ? 0 : 1]!;
  const before = await api<CustomerDetail>(page, `/api/customers/${target.id}`);
  expect(before.postalCode).not.toBe('');
  const phone = `06-${String(Date.now()).slice(-4)}-${testInfo.project.name === 'phone' ? '1111' : '2222'}`;
  const newName = `差分${testInfo.project.name}${Date.now().toString(36)}商事`;
  // Three columns only; 郵便番号 is blank, so it keeps the stored value.
  const csv = [
    '顧客コード,会社名,電話番号,郵便番号,担当者メール',
    `${before.code},,${phone},,`,
    `,${newName},06-0000-0000,,${demo.rep1}`,
  ].join('\r\n');

  await page.goto('/customers/import');
  await uploadAndPreview(page, 'update.csv', Buffer.from(csv, 'utf8'));
  await expect(page.getByTestId('import-summary')).toHaveText('新規 1件・更新 1件・変更なし 0件');
  const rows = page.getByTestId('import-row');
  await expect(rows).toHaveCount(2);
  const updated = rows.nth(0);
  await expect(updated).toContainText('2行目');
  await expect(updated.getByText('更新', { exact: true })).toBeVisible();
  const changes = updated.getByTestId('import-change');
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toContainText('電話番号');
  await expect(changes.first().getByTestId('change-before')).toHaveText(before.phone);
  await expect(changes.first().getByTestId('change-after')).toHaveText(phone);
  const created = rows.nth(1);
  await expect(created.getByText('新規', { exact: true })).toBeVisible();
  await expect(created).toContainText(newName);
  await page.screenshot({ path: testInfo.outputPath('import-diff.png'), fullPage: true });

  await page.getByRole('button', { name: '2行を取り込む' }).click();
  await expect(page.getByTestId('import-result')).toHaveText('新規登録 1件、更新 1件');
  const after = await api<CustomerDetail>(page, `/api/customers/${target.id}`);
  expect(after).toMatchObject({ phone, postalCode: before.postalCode, name: before.name });
});

test('a workbook is refused as not a CSV file', async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto('/customers/import');
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]);
  await uploadAndPreview(page, 'customers.xlsx', zip);
  await expect(page.getByRole('alert')).toContainText('CSVファイルではありません。Excelブック');
});
