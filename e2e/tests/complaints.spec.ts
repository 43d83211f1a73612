import { expect, test } from '@playwright/test';
import { api, demo, signIn } from './support.ts';

test.use({ viewport: { width: 390, height: 844 } });

test('a complaint walks 受付 → 対応中 → 解決 → 完了確認 with its history; the manager sees an overdue one', async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the phone flow');
  await signIn(page, demo.rep1);
  const book = await api<{ items: { id: string; name: string }[] }>(page, '/api/customers?limit=1');
  const customer = book.items[0]!;
  const title = `E2E 納品が遅れた ${Date.now() % 100000}`;
  const created = await page.request.post('/api/complaints', {
    headers: { 'Idempotency-Key': crypto.randomUUID(), Origin: baseURL ?? '', 'Accept-Language': 'ja' },
    data: {
      id: crypto.randomUUID(),
      customerId: customer.id,
      source: 'phone',
      kind: 'complaint',
      category: 'delivery',
      severity: 'high',
      title,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto('/complaints');
  await page.getByRole('link', { name: title }).click();
  const status = page.getByTestId('complaint-status');
  await expect(status).toHaveText('受付');
  await page.getByRole('button', { name: '対応開始' }).click();
  await expect(status).toHaveText('対応中');
  await page.getByLabel('対応メモ').fill('倉庫に確認、翌日再配送');
  await page.getByRole('button', { name: '解決' }).click();
  await expect(status).toHaveText('解決');
  // A resolved complaint waits for the customer's confirmation on the next briefing.
  await page.goto(`/customers/${customer.id}/briefing`);
  await expect(page.getByTestId('briefing-awaiting')).toContainText(title);
  await page.goto(`/complaints/${id}`);
  await page.getByRole('button', { name: '完了確認' }).click();
  await expect(status).toHaveText('完了確認');
  await expect(page.getByTestId('complaint-action')).toHaveCount(4);

  // The manager's view of the field lists the overdue (escalated) complaints of the team.
  await page.context().clearCookies();
  await signIn(page, demo.manager);
  await page.goto('/field');
  await expect(page.getByTestId('field-rep').first()).toBeVisible();
  const escalated = page.getByTestId('field-escalated');
  await expect(escalated.first()).toBeVisible();
  await escalated.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/complaints\/[^/]+$/);
  await expect(page.getByText('期限切れ').first()).toBeVisible();
});
