import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const newPasswordInputs = (page: Page) => page.locator('input[autocomplete="new-password"]');

test('a new company signs up, invites a rep who joins in another browser; deactivating the rep sends them to sign-in', async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'the admin works at a desk');
  const tag = `${Date.now() % 1_000_000}`;
  const adminEmail = `founder-${tag}@e2e.kayoi.test`;
  const repEmail = `rep-${tag}@e2e.kayoi.test`;

  // Sign up from the sign-in page's link; the new company lands on its setup checklist.
  await page.goto('/sign-in');
  await page.getByTestId('sign-up-link').click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.getByLabel('会社名').fill(`E2E 新規商事 ${tag}`);
  await page.getByLabel('あなたの氏名').fill('創業 太郎');
  await page.getByLabel('メールアドレス').fill(adminEmail);
  await page.locator('input[autocomplete="new-password"]').fill('founder-pass-1');
  await page.getByRole('button', { name: '登録して始める' }).click();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByText('7 項目中 0 項目完了').first()).toBeVisible();
  await expect(page.getByTestId('setup-people')).toBeVisible();

  // Invite a rep: no mail server, so the dialog shows the link.
  await page.goto('/people');
  await page.getByRole('button', { name: 'メンバーを招待' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('メールアドレス').fill(repEmail);
  await dialog.getByLabel('氏名').fill('招待 花子');
  await dialog.getByRole('button', { name: '招待する' }).click();
  const link = await dialog.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await dialog.getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByText('招待中')).toBeVisible();

  // The rep accepts in a browser of their own, then signs in with the password they chose.
  const repContext = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const rep = await repContext.newPage();
  await rep.goto(link);
  // A fresh browser loads the app's chunks first: allow for a busy machine.
  await expect(rep.getByText(`E2E 新規商事 ${tag} への招待`)).toBeVisible({ timeout: 30_000 });
  await newPasswordInputs(rep).nth(0).fill('rep-pass-123');
  await newPasswordInputs(rep).nth(1).fill('rep-pass-123');
  await rep.getByRole('button', { name: 'パスワードを設定して参加' }).click();
  await expect(rep).not.toHaveURL(/\/invite\//);
  await repContext.clearCookies();
  await signIn(rep, repEmail, 'rep-pass-123');

  // The admin sees the rep and deactivates them, with a confirmation.
  await page.reload();
  const row = page.getByTestId(`person-${repEmail}`);
  await expect(row.getByTestId('person-status')).toHaveText('有効');
  await row.getByTestId('person-menu').click();
  await page.getByRole('menuitem', { name: '無効にする' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '無効にする' }).click();
  await expect(row.getByTestId('person-status')).toHaveText('無効');

  // The rep's very next request is refused: they are sent to sign-in, and cannot sign in again.
  await rep.goto('/customers');
  await expect(rep).toHaveURL(/\/sign-in/);
  await rep.getByLabel('メールアドレス').fill(repEmail);
  await rep.getByLabel('パスワード').fill('rep-pass-123');
  await rep.getByRole('button', { name: 'ログイン' }).click();
  await expect(rep.getByRole('alert')).toContainText('無効');
  await repContext.close();
});
