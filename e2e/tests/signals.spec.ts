import type { Briefing, BriefingReorderLine } from '@kayoi/server/contracts';
import { expect, test } from '@playwright/test';
import { api, demo, signIn } from './support.ts';

/*
 * Issue 10's reorder signal on the rep's phone and desk: a briefing of a demo customer with a due
 * reorder shows 発注予定 with the usual interval in words; 見積を作成 opens the quote editor with those
 * products at the customer's prices and usual quantities, and the live totals equal the server's.
 */

interface UnitPrice {
  unitPrice: string;
  source: 'list' | 'customer_price' | 'discount';
}
interface Product {
  id: string;
  taxRate: 8 | 10;
}
interface Totals {
  subtotals: { '10'?: number; '8'?: number };
  total: number;
}

const yen = (n: number) => `¥${n.toLocaleString('ja-JP')}`;
/** How the editor shows a decimal-yen price: `'12160.00'` → `'12160'`. */
const priceText = (p: string) => p.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

test('a rep taps 見積を作成 on a due reorder and gets those lines at the customer’s prices, totals as the server’s', async ({
  page,
  baseURL,
}) => {
  await signIn(page, demo.rep1);
  const book = await api<{ items: { id: string; name: string }[] }>(page, '/api/customers?limit=100');

  // A customer of the rep with reorders due; preferably one paying a special price for one of them.
  let chosen: { id: string; name: string; due: BriefingReorderLine[]; prices: UnitPrice[] } | null = null;
  for (const customer of book.items) {
    const briefing = await api<Briefing>(page, `/api/customers/${customer.id}/briefing`);
    if (briefing.reorderDue.length === 0) continue;
    const prices = await Promise.all(
      briefing.reorderDue.map((r) =>
        api<UnitPrice>(page, `/api/products/${r.productId}/price?customerId=${customer.id}`),
      ),
    );
    const candidate = { ...customer, due: briefing.reorderDue, prices };
    chosen ??= candidate;
    if (prices.some((p) => p.source !== 'list')) {
      chosen = candidate;
      break;
    }
  }
  expect(chosen, 'the demo seed gives the rep a customer with a due reorder').not.toBeNull();
  const { id, name, due, prices } = chosen!;
  test.info().annotations.push({
    type: 'prices',
    description: `${name}: ${prices.map((p) => p.source).join(', ')}`,
  });

  await page.goto(`/customers/${id}/briefing`);
  const card = page.getByTestId('reorder-card');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { name: '発注予定' })).toBeVisible();
  await expect(card.getByTestId('signal-item')).toHaveCount(due.length);
  for (const r of due) {
    const item = card.getByTestId('signal-item').filter({ hasText: r.productName });
    await expect(item).toContainText(`通常 約${r.medianIntervalDays}日ごと`);
    await expect(item).toContainText(r.daysUntil < 0 ? `${-r.daysUntil}日超過` : /あと\d+日|本日/);
    await expect(item.getByRole('link', { name: `${r.productName}を見積に追加` })).toBeVisible();
  }

  await card.getByRole('link', { name: '見積を作成' }).click();
  await expect(page).toHaveURL(/\/quotes\/new\?/);
  await expect(page.getByRole('textbox', { name: '顧客' })).toHaveValue(name);
  const lines = page.getByTestId('quote-line');
  await expect(lines).toHaveCount(due.length);
  const products = await Promise.all(due.map((r) => api<Product>(page, `/api/products/${r.productId}`)));
  for (const [i, r] of due.entries()) {
    const line = lines.filter({ hasText: r.productCode });
    await expect(line.getByRole('textbox', { name: '数量' })).toHaveValue(String(r.usualQuantity));
    await expect(line.getByRole('textbox', { name: '単価' })).toHaveValue(priceText(prices[i]!.unitPrice));
  }

  // The live totals are the server's for the same lines.
  const calculated = await page.request.post('/api/quotes/calculate', {
    headers: { Origin: baseURL ?? '', 'Accept-Language': 'ja' },
    data: {
      lines: due.map((r, i) => ({
        unitPrice: Number(prices[i]!.unitPrice),
        quantity: r.usualQuantity,
        taxRate: products[i]!.taxRate,
      })),
    },
  });
  expect(calculated.status()).toBe(200);
  const totals = (await calculated.json()) as Totals;
  await expect(page.getByTestId('quote-total').first()).toHaveText(yen(totals.total));
  for (const rate of ['10', '8'] as const)
    if (totals.subtotals[rate] !== undefined)
      await expect(page.getByTestId(`subtotal-${rate}`)).toHaveText(yen(totals.subtotals[rate]!));

  // Saved, the server prices it the same (the customer's price list decides).
  await page.getByRole('textbox', { name: '件名' }).fill(`定期補充品 ${Date.now() % 100000}`);
  await page.getByRole('button', { name: '下書き保存' }).first().click();
  await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]+$/);
  const quoteId = page.url().split('/').at(-1)!;
  const saved = await api<{ total: number; lines: unknown[] }>(page, `/api/quotes/${quoteId}`);
  expect(saved.lines).toHaveLength(due.length);
  expect(saved.total).toBe(totals.total);
});

test('a product a quote link names that does not exist is skipped with a notice', async ({ page }) => {
  await signIn(page, demo.rep1);
  const book = await api<{ items: { id: string }[] }>(page, '/api/customers?limit=1');
  await page.goto(`/quotes/new?customerId=${book.items[0]!.id}&products=NO-SUCH-CODE,PA-A4-2500&qty=1,3`);
  await expect(page.getByTestId('prefill-skipped')).toContainText('NO-SUCH-CODE：該当する商品がありません');
  await expect(page.getByTestId('quote-line')).toHaveCount(1);
  await expect(page.getByTestId('quote-line').getByRole('textbox', { name: '数量' })).toHaveValue('3');
});
