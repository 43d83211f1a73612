import { expect, test } from '@playwright/test';
import { api, demo, signIn } from './support.ts';

interface Located {
  id: string;
  lat: number | null;
  lng: number | null;
  geoPrecision: string;
  version: number;
}

/**
 * The server geocodes through the GSI-format stub playwright.config.ts starts (no internet here):
 * any address in an Osaka ward is found to the lot near the ward's centre.
 */
test('a customer created with only a name and an Osaka address gets a pin with its precision', async ({
  page,
}, testInfo) => {
  await signIn(page, demo.rep1);
  const name = `位置テスト商店 ${testInfo.project.name} ${Date.now()}`;
  await page.goto('/customers/new');
  await page.getByLabel('会社名').fill(name);
  await page.getByLabel('住所').fill('大阪府大阪市北区梅田1-2-3');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible();
  const id = page.url().split('/').pop() as string;

  const card = page.getByTestId('location-card');
  await expect(card.getByTestId('geo-precision')).toHaveText('番地まで');
  await expect(
    card.getByRole('region', { name: '所在地' }).or(card.locator('.leaflet-container')),
  ).toBeVisible();
  await expect(card.locator('.leaflet-marker-icon')).toBeVisible();
  const saved = await api<Located>(page, `/api/customers/${id}`);
  expect(saved.geoPrecision).toBe('banchi');
  expect(saved.lat).toBeGreaterThan(34.6);
  expect(saved.lat).toBeLessThan(34.8);

  // Dragging the pin and saving makes it a manual position, saved with the version read.
  const marker = card.locator('.leaflet-marker-icon');
  await marker.scrollIntoViewIfNeeded();
  const box = (await marker.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 25, { steps: 8 });
  await page.mouse.up();
  await card.getByRole('button', { name: 'この位置で保存' }).click();
  await expect(card.getByTestId('geo-precision')).toHaveText('手動で指定');
  const moved = await api<Located>(page, `/api/customers/${id}`);
  expect(moved.geoPrecision).toBe('manual');
  expect(moved.version).toBe(saved.version + 1);
  expect(moved.lng).not.toBe(saved.lng);
  await page.screenshot({ path: testInfo.outputPath('located-karte.png'), fullPage: true });
});

test('a customer whose address is not found is listed as 位置未設定 with the reason', async ({
  page,
}, testInfo) => {
  await signIn(page, demo.rep1);
  const name = `位置不明商店 ${testInfo.project.name} ${Date.now()}`;
  await page.goto('/customers/new');
  await page.getByLabel('会社名').fill(name);
  await page.getByLabel('住所').fill('北海道どこか町1-1');
  await page.getByRole('button', { name: '保存' }).click();
  const card = page.getByTestId('location-card');
  await expect(card.getByText('位置未設定：訪問計画に入りません')).toBeVisible();
  await expect(card.getByText(/住所から位置が見つかりませんでした/)).toBeVisible();

  await page.goto('/customers?position=missing');
  await expect(page.getByText(name).first()).toBeVisible();
});
