import { expect, type Locator, type Page, test } from '@playwright/test';
import { api, demo, signIn } from './support.ts';

/** Picks a catalog product in a quote line by typing its code into the 商品 search. */
async function pickProduct(page: Page, line: Locator, code: string) {
  await line.getByLabel('商品').fill(code);
  await page
    .getByRole('option', { name: new RegExp(code) })
    .first()
    .click();
}

test('a quote from a visit: 8% and 10% lines, 発行, PDF, 改訂, 受注にする, and its order', async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(
    testInfo.project.name !== 'desk',
    'the desk flow (the editor is tested on a phone by its screenshots)',
  );
  await signIn(page, demo.rep1);
  const book = await api<{ items: { id: string; name: string }[] }>(page, '/api/customers?limit=1');
  const customer = book.items[0]!;

  // A visit of the rep's customer whose log asked for a quote.
  const headers = { Origin: baseURL ?? '', 'Accept-Language': 'ja' };
  const visitId = crypto.randomUUID();
  const needs = `コピー用紙とコーヒー豆の見積がほしい ${Date.now() % 100000}`;
  const checkIn = await page.request.post('/api/visits', {
    headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
    data: { id: visitId, customerId: customer.id, at: new Date().toISOString() },
  });
  expect(checkIn.status()).toBe(201);
  const logged = await page.request.put(`/api/visits/${visitId}/log`, {
    headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
    data: { outcome: 'met', notes: '定期訪問', needs },
  });
  expect(logged.ok()).toBe(true);

  await page.goto(`/quotes/new?customerId=${customer.id}&visitId=${visitId}`);
  await expect(page.getByRole('textbox', { name: '顧客' })).toHaveValue(customer.name);
  await expect(page.getByRole('textbox', { name: '備考' })).toHaveValue(needs);
  const subject = `E2E 定期購入 ${Date.now() % 100000}`;
  await page.getByRole('textbox', { name: '件名' }).fill(subject);

  const lines = page.getByTestId('quote-line');
  await pickProduct(page, lines.nth(0), 'PA-A4-2500');
  await lines.nth(0).getByRole('textbox', { name: '数量' }).fill('5');
  await page.getByRole('button', { name: '明細を追加' }).click();
  await pickProduct(page, lines.nth(1), 'CF-OB-1K');
  await lines.nth(1).getByRole('textbox', { name: '数量' }).fill('2');
  // The coffee is a reduced-rate item: the totals show both rates, the 8% one marked ※.
  await expect(page.getByTestId('subtotal-10')).toBeVisible();
  await expect(page.getByTestId('subtotal-8')).toHaveText('¥7,200');
  await expect(page.getByTestId('tax-8')).toHaveText('¥576');
  await page.getByRole('button', { name: '下書き保存' }).click();

  await expect(page).toHaveURL(/\/quotes\/[^/]+$/);
  const status = page.getByTestId('quote-status').first();
  await expect(status).toHaveText('下書き');
  await expect(page.getByTestId('document-line')).toHaveCount(2);
  // Stored with the customer's own prices (the server's price lookup): 2 bags of coffee.
  const yen = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));
  const coffeeFor2 = yen(await page.getByTestId('subtotal-8').textContent());
  expect(coffeeFor2).toBeGreaterThan(0);
  await page.getByRole('button', { name: '発行' }).click();
  await expect(status).toHaveText('提出済');

  // The PDF: a real PDF of some size, served as application/pdf.
  const href = await page.getByTestId('quote-pdf').getAttribute('href');
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(5_000);

  // 改訂: a new draft revision with the same number; the first stays as 旧版 (revisions newest first).
  const quoteNo = (await page.getByTestId('quote-number').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: '改訂' }).click();
  await expect(page).toHaveURL(/\/quotes\/[^/]+\/edit$/);
  await lines.nth(1).getByRole('textbox', { name: '数量' }).fill('3');
  await expect(page.getByTestId('subtotal-8')).toHaveText(
    `¥${((coffeeFor2 / 2) * 3).toLocaleString('ja-JP')}`,
  );
  await page.getByRole('button', { name: '下書き保存' }).click();
  await expect(page).toHaveURL(/\/quotes\/[^/]+$/);
  await expect(page.getByTestId('quote-number')).toContainText(quoteNo);
  await expect(page.getByTestId('quote-number')).toContainText('第2版');
  await expect(page.getByTestId('revision-status')).toHaveText(['下書き', '旧版']);
  await page.getByRole('button', { name: '発行' }).click();
  await expect(status).toHaveText('提出済');

  // 受注にする: the order carries the quote's lines and total.
  const total = await page.getByTestId('quote-total').textContent();
  await page.getByRole('button', { name: '受注にする' }).click();
  await expect(status).toHaveText('受注');
  await page.getByTestId('quote-order-link').click();
  await expect(page).toHaveURL(/\/orders\/[^/]+$/);
  await expect(page.getByTestId('order-status')).toHaveText('受注');
  await expect(page.getByTestId('quote-total')).toHaveText(total ?? '');
  await expect(page.getByTestId('document-line')).toHaveCount(2);
  const orderNo = (await page.getByTestId('order-number').textContent())?.trim() ?? '';

  // …and the order is in the orders list.
  await page.goto('/deals?tab=orders');
  await expect(page.getByTestId('order-row').filter({ hasText: orderNo })).toBeVisible();
});
