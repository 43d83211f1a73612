import { expect, type Page, test } from '@playwright/test';
import { api, demo, signIn } from './support.ts';

interface CustomerRow {
  id: string;
  name: string;
  postalCode: string;
  areaId: string | null;
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an admin forms a team, draws an area, filters the book by them, sets a rep’s working profile and retires the team', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'the admin works at a desk');
  test.setTimeout(120_000);
  const tag = `${Date.now() % 1_000_000}`;
  await signIn(page, demo.admin);

  // A team with a manager, then renamed.
  await page.goto('/organization');
  await page.getByRole('button', { name: 'チームを作成' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'チーム名' }).fill(`第3営業課 ${tag}`);
  await dialog.getByRole('combobox', { name: 'マネージャー' }).click();
  await page.getByRole('option', { name: '山本 健一' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  const created = page.getByTestId(`team-第3営業課 ${tag}`);
  await expect(created).toContainText('山本 健一');
  await page.getByRole('button', { name: `第3営業課 ${tag}を編集` }).click();
  await dialog.getByRole('textbox', { name: 'チーム名' }).fill(`法人営業課 ${tag}`);
  await dialog.getByRole('button', { name: '保存' }).click();
  const renamed = page.getByTestId(`team-法人営業課 ${tag}`);
  await expect(renamed).toBeVisible();
  await expect(created).toHaveCount(0);

  // An area by postcode: one customer's exact postcode, so the demo's other areas keep theirs.
  const book = await api<{ items: CustomerRow[] }>(page, '/api/customers?limit=20&sort=name');
  let target: CustomerRow | undefined;
  for (const c of book.items) {
    const detail = await api<CustomerRow>(page, `/api/customers/${c.id}`);
    if (/^\d{3}-\d{4}$/.test(detail.postalCode)) {
      target = detail;
      break;
    }
  }
  if (!target) throw new Error('no demo customer with a postcode');
  const code = target.postalCode;

  const areaName = `〒${code} ${tag}`;
  await page.getByRole('tab', { name: 'エリア' }).click();
  await page.getByRole('button', { name: 'エリアを作成' }).click();
  await dialog.getByRole('textbox', { name: 'エリア名' }).fill(areaName);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  const editor = page.getByTestId('area-editor');
  if (!(await editor.isVisible())) await page.getByTestId(`area-${areaName}`).click();
  await expect(editor.getByRole('textbox', { name: 'エリア名' })).toHaveValue(areaName);
  const postcodes = editor.getByRole('combobox', { name: '郵便番号（前方一致）' });
  await postcodes.fill(code.replace('-', ''));
  await postcodes.press('Enter');
  await editor.getByRole('button', { name: 'プレビュー' }).click();
  const counts = page.getByTestId('area-preview-counts').first();
  await expect(counts).toContainText(/[1-9]\d*件の顧客が該当/);
  const matched = Number((await counts.textContent())?.match(/(\d+)件の顧客が該当/)?.[1]);
  await expect(page.getByTestId('area-map')).toBeVisible();
  await editor.getByRole('button', { name: '適用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '顧客を割り当てる' }).click();
  await expect(page.getByText(/適用しました（追加 \d+件/)).toBeVisible();

  // The customer list filtered by the area, then by a team.
  await page.goto('/customers');
  await page.getByRole('button', { name: '絞り込み' }).click();
  await pick(page, 'エリア', areaName);
  await expect(page).toHaveURL(/areaId=/);
  const table = page.getByTestId('customer-table');
  await expect(table.locator('tbody tr')).toHaveCount(matched);
  await expect(table).toContainText(target.name);
  await page.goto('/customers');
  await page.getByRole('button', { name: '絞り込み' }).click();
  await pick(page, 'チーム', '第2営業課（東・南）');
  await expect(page).toHaveURL(/teamId=/);
  const team2 = await api<{ items: CustomerRow[]; total: number }>(
    page,
    `/api/customers?limit=1&teamId=${new URL(page.url()).searchParams.get('teamId')}`,
  );
  expect(team2.total).toBeGreaterThan(0);
  await expect(page.getByText(`/ ${team2.total}件を表示`).first()).toBeVisible();

  // 松本's working profile: Mon–Fri again, at most 7 a day, and a training day.
  const people = await api<{ items: { id: string; email: string }[] }>(page, '/api/people');
  const rep4 = people.items.find((p) => p.email === 'rep4@demo.kayoi.jp')!;
  await page.goto(`/people/${rep4.id}/working-profile`);
  // The weekday chips (visually hidden checkboxes): click their labels.
  const weekdays = page.getByRole('group', { name: '勤務日' });
  await expect(page.getByRole('checkbox', { name: '土' })).toBeChecked();
  await weekdays.getByText('土', { exact: true }).click();
  await weekdays.getByText('月', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: '土' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: '月' })).toBeChecked();
  await page.getByRole('textbox', { name: '1日の最大訪問数' }).fill('7');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('保存しました', { exact: true })).toBeVisible();
  await expect
    .poll(async () => {
      const p = await api<{ workingWeekdays: number[]; maxVisitsPerDay: number | null }>(
        page,
        `/api/organization/people/${rep4.id}/working-profile`,
      );
      return { weekdays: [...p.workingWeekdays].sort(), max: p.maxVisitsPerDay };
    })
    .toEqual({ weekdays: [1, 2, 3, 4, 5], max: 7 });
  const day = new Date(Date.now() + 21 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
  await page.getByRole('textbox', { name: '開始日' }).fill(day);
  await pick(page, '種類', '研修');
  await page.getByRole('textbox', { name: 'メモ' }).fill('安全運転講習');
  await page.getByRole('button', { name: '追加', exact: true }).click();
  await expect(page.getByTestId('absence-row').filter({ hasText: '安全運転講習' })).toContainText(day);

  // The new team is retired (it keeps its history).
  await page.goto('/organization');
  await page.getByRole('button', { name: `法人営業課 ${tag}を廃止` }).click();
  await expect(page.getByText(`法人営業課 ${tag}を廃止しました`)).toBeVisible();
  await expect(page.getByTestId(`team-法人営業課 ${tag}`)).toContainText('廃止');
});
