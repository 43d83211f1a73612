import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { api, demo, type Me, signIn } from './support.ts';

/**
 * 申込書 end to end: a rep logs a visit with a 申込書 line, attaches a photo of the paper right
 * after saving, and finds it on the カルテ; a manager finds it on /forms by rep and period, voids it
 * with a reason, and the count for that period drops by one (as 申込書回収枚数 does).
 */

/** A tiny real PNG (a drawn paper), written by the test: what a phone's camera hands over. */
function pngFixture(path: string) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  // A 48×64 "paper": a blue title bar and ruled lines on off-white, in a brown desk border.
  const [w, h] = [48, 64];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const edge = x < 3 || y < 3 || x >= w - 3 || y >= h - 3;
      const rgb = edge
        ? [128, 104, 82]
        : y < 11
          ? [60, 96, 150]
          : y % 6 === 0 && x > 6 && x < w - 6
            ? [150, 150, 150]
            : [247, 246, 240];
      raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3);
    }
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const tokyoToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

async function formsCount(page: Page) {
  const count = page.getByTestId('forms-count');
  await expect(count).toBeVisible();
  return Number(await count.textContent());
}

test('a rep photographs a 申込書 after the visit log; a manager finds it on /forms and voids it', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const photo = join(testInfo.outputDir, 'form-photo.png');
  mkdirSync(testInfo.outputDir, { recursive: true });
  pngFixture(photo);
  const note = `E2E 申込書 ${testInfo.project.name} ${Date.now() % 100000}`;

  // The rep: an unplanned visit at one of their customers (a different one per project).
  await signIn(page, demo.rep1);
  const me = await api<Me>(page, '/api/me');
  const book = await api<{ items: { id: string; name: string }[] }>(page, '/api/customers?limit=20');
  const customer = book.items[testInfo.project.name === 'phone' ? 3 : 4];
  expect(customer, 'a customer of rep1').toBeTruthy();
  if (!customer) return;
  const checkIn = await page.request.post('/api/visits', {
    data: { id: crypto.randomUUID(), customerId: customer.id, at: new Date().toISOString() },
    headers: { 'Idempotency-Key': crypto.randomUUID(), Origin: new URL(page.url()).origin },
  });
  expect(checkIn.status(), await checkIn.text()).toBeLessThan(300);

  await page.goto('/');
  const card = page
    .locator('[data-testid=stop-card][data-status=checked_in]')
    .filter({ hasText: customer.name });
  await expect(card.first()).toBeVisible({ timeout: 20_000 });
  const log = card.first().getByRole('button', { name: '記録' });
  if (!(await log.isVisible())) await card.first().getByTestId('stop-open').click();
  await log.click();
  const form = page.getByTestId('visit-log-form');
  await form.getByRole('button', { name: '定期訪問・異常なし' }).click();
  await form.getByRole('button', { name: '申込書を追加' }).click();
  await form
    .getByRole('textbox', { name: '申込書の種類' })
    .or(form.getByRole('combobox', { name: '申込書の種類' }))
    .click();
  await page.getByRole('option', { name: '契約変更' }).click();
  await form.getByRole('button', { name: '保存' }).click();

  // Right after saving: the visit's form, with 写真を添付 (the camera on a phone).
  const attach = page.getByTestId('visit-forms-attach');
  await expect(attach).toBeVisible();
  const input = attach.locator('input[type=file]');
  await expect(input).toHaveAttribute('capture', 'environment');
  await expect(input).toHaveAttribute('accept', 'image/*,application/pdf');
  await input.setInputFiles(photo);
  await expect(attach.getByRole('button', { name: /写真を差し替え/ })).toBeVisible();
  await expect(attach.getByRole('img', { name: /申込書の写真/ })).toBeVisible();
  // The thumbnail is the stored photo itself (loaded, not just a box).
  await expect
    .poll(
      () =>
        attach
          .getByRole('img', { name: /申込書の写真/ })
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      {
        timeout: 30_000,
      },
    )
    .toBe(48);
  if (testInfo.project.name === 'phone')
    await page.screenshot({ path: '../docs/screenshots/visit-log-form-390.png' });
  await attach.getByRole('button', { name: '完了' }).click();

  // On the カルテ: the form, with its photo; a note for it there.
  await page.goto(`/customers/${customer.id}`);
  const card2 = page.getByTestId('customer-forms');
  const row = card2.getByTestId('customer-form').first();
  await expect(row).toContainText('契約変更');
  await expect(row.getByLabel('写真・PDFあり')).toBeVisible();
  await row.click();
  const drawer = page.getByTestId('form-detail');
  await expect(drawer.getByRole('img', { name: /申込書の写真/ })).toBeVisible();
  await drawer.getByRole('button', { name: '編集' }).click();
  await drawer.getByRole('textbox', { name: 'メモ' }).fill(note);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toContainText(note);

  // The manager: /forms by rep and period.
  await page.context().clearCookies();
  await signIn(page, demo.manager);
  const today = tokyoToday();
  await page.goto(`/forms?repId=${encodeURIComponent(me.user.id)}&from=${today}&to=${today}`);
  const before = await formsCount(page);
  expect(before).toBeGreaterThanOrEqual(1);
  const listed = page.getByTestId('form-row').filter({ hasText: customer.name }).first();
  await expect(listed).toBeVisible();
  await expect(listed.getByTestId('form-has-attachment')).toBeVisible();
  await listed.click();
  const detail = page.getByTestId('form-detail');
  await expect(detail).toContainText(note);
  await detail.getByRole('button', { name: '取消…', exact: true }).click();
  await detail.getByRole('textbox', { name: '取消の理由' }).fill('別の顧客で登録していた（E2E）');
  await detail.getByRole('button', { name: '取り消す', exact: true }).click();
  await expect(detail.getByTestId('form-voided')).toContainText('別の顧客で登録していた（E2E）');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('forms-count')).toHaveText(String(before - 1));
  // It stays listed, struck through, when voided ones are included.
  await page.goto(`/forms?repId=${encodeURIComponent(me.user.id)}&from=${today}&to=${today}&voided=only`);
  await expect(page.getByTestId('form-row').filter({ hasText: customer.name }).first()).toHaveAttribute(
    'data-voided',
    'true',
  );
});
