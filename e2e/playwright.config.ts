import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against the real app: the web build served by the server on a fresh embedded
 * database (so the demo company is seeded), driven in Debian's Chromium. Playwright never
 * downloads a browser here.
 */
// Chosen once in the main process and inherited by the workers (which load this file again):
// a port of its own, so a developer's server or another run on the machine never collides.
// Below Linux's ephemeral range (32768–60999): an outgoing connection's local port there (to
// PostgreSQL, say) made the server's listen fail with EADDRINUSE once.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 12_000));
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'kayoi-e2e-'));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR;
// The geocoder the server asks (GSI's format): a local stub, as this machine has no internet.
const geocoderPort = port + 1;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const launchOptions = {
  executablePath: chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The app's service worker (the offline field app) would hide requests from page.route();
    // the offline specs allow it for themselves.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], browserName: 'chromium', launchOptions },
    },
    {
      name: 'desk',
      use: { viewport: { width: 1366, height: 900 }, browserName: 'chromium', launchOptions },
    },
  ],
  webServer: [
    {
      command: 'node e2e/tests/customer-geocoder-stub.mjs',
      cwd: '..',
      url: `http://127.0.0.1:${geocoderPort}/health`,
      reuseExistingServer: false,
      env: { GEOCODER_STUB_PORT: String(geocoderPort) },
    },
    {
      command: 'npm run build -w packages/web && npm run start -w packages/server',
      cwd: '..',
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      // Every test signs in from 127.0.0.1: the suite as a whole would exceed the default 10 sign-ins
      // a minute (the limit itself is covered by the server's integration tests).
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        BASE_URL: baseURL,
        LOG_LEVEL: 'warn',
        SIGN_IN_RATE_LIMIT: '200',
        GEOCODER: 'gsi',
        GEOCODER_URL: `http://127.0.0.1:${geocoderPort}`,
        // webhooks.spec.ts's receiver listens on 127.0.0.1.
        WEBHOOKS_ALLOW_PRIVATE: '1',
      },
    },
  ],
});
