import { expect, type Page } from '@playwright/test';

/** Demo sign-ins seeded on first start (see README). */
export const demo = {
  password: 'kayoi-demo-2026',
  admin: 'admin@demo.kayoi.jp',
  manager: 'manager@demo.kayoi.jp',
  rep1: 'rep1@demo.kayoi.jp',
  rep2: 'rep2@demo.kayoi.jp',
} as const;

export async function signIn(page: Page, email: string, password: string = demo.password) {
  await page.goto('/sign-in');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** Same-origin API call with the page's session cookie, for assertions about scope. */
export async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path, { headers: { 'Accept-Language': 'ja' } });
  expect(res.status(), `${path} status`).toBe(200);
  return (await res.json()) as T;
}

export interface CustomerPage {
  items: { id: string; name: string; repId: string | null }[];
  total: number;
}
export interface CustomerDetail {
  id: string;
  code: string;
  name: string;
  phone: string;
  postalCode: string;
  status: string;
  archivedAt: string | null;
  version: number;
}
export interface Me {
  user: { id: string; role: string };
}
