import { expect, type Page, test } from '@playwright/test';
import { api, demo, signIn } from './support.ts';

/**
 * A day with no signal (issue 11): the rep's phone opens Kayoi after a reload with the network
 * cut — nothing in memory, the app shell from the service worker, the day from IndexedDB —
 * opens 今日 and a briefing, logs two visits (one with a promise), and when the network returns
 * the writes reach the server exactly once.
 */
test.use({
  viewport: { width: 390, height: 844 },
  geolocation: { latitude: 34.7025, longitude: 135.4959, accuracy: 30 },
  permissions: ['geolocation'],
  serviceWorkers: 'allow',
});

const shots = '../docs/screenshots';
const reps = ['rep1', 'rep2', 'rep3', 'rep4'].map((r) => `${r}@demo.kayoi.jp`);

interface TodayStop {
  key: string;
  status: string;
  visitId: string | null;
  plannedVisitId: string | null;
  customer: { id: string; name: string };
  log: { promises: number } | null;
}

/** Signs in as the first demo rep with at least two stops still to visit today. */
async function signInWithTwoPlannedStops(page: Page): Promise<TodayStop[]> {
  await signIn(page, demo.rep1);
  let planned: TodayStop[] = [];
  await expect(async () => {
    for (const email of reps) {
      const signedIn = await page.request.post('/api/auth/sign-in/email', {
        data: { email, password: demo.password },
        headers: { Origin: new URL(page.url()).origin },
      });
      expect(signedIn.status()).toBe(200);
      const today = await api<{ stops: TodayStop[] }>(page, '/api/today');
      planned = today.stops.filter((s) => s.status === 'planned');
      if (planned.length >= 2) return;
    }
    throw new Error('no demo rep with two planned stops today yet');
  }).toPass({ timeout: 120_000, intervals: [3_000] });
  return planned;
}

/** The header's indicator says the morning download and a heartbeat went through. */
async function waitForSync(page: Page) {
  await expect(page.getByTestId('sync-indicator')).not.toHaveAttribute('data-last-sync', '', {
    timeout: 60_000,
  });
}

test('with the network cut after a reload: 今日, a briefing, two visit logs and a promise reach the server once', async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the phone flow');
  test.setTimeout(300_000);
  const [first, second] = await signInWithTwoPlannedStops(page);
  if (!first || !second) throw new Error('two planned stops');
  await page.goto('/');
  await expect(page.locator('[data-testid=stop-card]').first()).toBeVisible();
  // The service worker has the app shell; the day is on the phone.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await waitForSync(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'false');
  const card = (name: string) => page.getByTestId('stop-card').filter({ hasText: name }).first();
  await expect(card(first.customer.name)).toHaveAttribute('data-status', 'planned');

  // The briefing of the first stop, from the phone.
  await card(first.customer.name).getByTestId('stop-open').click();
  await card(first.customer.name).getByRole('link', { name: '事前確認' }).click();
  await expect(page.getByTestId('briefing')).toBeVisible();
  await expect(page.getByRole('heading', { name: first.customer.name, level: 1 })).toBeVisible();
  await page.goBack();

  const promise = `E2E オフラインの約束 ${Date.now() % 100000}`;
  const logVisit = async (stop: TodayStop, withPromise: boolean) => {
    const target = card(stop.customer.name);
    await expect(target).toBeVisible();
    if ((await target.getByRole('button', { name: 'チェックイン' }).count()) === 0)
      await target.getByTestId('stop-open').click();
    await target.getByRole('button', { name: 'チェックイン' }).click();
    await expect(target).toHaveAttribute('data-status', 'checked_in');
    await target.getByRole('button', { name: '記録' }).click();
    const form = page.getByTestId('visit-log-form');
    await form.getByRole('button', { name: '定期訪問・異常なし' }).click();
    if (withPromise) await form.getByLabel('約束1').fill(promise);
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form).toBeHidden();
    await expect(target).toHaveAttribute('data-status', 'done');
  };
  await logVisit(first, true);
  await logVisit(second, false);

  // Two check-ins and two logs wait on the phone, in order.
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-pending', '4');
  await expect(page.getByTestId('unsent-drafts')).toContainText('未送信 4 件');
  await indicator.click();
  await expect(page.getByTestId('sync-panel').getByTestId('outbox-entry')).toHaveCount(4);
  await page.screenshot({ path: `${shots}/offline-390.png` });
  await page.keyboard.press('Escape');

  await context.setOffline(false);
  await expect(indicator).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
  await expect(indicator).toHaveAttribute('data-online', 'true');

  // On the server, exactly once: one visit per stop, logged, and one followup with the promise.
  const today = await api<{ stops: TodayStop[] }>(page, '/api/today');
  for (const stop of [first, second]) {
    const rows = today.stops.filter((s) => s.customer.id === stop.customer.id);
    expect(rows, `${stop.customer.name}: one stop, no second visit`).toHaveLength(1);
    expect(rows[0]?.status).toBe('done');
    expect(rows[0]?.log).not.toBeNull();
  }
  expect(today.stops.find((s) => s.customer.id === first.customer.id)?.log?.promises).toBe(1);
  const followups = await api<{ items: { title: string }[] }>(
    page,
    `/api/followups?scope=team&customerId=${encodeURIComponent(first.customer.id)}&limit=50`,
  );
  expect(followups.items.filter((f) => f.title === promise)).toHaveLength(1);
});
