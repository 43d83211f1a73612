import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { api, type CustomerPage, demo, signIn } from './support.ts';

/** docs/screenshots/customer-karte-figures-<width>[-<KARTE_SHOTS>].png */
const shot = (width: number) =>
  fileURLToPath(
    new URL(
      `../../docs/screenshots/customer-karte-figures-${width}${process.env.KARTE_SHOTS ? `-${process.env.KARTE_SHOTS}` : ''}.png`,
      import.meta.url,
    ),
  );

test('the カルテ of a customer with a long purchase history, at desk and phone widths', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'one run sets both widths');
  await signIn(page, demo.manager);
  const list = await api<CustomerPage>(page, '/api/customers?sort=-lastOrderAt&limit=1');
  const customer = list.items[0];
  expect(customer).toBeDefined();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/customers/${customer?.id}`);
    await expect(page.getByRole('heading', { name: customer?.name })).toBeVisible();
    await expect(page.getByText('購入履歴').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    // The top of the カルテ down to the first orders: the figures, usually-buys and the table's basis.
    const orders = page.getByText('購入履歴').first();
    await orders.scrollIntoViewIfNeeded();
    const top = (await orders.boundingBox())?.y ?? 0;
    const scrollY = await page.evaluate(() => window.scrollY);
    // Back to the top: the sticky header and tab bar would otherwise be drawn mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    // A viewport as tall as the shot, so the fixed header and tab bar sit at its edges, not mid-page.
    const height = Math.round(top + scrollY + (width < 600 ? 700 : 420));
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: shot(width) });
    await page.setViewportSize({ width, height: 900 });
    await page
      .getByTestId('customer-figures')
      .screenshot({ path: testInfo.outputPath(`figures-${width}.png`) });
  }
});
