/**
 * `npm run bench:offline -w e2e`: what a rep's phone stores for the day and how fast Kayoi opens
 * with no network, at a phone viewport (390×844) in Debian's Chromium, against a running server
 * (`npm start`; BASE_URL, default http://127.0.0.1:3000).
 *
 * Signs in as the demo rep with the most stops today, lets the app do its morning download, then
 * prints: the stops stored (today + tomorrow), the bytes in IndexedDB (the stored answers and the
 * outbox, as UTF-8 JSON), the bytes in the service worker's cache (the app shell), the browser's
 * own `navigator.storage.estimate()`, and the time from a reload with the network cut to the
 * first stop on screen (median of 5), plus the same for a fresh tab (as after a browser restart).
 */
import { chromium, type Page } from '@playwright/test';

const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const password = 'kayoi-demo-2026';
const reps = ['rep1', 'rep2', 'rep3', 'rep4'].map((r) => `${r}@demo.kayoi.jp`);
const RUNS = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function stored(page: Page) {
  return page.evaluate(async () => {
    const encoder = new TextEncoder();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kayoi-offline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const snapshots = (await all('snapshots')) as { key: string; data: unknown }[];
    const outbox = await all('outbox');
    const bytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length;
    const byKind = new Map<string, number>();
    for (const row of snapshots) {
      const kind = row.key.split(':')[0] ?? row.key;
      byKind.set(kind, (byKind.get(kind) ?? 0) + bytes(row));
    }
    const days = snapshots.filter((row) => row.key.startsWith('today:'));
    const stops = days.map((row) => ({
      day: row.key,
      stops: (row.data as { stops: unknown[] }).stops.length,
    }));
    db.close();
    let cacheBytes = 0;
    let cacheEntries = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response) {
          cacheBytes += (await response.blob()).size;
          cacheEntries++;
        }
      }
    }
    const estimate = await navigator.storage.estimate();
    return {
      stops,
      idbBytes:
        snapshots.reduce((sum, row) => sum + bytes(row), 0) +
        outbox.reduce<number>((s, r) => s + bytes(r), 0),
      byKind: Object.fromEntries(byKind),
      cacheBytes,
      cacheEntries,
      estimate: { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 },
    };
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    serviceWorkers: 'allow',
  });
  // tsx names functions with a `__name` helper that the page does not have.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const page = await context.newPage();
  let best = { email: '', stops: -1 };
  for (const email of reps) {
    await page.request.post('/api/auth/sign-in/email', {
      data: { email, password },
      headers: { Origin: baseURL },
    });
    const today = (await (await page.request.get('/api/today')).json()) as { stops: unknown[] };
    if (today.stops.length > best.stops) best = { email, stops: today.stops.length };
  }
  await page.request.post('/api/auth/sign-in/email', {
    data: { email: best.email, password },
    headers: { Origin: baseURL },
  });
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.locator('[data-testid=sync-indicator]:not([data-last-sync=""])').waitFor({ timeout: 120_000 });
  const figures = await stored(page);

  await context.setOffline(true);
  const reloads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await page.getByTestId('stop-card').first().waitFor();
    reloads.push(performance.now() - started);
  }
  const fresh: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const tab = await context.newPage();
    const started = performance.now();
    await tab.goto('/', { waitUntil: 'commit' });
    await tab.getByTestId('stop-card').first().waitFor();
    fresh.push(performance.now() - started);
    await tab.close();
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`rep: ${best.email} (${figures.stops.map((d) => `${d.day} ${d.stops} stops`).join(', ')})`);
  console.log(`IndexedDB (stored answers + outbox, UTF-8 JSON): ${kb(figures.idbBytes)}`);
  for (const [kind, bytes] of Object.entries(figures.byKind)) console.log(`  ${kind}: ${kb(bytes)}`);
  // A 12-stop day: 12 stops today and 12 tomorrow, each with its briefing, カルテ and promises;
  // the catalog, templates and the user once.
  const stopCount = figures.stops.reduce((sum, day) => sum + day.stops, 0) || 1;
  const kindBytes = (kind: string) => figures.byKind[kind] ?? 0;
  const perStop =
    (kindBytes('briefing') + kindBytes('customer') + kindBytes('followups') + kindBytes('today')) / stopCount;
  const once = kindBytes('catalog') + kindBytes('visit-templates') + kindBytes('me');
  console.log(`  per stop (route row + briefing + カルテ + promises): ${kb(perStop)}`);
  console.log(`  a 12-stop day (12 today + 12 tomorrow + catalog): ~${kb(perStop * 24 + once)}`);
  console.log(`service worker cache (app shell): ${kb(figures.cacheBytes)} in ${figures.cacheEntries} files`);
  console.log(
    `navigator.storage.estimate(): usage ${kb(figures.estimate.usage)} of ${(figures.estimate.quota / 1024 ** 3).toFixed(1)} GiB`,
  );
  console.log(
    `first screen offline (390×844), reload: median ${median(reloads).toFixed(0)} ms (${reloads.map((v) => v.toFixed(0)).join(', ')})`,
  );
  console.log(
    `first screen offline, fresh tab: median ${median(fresh).toFixed(0)} ms (${fresh.map((v) => v.toFixed(0)).join(', ')})`,
  );
  await context.close();
} finally {
  await browser.close();
}
