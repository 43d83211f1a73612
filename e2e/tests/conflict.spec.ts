import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { api, type CustomerDetail, demo, signIn } from './support.ts';

/**
 * Conflicts are never silent (issue 11): the rep edits a customer's メモ with no signal while the
 * manager edits the same メモ at the office. When the phone's edit arrives on a stale version the
 * server refuses it; the rep is shown both versions side by side, chooses, and nothing is lost.
 */
test.use({ viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' });

const shots = '../docs/screenshots';

async function signedInRequest(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const res = await context.post('/api/auth/sign-in/email', { data: { email, password: demo.password } });
  expect(res.status()).toBe(200);
  return context;
}

async function setNotes(context: APIRequestContext, customerId: string, notes: string) {
  const current = (await (await context.get(`/api/customers/${customerId}`)).json()) as CustomerDetail & {
    notes: string;
  };
  const res = await context.patch(`/api/customers/${customerId}`, {
    data: { notes, version: current.version },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(res.status(), 'the manager saves first').toBe(200);
  return current.notes;
}

test('the manager and the offline rep both edit a customer’s メモ: the rep sees both and keeps both', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the phone flow');
  test.setTimeout(180_000);
  await signIn(page, demo.rep1);
  const customers = await api<{ items: { id: string; name: string }[] }>(page, '/api/customers?limit=5');
  const customer = customers.items[0];
  if (!customer) throw new Error('rep1 has a customer');
  const manager = await signedInRequest(baseURL ?? '', demo.manager);
  let original: string | null = null;
  try {
    await page.goto(`/customers/${customer.id}/briefing`);
    const card = page.getByTestId('customer-notes');
    await expect(card).toBeVisible();
    await expect(page.getByTestId('sync-indicator')).not.toHaveAttribute('data-last-sync', '', {
      timeout: 60_000,
    });

    // The rep, in a basement: edits the メモ with no signal.
    await context.setOffline(true);
    const repText = `担当: 来月から月曜午前のみ訪問可 ${Date.now() % 100000}`;
    await card.getByRole('button', { name: '編集' }).click();
    await card.getByRole('textbox', { name: 'メモ' }).fill(repText);
    await card.getByRole('button', { name: '保存' }).click();
    await expect(card.getByTestId('notes-unsent')).toBeVisible();
    await expect(card.getByTestId('notes-text')).toHaveText(repText);

    // Meanwhile the manager changes the same メモ at the office.
    const managerText = `マネージャー: 請求先が本社経理部に変更 ${Date.now() % 100000}`;
    original = await setNotes(manager, customer.id, managerText);

    // Signal returns: the stale edit is refused and both are shown.
    await context.setOffline(false);
    const conflict = card.getByTestId('notes-conflict');
    await expect(conflict).toBeVisible({ timeout: 60_000 });
    const field = conflict.getByTestId('conflict-field-notes');
    await expect(field.getByTestId('conflict-mine')).toHaveText(repText);
    await expect(field.getByTestId('conflict-server')).toHaveText(managerText);
    await conflict.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -64));
    await page.screenshot({ path: `${shots}/conflict-390.png` });

    // The rep keeps both (the combined text is editable; left as proposed).
    await field.getByText('両方', { exact: true }).click();
    await expect(field.getByRole('textbox')).toHaveValue(`${managerText}\n${repText}`);
    await conflict.getByRole('button', { name: 'この内容で保存' }).click();
    await expect(conflict).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', {
      timeout: 30_000,
    });

    const saved = await api<{ notes: string }>(page, `/api/customers/${customer.id}`);
    expect(saved.notes).toContain(repText);
    expect(saved.notes).toContain(managerText);
    await expect(card.getByTestId('notes-text')).toContainText(repText);
  } finally {
    await context.setOffline(false);
    if (original !== null) await setNotes(manager, customer.id, original);
    await manager.dispose();
  }
});
