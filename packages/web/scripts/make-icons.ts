/**
 * Renders the app's icons (the 通 mark) to the PNGs the web app manifest and iOS ask for, with
 * Debian's Chromium: `npx tsx packages/web/scripts/make-icons.ts`. The PNGs are committed; run
 * this again only when the mark changes.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(out, { recursive: true });

/** `safe`: the share of the square the mark may use (a maskable icon is cropped to a circle). */
const mark = (size: number, safe: number, rounded: boolean) => `<!doctype html>
<html><body style="margin:0">
<div style="width:${size}px;height:${size}px;display:grid;place-items:center;
  background:linear-gradient(135deg,#4c6ef5,#15aabf);border-radius:${rounded ? size * 0.22 : 0}px;
  color:#fff;font:700 ${Math.round(size * safe * 0.62)}px 'IPAexGothic',sans-serif;line-height:1">通</div>
</body></html>`;

const icons = [
  { file: 'icon-192.png', size: 192, safe: 0.9, rounded: true },
  { file: 'icon-512.png', size: 512, safe: 0.9, rounded: true },
  { file: 'icon-maskable-512.png', size: 512, safe: 0.7, rounded: false },
  { file: 'apple-touch-icon-180.png', size: 180, safe: 0.85, rounded: false },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(mark(icon.size, icon.safe, icon.rounded));
    await page.screenshot({ path: join(out, icon.file), omitBackground: true });
    await page.close();
    console.log(`${icon.file} ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
