import { expect, test } from '@playwright/test';
import { api, demo, signIn } from './support.ts';

/*
 * Issue 10's customer health for the manager: /health lists the demo's at-risk customers with
 * their reasons in words; one opens on its カルテ with the same health card.
 */

interface AtRiskPage {
  total: number;
  items: { customer: { id: string; name: string }; score: number; reasons: { code: string }[] }[];
}

/** Each reason code in the words the app uses for it (health.reason.* in ja.json). */
const reasonWords: Record<string, RegExp> = {
  visit_overdue: /訪問が\d+日遅れています|訪問記録がなく/,
  open_complaints: /未解決の苦情が\d+件/,
  orders_falling: /受注が\d+%減っています/,
  satisfaction_falling: /満足度が下がっています/,
  long_silence: /\d+日間、訪問も受注もありません/,
};

test('the manager sees at-risk customers with their reasons in words and opens one on its カルテ', async ({
  page,
}) => {
  await signIn(page, demo.manager);
  const atRisk = await api<AtRiskPage>(page, '/api/customer-health/at-risk?limit=20');
  expect(atRisk.total, 'the demo seed has customers at risk').toBeGreaterThan(0);
  const first = atRisk.items[0]!;

  await page.goto('/health');
  await expect(page.getByRole('heading', { name: '要注意顧客' })).toBeVisible();
  const row = page.getByTestId('at-risk-row').filter({ hasText: first.customer.name }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  for (const reason of first.reasons) await expect(row).toContainText(reasonWords[reason.code]!);

  await row.getByTestId('at-risk-customer').click();
  await expect(page).toHaveURL(new RegExp(`/customers/${first.customer.id}$`));
  const card = page.getByTestId('customer-health');
  await expect(card).toBeVisible();
  await expect(card).toContainText('顧客ヘルス');
  await expect(card).toContainText(String(first.score));
  for (const reason of first.reasons) await expect(card).toContainText(reasonWords[reason.code]!);
});
