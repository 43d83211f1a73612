import { expect, test } from '@playwright/test';
import { api, type CustomerPage, demo, type Me, signIn } from './support.ts';

test('a wrong password is refused with a Japanese message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(demo.rep1);
  await page.getByLabel('パスワード').fill('wrong-password');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('alert')).toContainText(/メールアドレスまたはパスワード/);
  await expect(page).toHaveURL(/sign-in/);
});

test('a rep sees only their own customers, the manager sees the team', async ({ page, browser }) => {
  await signIn(page, demo.rep1);
  const me = await api<Me>(page, '/api/me');
  const mine = await api<CustomerPage>(page, '/api/customers?limit=200');
  expect(mine.total).toBeGreaterThan(10);
  expect(mine.items.every((c) => c.repId === me.user.id)).toBe(true);

  await page.getByRole('link', { name: '顧客' }).first().click();
  await expect(page.getByText(`${mine.total}件`)).toBeVisible();

  const context = await browser.newContext();
  const managerPage = await context.newPage();
  await signIn(managerPage, demo.manager);
  const team = await api<CustomerPage>(managerPage, '/api/customers?limit=200');
  expect(team.total).toBeGreaterThan(mine.total);
  await context.close();
});

test('search a customer, open its カルテ and see the purchase history', async ({ page }) => {
  await signIn(page, demo.rep1);
  const mine = await api<CustomerPage>(page, '/api/customers?limit=50&sort=-lastOrderAt');
  const target = mine.items[0]!;
  await page.goto('/customers');
  const search = page.getByLabel('顧客を検索');
  await search.fill(target.name.replace(/^(株式会社|有限会社|合同会社)/, '').slice(0, 4));
  const link = page.getByRole('link', { name: new RegExp(target.name) }).first();
  await expect(link).toBeVisible();
  await link.click();

  await expect(page.getByRole('heading', { name: new RegExp(target.name) })).toBeVisible();
  await expect(page.getByText('注意点').first()).toBeVisible();
  await expect(page.getByText('購入履歴').first()).toBeVisible();
  // The most recent order's number appears in the history.
  const orders = await api<{ items: { orderNo: string }[] }>(
    page,
    `/api/customers/${target.id}/orders?limit=5`,
  );
  expect(orders.items.length).toBeGreaterThan(0);
  await expect(page.getByText(orders.items[0]!.orderNo).first()).toBeVisible();
});

test('switching to English relabels the app, survives a reload and follows the account to another browser', async ({
  page,
  browser,
}) => {
  await signIn(page, demo.manager);
  await page.goto('/settings');
  await page.getByRole('combobox', { name: '言語' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  try {
    await expect(page.getByRole('link', { name: 'Customers' }).first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole('link', { name: 'Customers' }).first()).toBeVisible();
    await page.goto('/customers');
    await expect(page.getByLabel('Search customers')).toBeVisible();
    // The language is kept with the account: a fresh browser signed in as the same person is in English.
    const other = await browser.newContext();
    const second = await other.newPage();
    await signIn(second, demo.manager);
    await expect(second.getByRole('link', { name: 'Customers' }).first()).toBeVisible();
    await other.close();
  } finally {
    // Every other test signs in as the demo manager in Japanese.
    await page.goto('/settings');
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: '日本語' }).click();
    await expect(page.getByRole('link', { name: '顧客' }).first()).toBeVisible();
  }
});

test('on a phone, the call button is a 44 px target; on a desk, column headers sort', async ({
  page,
}, testInfo) => {
  await signIn(page, demo.admin);
  await page.goto('/customers');
  // The admin sees the whole company, and the subtitle says so.
  await expect(page.getByText('全社の顧客の一覧とカルテ')).toBeVisible();
  if (testInfo.project.name === 'phone') {
    const call = page.getByRole('link', { name: /^電話する: / }).first();
    const box = await call.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThanOrEqual(44);
    return;
  }
  const table = page.getByTestId('customer-table');
  const firstName = () => table.locator('tbody tr').first().locator('a').first().textContent();
  const ascending = await firstName();
  await table.getByRole('button', { name: '会社名' }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(table.getByRole('columnheader', { name: /会社名/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect.poll(firstName).not.toBe(ascending);
  await table.getByRole('button', { name: '最終受注' }).click();
  await expect(page).toHaveURL(/sort=-lastOrderAt/);
});
