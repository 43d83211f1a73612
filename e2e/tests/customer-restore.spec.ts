import { expect, test } from '@playwright/test';
import { api, type CustomerDetail, demo, signIn } from './support.ts';

test('a rep archives a customer; the カルテ shows one state; a manager restores it', async ({
  page,
  baseURL,
}, testInfo) => {
  await signIn(page, demo.rep1);
  const name = `復元テスト${testInfo.project.name}${Date.now().toString(36)}商店`;
  const created = await page.request.post('/api/customers', {
    data: { name },
    headers: { Origin: baseURL!, 'Accept-Language': 'ja' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as CustomerDetail;

  await page.goto(`/customers/${id}`);
  await page.getByRole('button', { name: 'アーカイブ' }).click();
  await page.getByRole('button', { name: 'アーカイブする' }).click();
  const banner = page.getByTestId('archived-banner');
  await expect(banner).toContainText('アーカイブされました');
  // One clear state: アーカイブ済み, not also 稼働; a rep is told whom to ask.
  await expect(page.getByText('アーカイブ済み', { exact: true })).toBeVisible();
  await expect(page.getByText('稼働', { exact: true })).toHaveCount(0);
  await expect(banner).toContainText('マネージャーまたは管理者に依頼してください');
  await expect(page.getByRole('button', { name: '復元' })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, demo.manager);
  await page.goto(`/customers/${id}`);
  await expect(page.getByTestId('archived-banner')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('archived-karte.png'), fullPage: true });
  await page.getByRole('button', { name: '復元' }).click();
  await expect(page.getByText('復元しました。顧客一覧に戻りました。')).toBeVisible();
  await expect(page.getByTestId('archived-banner')).toHaveCount(0);
  await expect(page.getByText('稼働', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '編集' })).toBeVisible();
  // The change log names the restore.
  await expect(page.getByText('復元', { exact: true }).first()).toBeVisible();

  const after = await api<CustomerDetail>(page, `/api/customers/${id}`);
  expect(after.archivedAt).toBeNull();
});
