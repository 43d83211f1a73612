import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { api, demo, signIn } from './support.ts';

interface ProductPage {
  items: { id: string; code: string; unitPrice: number }[];
}

test('a manager adds a decimal-priced product, gives a customer a special price, exports and re-imports the catalog', async ({
  page,
}, testInfo) => {
  // Both projects share one server: every run makes its own code.
  const code = `E2E-${testInfo.project.name.toUpperCase()}-${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, demo.manager);
  if (testInfo.project.name === 'desk') await page.getByRole('link', { name: '商品マスタ' }).click();
  else await page.goto('/catalog');
  await expect(page.getByRole('heading', { name: '商品マスタ' })).toBeVisible();

  // The demo's copier counter charge shows its decimals; furigana search takes hiragana.
  await page.getByPlaceholder('商品コード・商品名・フリガナで検索').fill('ものくろかうんたー');
  const list = page.getByTestId('product-list');
  await expect(list.getByText('モノクロカウンター料金')).toBeVisible();
  await expect(list.getByText('¥1.5', { exact: true })).toBeVisible();

  // A new product at 2.75円/枚.
  await page.getByRole('button', { name: '商品を追加' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('textbox', { name: '商品コード' }).fill(code);
  await form.getByRole('textbox', { name: '商品名' }).fill('E2Eカウンター料金');
  await form.getByRole('textbox', { name: 'フリガナ' }).fill('いーつーいーかうんたー');
  await form.getByRole('textbox', { name: '単価（税抜）' }).fill('2.75');
  await form.getByRole('textbox', { name: '単位' }).fill('枚');
  await form.getByRole('button', { name: '保存' }).click();

  // It opens for editing: give the manager's first customer a special price from today.
  const editor = page.getByRole('dialog', { name: '商品の編集' });
  await expect(editor.getByTestId('price-entries-empty')).toBeVisible();
  const customers = await api<{ items: { id: string; code: string; name: string }[] }>(
    page,
    '/api/customers?limit=1',
  );
  const customer = customers.items[0]!;
  const add = editor.getByTestId('add-price-entry');
  await add.getByRole('combobox', { name: '顧客' }).fill(customer.code);
  await page.getByRole('option', { name: new RegExp(customer.name) }).click();
  await add.getByRole('textbox', { name: '特別単価' }).fill('2.2');
  await add.getByRole('button', { name: '価格を追加' }).click();
  const entry = editor.getByTestId('price-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByText(customer.name)).toBeVisible();
  await expect(entry.getByText('¥2.2')).toBeVisible();
  await expect(entry.getByText('適用中').filter({ visible: true })).toHaveCount(1);
  await editor.getByRole('button', { name: 'キャンセル' }).click();

  // The quote editor's price for this customer is now the special one.
  const product = (await api<ProductPage>(page, `/api/products?q=${code}`)).items[0]!;
  expect(product.unitPrice).toBe(2.75);
  const price = await api<{ unitPrice: string; source: string }>(
    page,
    `/api/products/${product.id}/price?customerId=${customer.id}`,
  );
  expect(price).toMatchObject({ unitPrice: '2.2', source: 'customer_price' });

  // Export as Shift_JIS (for Excel): the row carries the decimals and the tax category.
  await page.getByPlaceholder('商品コード・商品名・フリガナで検索').fill(code);
  await expect(list.getByText('E2Eカウンター料金')).toBeVisible();
  await page.getByRole('button', { name: 'エクスポート' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV（Shift_JIS・Excel向け）' }).click();
  const download = await downloading;
  const exported = iconv.decode(readFileSync((await download.path()) as string), 'cp932');
  expect(exported).toContain(`${code},E2Eカウンター料金,イーツーイーカウンター,,枚,2.75,標準10%,有効`);

  // Import it back with a new price: the preview shows old → new, the commit writes it.
  const edited = exported.replace(`,枚,2.75,`, ',枚,2.8,');
  await page.getByRole('button', { name: 'CSV取込' }).click();
  const importer = page.getByRole('dialog', { name: '商品マスタのCSV取込' });
  await importer
    .locator('input[type="file"]')
    .setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: iconv.encode(edited, 'cp932') });
  await importer.getByRole('button', { name: '内容を確認' }).click();
  const change = importer.getByTestId('import-change');
  await expect(change).toHaveCount(1);
  await expect(change.getByTestId('change-before')).toHaveText('2.75');
  await expect(change.getByTestId('change-after')).toHaveText('2.8');
  await importer.getByRole('button', { name: '1件を取り込む' }).click();
  await expect(importer.getByTestId('product-import-result')).toHaveText(
    '取り込みました（追加 0件・更新 1件）。',
  );
  await importer.getByRole('button', { name: '閉じる' }).click();
  await expect(list.getByText('¥2.8', { exact: true })).toBeVisible();
});

test('a rep sees no 商品マスタ entry and cannot write the catalog', async ({ page }) => {
  await signIn(page, demo.rep1);
  await expect(page.getByRole('link', { name: '商品マスタ' })).toHaveCount(0);
  const res = await page.request.post('/api/products', {
    headers: { origin: new URL(page.url()).origin },
    data: { code: 'REP-TRY', name: '営業の商品', unit: '個', unitPrice: 1 },
  });
  expect(res.status()).toBe(403);
});
