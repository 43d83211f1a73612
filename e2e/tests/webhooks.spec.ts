import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support.ts';

// A receiver in the test process; the e2e server allows private addresses (WEBHOOKS_ALLOW_PRIVATE=1).
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let server: Server;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise((resolve) => server.close(resolve)));

test('an admin adds a web hook, keeps its secret shown once, and a test arrives signed with it', async ({
  page,
}) => {
  await signIn(page, demo.admin);
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Webhook を設定' }).click();
  await expect(page.getByRole('heading', { name: 'Webhook 連携' })).toBeVisible();
  // The demo company's own web hook, turned off, with its deliveries.
  await expect(page.getByText('https://hooks.example.jp/kayoi', { exact: true })).toBeVisible();
  await expect(page.getByTestId('webhook-deliveries')).toContainText('約束の期日超過');

  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/e2e/${Date.now()}`;
  await page.getByRole('button', { name: 'Webhook を追加' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '送信先 URL' }).fill('ftp://nowhere');
  await dialog.getByRole('textbox', { name: '説明' }).fill('E2E 受信');
  await dialog.getByRole('checkbox', { name: '約束の期日超過' }).uncheck();
  await dialog.getByRole('button', { name: '追加してシークレットを表示' }).click();
  await expect(dialog.getByText('URL は https://… の形式で入力してください')).toBeVisible();
  await dialog.getByRole('textbox', { name: '送信先 URL' }).fill(url);
  await dialog.getByRole('button', { name: '追加してシークレットを表示' }).click();

  const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole('button', { name: '保存しました' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveCount(0);

  const card = page.getByTestId('webhook-endpoint').filter({ hasText: url });
  await expect(card).toContainText('有効');
  await expect(card).not.toContainText('約束の期日超過');
  await expect(card).not.toContainText(secret);
  await card.getByRole('button', { name: 'テスト送信' }).click();
  await expect(card.getByTestId('webhook-test-result')).toContainText('テスト送信に成功しました');
  await expect(page.getByTestId('webhook-deliveries')).toContainText('成功');

  const ping = received.find((r) => r.headers['webhook-id'] && JSON.parse(r.body).type === 'ping');
  expect(ping).toBeDefined();
  const { headers, body } = ping as (typeof received)[number];
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest('base64');
  expect(String(headers['webhook-signature']).split(' ')).toContain(`v1,${expected}`);

  // Delete it: gone from the list.
  await card.getByRole('button', { name: 'その他' }).click();
  await page.getByRole('menuitem', { name: '削除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
  await expect(page.getByTestId('webhook-endpoint').filter({ hasText: url })).toHaveCount(0);
});
