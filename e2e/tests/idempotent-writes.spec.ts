import { expect, test } from '@playwright/test';
import { api, type CustomerPage, demo, signIn } from './support.ts';

test('a new customer whose answer was lost on the way back is saved once', async ({ page }, testInfo) => {
  await signIn(page, demo.rep1);
  const name = `再送テスト商店${testInfo.project.name}${Date.now().toString(36)}`;

  // The first POST reaches the server and is saved, but the browser never gets the answer.
  const posts: { key: string | undefined; replayed: string | undefined }[] = [];
  await page.route('**/api/customers', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    posts.push({
      key: route.request().headers()['idempotency-key'],
      replayed: response.headers()['idempotent-replayed'],
    });
    if (posts.length === 1) return route.abort('connectionreset');
    return route.fulfill({ response });
  });

  await page.goto('/customers/new');
  await page.getByLabel('会社名').fill(name);
  await page.getByLabel('フリガナ').fill('サイソウテストショウテン');
  await page.getByLabel('住所').fill('大阪府大阪市北区梅田1-1-1');
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  // The client resent the same key and the server answered from its record of the first save.
  expect(posts).toHaveLength(2);
  expect(posts[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
  expect(posts[1]!.key).toBe(posts[0]!.key);
  expect(posts[1]!.replayed).toBe('true');
  const found = await api<CustomerPage>(page, `/api/customers?q=${encodeURIComponent(name)}`);
  expect(found.total).toBe(1);
});
