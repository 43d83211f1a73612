import { type Cookie, expect, type Page, test } from '@playwright/test';
import { api, type CustomerPage, demo, type Me, signIn } from './support.ts';

interface Customer {
  id: string;
  name: string;
  cautions: string;
  version: number;
}

/**
 * Signs in through the form once per worker and reuses the session afterwards: the server allows
 * ten sign-ins a minute from one address, and the whole suite shares that address.
 */
const sessions = new Map<string, Cookie[]>();
async function signInOnce(page: Page, email: string) {
  const saved = sessions.get(email);
  if (saved) {
    await page.context().addCookies(saved);
    return;
  }
  await signIn(page, email);
  sessions.set(email, await page.context().cookies());
}

/** A customer of rep1's that only this project's run edits (both projects share one server). */
async function ownCustomer(page: Page, project: string): Promise<Customer> {
  // Demo customers only (codes up to C00300, with an address): other specs create customers too.
  const mine = await api<{ items: { id: string; code: string; address: string }[] }>(
    page,
    '/api/customers?limit=50&sort=name',
  );
  const demoOnes = mine.items.filter((c) => c.address !== '' && /^C00[0-2]\d\d$/.test(c.code));
  const pick = demoOnes[project === 'phone' ? 1 : 2]!;
  return api<Customer>(page, `/api/customers/${pick.id}`);
}

test('a rep edits the cautions and sees them on the カルテ', async ({ page }, testInfo) => {
  await signInOnce(page, demo.rep1);
  const customer = await ownCustomer(page, testInfo.project.name);
  const cautions = `受付で名刺を出す（${testInfo.project.name} ${Date.now()}）`;

  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole('heading', { name: new RegExp(customer.name) })).toBeVisible();
  await page.getByRole('link', { name: '編集' }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}/edit$`));
  // The カルテ's 注意点 alert carries the same name until the edit page has replaced it: wait for the field.
  await page.getByRole('textbox', { name: '注意点' }).fill(cautions);
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
  await expect(page.getByTestId('customer-cautions')).toContainText(cautions);
  const saved = await api<Customer>(page, `/api/customers/${customer.id}`);
  expect(saved.cautions).toBe(cautions);
  expect(saved.version).toBeGreaterThan(customer.version);
});

test('a save behind a newer change shows the conflict and overwrites nothing', async ({
  page,
  baseURL,
}, testInfo) => {
  await signInOnce(page, demo.rep1);
  const customer = await ownCustomer(page, testInfo.project.name);
  const theirs = `他の端末で更新（${testInfo.project.name} ${Date.now()}）`;
  const mine = `このフォームの変更（${testInfo.project.name} ${Date.now()}）`;

  await page.goto(`/customers/${customer.id}/edit`);
  const cautionsField = page.getByRole('textbox', { name: '注意点' });
  await expect(cautionsField).toHaveValue(customer.cautions);

  // Someone else saves first, with the version the form also holds.
  const other = await page.request.patch(`/api/customers/${customer.id}`, {
    headers: { Origin: baseURL!, 'Accept-Language': 'ja' },
    data: { cautions: theirs, version: customer.version },
  });
  expect(other.status()).toBe(200);

  await cautionsField.fill(mine);
  await page.getByRole('button', { name: '保存' }).click();
  const conflict = page.getByTestId('conflict-alert');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('他のユーザーが先に更新しました');
  const reload = page.getByRole('button', { name: '最新の内容を読み込む' });
  await expect(reload).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}/edit$`));

  const stored = await api<Customer>(page, `/api/customers/${customer.id}`);
  expect(stored.cautions).toBe(theirs);

  // Loading the latest version replaces the form's values with the other write.
  await reload.click();
  await expect(conflict).toHaveCount(0);
  await expect(cautionsField).toHaveValue(theirs);
});

test("a rep opening another rep's customer gets the not-found page", async ({ page, browser }) => {
  const context = await browser.newContext();
  const rep2Page = await context.newPage();
  await signInOnce(rep2Page, demo.rep2);
  const rep2 = await api<Me>(rep2Page, '/api/me');
  const theirs = await api<CustomerPage>(rep2Page, '/api/customers?limit=5');
  await context.close();
  const foreign = theirs.items.find((c) => c.repId === rep2.user.id)!;
  expect(foreign).toBeDefined();

  await signInOnce(page, demo.rep1);
  const direct = await page.request.get(`/api/customers/${foreign.id}`);
  expect(direct.status()).toBe(404);
  await page.goto(`/customers/${foreign.id}`);
  await expect(page.getByText('顧客が見つかりません')).toBeVisible();
  await expect(page.getByText(foreign.name)).toHaveCount(0);
  // The edit form is not offered either: the page ends in an error, never in a form.
  await page.goto(`/customers/${foreign.id}/edit`);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('注意点')).toHaveCount(0);
});

test('the first error is scrolled into view below the sticky header', async ({ page }, testInfo) => {
  await signInOnce(page, demo.rep1);
  const customer = await ownCustomer(page, testInfo.project.name);
  await page.goto(`/customers/${customer.id}/edit`);
  const name = page.getByLabel(/^会社名/);
  await name.fill('');
  await page.mouse.wheel(0, 10_000);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(name).toBeFocused();
  const header = await page.locator('header').first().boundingBox();
  const field = await name.boundingBox();
  expect(field!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  // Leave without saving.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.goto('/customers');
});
