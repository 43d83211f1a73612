// Scratch (not committed): signs in on the live harness and screenshots pages.
import { chromium } from 'playwright';

const [, , email, outDir = '/tmp/shots', widthArg = '390', heightArg = '844', lang = 'ja'] = process.argv;
const base = 'http://localhost:3100';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({
  viewport: { width: Number(widthArg), height: Number(heightArg) },
  locale: 'ja-JP',
});
const page = await context.newPage();
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console:', m.text());
});
page.on('pageerror', (e) => console.log('pageerror:', e.message));
if (lang === 'en') await context.addInitScript(() => localStorage.setItem('kayoi.language', 'en'));
const tag = `${widthArg}-${lang}`;
await page.goto(`${base}/customers`);
await page.waitForURL(/sign-in/);
await page.screenshot({ path: `${outDir}/signin-${tag}.png` });
await page.getByLabel(lang === 'en' ? 'Email' : 'メールアドレス').fill(email);
await page.getByLabel(lang === 'en' ? 'Password' : 'パスワード').fill('fixture-password-2026');
await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : 'ログイン' }).click();
await page.waitForURL(/\/customers/);
await page.waitForTimeout(1200);
await page.screenshot({ path: `${outDir}/customers-${tag}.png`, fullPage: true });
await page.screenshot({ path: `${outDir}/customers-top-${tag}.png` });
await page.locator('[data-testid=customer-cards] a, [data-testid=customer-table] a').first().click();
await page.waitForURL(/customers\/[0-9a-f-]{36}/);
await page.waitForTimeout(1500);
await page.screenshot({ path: `${outDir}/customer-${tag}.png`, fullPage: true });
const url = page.url();
await page.goto(`${url}/edit`);
await page.waitForTimeout(1500);
await page.screenshot({ path: `${outDir}/edit-${tag}.png`, fullPage: true });
for (const path of ['/', '/settings', '/customers/import', '/dashboard']) {
  await page.goto(base + path);
  await page.waitForTimeout(800);
  await page.screenshot({
    path: `${outDir}/${path.replaceAll('/', '_') || 'home'}-${tag}.png`,
    fullPage: true,
  });
}
await browser.close();
console.log('done', url);
