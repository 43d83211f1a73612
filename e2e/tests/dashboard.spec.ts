import { expect, test } from '@playwright/test';
import { demo, signIn } from './support.ts';

/*
 * The manager's dashboard on the demo company: the six KPIs with their changes, the trend chart,
 * the table by rep, a drill-down from a number to its customers (one opens its カルテ), the period
 * kept in the URL, the CSV; and a rep's own figures with their place in the team.
 */

test('a manager reads the KPIs, drills from 顧客稼働数 to a customer’s カルテ, and keeps the period in the URL', async ({
  page,
}, testInfo) => {
  await signIn(page, demo.manager);
  await page.goto('/dashboard');
  // The first figures of a fresh server come while it also plans the demo's next two weeks.
  await expect(page.getByTestId('kpi-card-ordersWon')).toBeVisible({ timeout: 30_000 });
  for (const key of [
    'ordersWon',
    'formsCollected',
    'retentionRate',
    'revenuePerCustomerExclTax',
    'activeCustomers',
    'satisfactionMean',
  ])
    await expect(page.getByTestId(`kpi-card-${key}`)).toBeVisible();
  // Two years of demo orders: last month has orders, and a change against last year.
  const orders = page.getByTestId('kpi-card-ordersWon');
  await expect(orders.getByTestId('kpi-value')).toHaveText(/^\d[\d,]*$/);
  await expect(orders.getByTestId('kpi-change').nth(1)).toHaveText(/前年同期比 [+−±]\d/);
  await expect(page.getByTestId('kpi-trend-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('kpi-rep-row').first()).toBeVisible();

  await page.getByTestId('kpi-period').click();
  await page.getByRole('option', { name: '直近3か月' }).click();
  await expect(page).toHaveURL(/period=last3m/);
  await page.reload();
  await expect(page.getByTestId('kpi-period')).toHaveValue('直近3か月');

  const csv = await page.getByTestId('kpi-csv').getAttribute('href');
  const file = await page.request.get(csv!, { headers: { 'Accept-Language': 'ja' } });
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('text/csv');
  expect(await file.text()).toMatch(/\r\n[^\r\n]*,合計 [^\r\n]+\r\n$/);

  const active = page.getByTestId('kpi-card-activeCustomers');
  const count = Number((await active.getByTestId('kpi-value').textContent())!.replace(/,/g, ''));
  expect(count).toBeGreaterThan(0);
  await active.getByTestId('kpi-value').click();
  const records = page.getByTestId('kpi-record');
  await expect(records.first()).toBeVisible();
  await expect(page.getByText(`${Math.min(count, 50)} 件を表示`)).toBeVisible();
  const first = records.first().getByRole('link');
  const name = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(/\/customers\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  if (testInfo.project.name === 'phone')
    await page.screenshot({ path: testInfo.outputPath('karte-from-dashboard.png') });
});

test('a rep sees their own figures and their place in the team, not the others’ table', async ({ page }) => {
  await signIn(page, demo.rep1);
  await page.goto('/dashboard');
  await expect(page.getByTestId('kpi-card-ordersWon').getByTestId('kpi-value')).toHaveText(/^\d[\d,]*$/, {
    timeout: 30_000,
  });
  const places = page.getByTestId('kpi-team-places');
  await expect(places).toContainText('チーム内の順位');
  await expect(places).toContainText(/\d位 \/ \d人/);
  await expect(page.getByTestId('kpi-rep-table')).toHaveCount(0);
  await expect(page.getByTestId('kpi-scope')).toHaveCount(0);
});
