import { expect, type Page, test } from '@playwright/test';
import { api, demo, type Me, signIn } from './support.ts';

/** The classic stored-XSS probe: harmless as text, runs alert(1) if ever parsed as HTML. */
const MARKUP = '<img src=x onerror=alert(1)>';

/** Records every dialog the page opens (there must be none) and dismisses it. */
const watchDialogs = (page: Page) => {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
};

const expectNoInjectedImage = async (page: Page) => {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
};

test('markup stored in a customer renders as text on the list and the カルテ', async ({
  page,
  baseURL,
}, testInfo) => {
  const dialogs = watchDialogs(page);
  await signIn(page, demo.rep1);
  const me = await api<Me>(page, '/api/me');

  // Both projects share one server: each run stores its own customer.
  const token = `XSS${testInfo.project.name}${Date.now().toString(36)}`;
  const name = `${MARKUP}${token}`;
  const notes = `メモ ${MARKUP}\n<script>alert(2)</script>`;
  const created = await page.request.post('/api/customers', {
    headers: { Origin: baseURL!, 'Accept-Language': 'ja' },
    data: {
      name,
      nameKana: 'エックスエスエス',
      address: '東京都千代田区丸の内1-1-1',
      repId: me.user.id,
      notes,
      cautions: `注意 ${MARKUP}`,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const customer = (await created.json()) as { id: string; name: string; notes: string };
  expect(customer.name).toBe(name);
  expect(customer.notes).toBe(notes);

  await page.goto('/customers');
  await page.getByLabel('顧客を検索').fill(token);
  await expect(page).toHaveURL(new RegExp(`q=${token}`));
  const link = page.getByRole('link', { name: new RegExp(token) }).first();
  await expect(link).toBeVisible();
  await expect(link).toContainText(name);
  await expectNoInjectedImage(page);

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page.getByText(`メモ ${MARKUP}`)).toBeVisible();
  await expect(page.getByText('<script>alert(2)</script>')).toBeVisible();
  await expect(page.getByTestId('customer-cautions')).toContainText(`注意 ${MARKUP}`);
  // The history's create entry repeats the stored values, also as text.
  await expect(page.getByTestId('customer-history')).toContainText(name);
  await page.waitForLoadState('networkidle');
  await expectNoInjectedImage(page);
  const injectedScript = await page.evaluate(() =>
    Array.from(document.scripts).some((script) => script.textContent?.includes('alert(2)')),
  );
  expect(injectedScript).toBe(false);

  expect(dialogs).toEqual([]);
});
