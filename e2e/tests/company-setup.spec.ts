import { type CsvColumn, csvColumns } from '@kayoi/server/contracts';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { signIn } from './support.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const newPasswordInputs = (page: Page) => page.locator('input[autocomplete="new-password"]');

/** A write through the page's session (the trusted Origin, as the app sends it). */
async function send<T>(
  page: Page,
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  data: unknown,
): Promise<T> {
  const origin = new URL(page.url()).origin;
  const request: APIRequestContext = page.request;
  const res = await request.fetch(path, {
    method,
    data,
    headers: { Origin: origin, 'Accept-Language': 'ja' },
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}
async function get<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** Invites a rep from the people page (no mail server: the dialog shows the link). */
async function invite(page: Page, email: string, name: string): Promise<string> {
  await page.goto('/people');
  await page.getByRole('button', { name: 'メンバーを招待' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('メールアドレス').fill(email);
  await dialog.getByLabel('氏名').fill(name);
  await dialog.getByRole('button', { name: '招待する' }).click();
  const link = await dialog.getByTestId('invitation-link').inputValue();
  await dialog.getByRole('button', { name: '閉じる' }).click();
  return link;
}

/** Accepts an invitation in a browser of its own and signs in there. */
async function accept(browser: Browser, link: string, email: string, password: string) {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('button', { name: 'パスワードを設定して参加' })).toBeVisible({
    timeout: 30_000,
  });
  await newPasswordInputs(page).nth(0).fill(password);
  await newPasswordInputs(page).nth(1).fill(password);
  await page.getByRole('button', { name: 'パスワードを設定して参加' }).click();
  await expect(page).not.toHaveURL(/\/invite\//);
  await context.clearCookies();
  await signIn(page, email, password);
  return { context, page };
}

const row = (cells: Partial<Record<CsvColumn, string>>): Record<CsvColumn, string> =>
  Object.fromEntries(csvColumns.map((c) => [c, cells[c] ?? ''])) as Record<CsvColumn, string>;

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a new company sets up from nothing, imports its customers and hands an area from one rep to the other', async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'the admin works at a desk');
  test.setTimeout(180_000);
  const tag = `${Date.now() % 1_000_000}`;
  const company = `E2E 引継商事 ${tag}`;
  const adminEmail = `setup-${tag}@e2e.kayoi.test`;
  const reps = [
    { email: `kita-${tag}@e2e.kayoi.test`, name: '北野 一郎', password: 'kita-pass-123' },
    { email: `minami-${tag}@e2e.kayoi.test`, name: '南 花子', password: 'minami-pass-123' },
  ] as const;
  const areaName = `北区 ${tag}`;

  // Sign up: the new company lands on its checklist with nothing done.
  await page.goto('/sign-up');
  await page.getByLabel('会社名').fill(company);
  await page.getByLabel('あなたの氏名').fill('設定 太郎');
  await page.getByLabel('メールアドレス').fill(adminEmail);
  await newPasswordInputs(page).fill('setup-pass-1');
  await page.getByRole('button', { name: '登録して始める' }).click();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByText('7 項目中 0 項目完了').first()).toBeVisible();

  // Company profile and a product (through the API).
  const profile = await get<{ version: number }>(page, '/api/settings/company');
  await send(page, 'PATCH', '/api/settings/company', {
    version: profile.version,
    postalCode: '530-0001',
    address: '大阪府大阪市北区梅田1-1-1',
    phone: '06-1111-2222',
  });
  // The team and the area on チーム・エリア, by clicking.
  await page.goto('/organization');
  await page.getByRole('button', { name: 'チームを作成' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'チーム名' }).fill(`第1営業課 ${tag}`);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId(`team-第1営業課 ${tag}`)).toBeVisible();
  await page.getByRole('tab', { name: 'エリア' }).click();
  await page.getByRole('button', { name: 'エリアを作成' }).click();
  await dialog.getByRole('textbox', { name: 'エリア名' }).fill(areaName);
  const wards = dialog.getByRole('combobox', { name: '市区町村・区' });
  await wards.fill('大阪市北区');
  await wards.press('Enter');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId(`area-${areaName}`)).toContainText('大阪市北区');
  await send(page, 'POST', '/api/products', {
    code: `P-${tag}`,
    name: 'コピー用紙A4',
    nameKana: 'コピーヨウシ',
    category: '用紙',
    unit: '箱',
    unitPrice: 2980,
    taxCategory: 'standard',
  });

  // Two reps invited from the people page; each accepts in a browser of their own.
  const kitaLink = await invite(page, reps[0].email, reps[0].name);
  const minamiLink = await invite(page, reps[1].email, reps[1].name);
  const kita = await accept(browser, kitaLink, reps[0].email, reps[0].password);
  const minami = await accept(browser, minamiLink, reps[1].email, reps[1].password);
  await kita.context.close();

  // Their working profiles (where the day starts), then the checklist is complete but for customers.
  const people = await get<{ items: { id: string; email: string }[] }>(page, '/api/people');
  for (const rep of reps) {
    const id = people.items.find((p) => p.email === rep.email)!.id;
    const wp = await get<{ version: number }>(page, `/api/organization/people/${id}/working-profile`);
    await send(page, 'PUT', `/api/organization/people/${id}/working-profile`, {
      version: wp.version,
      start: { address: '大阪府大阪市北区梅田1-1-1', lat: 34.7025, lng: 135.4959 },
    });
  }

  // Customers from a CSV (Shift_JIS, as Excel saves it): three of 北野's in the area.
  const names = ['梅田文具店', '中之島商事', '天満製作所'].map((n) => `${n}${tag}`);
  const csv = iconv.encode(
    [
      csvColumns,
      ...names.map((name, i) =>
        csvColumns.map(
          (c) =>
            row({
              会社名: name,
              フリガナ: 'トリヒキサキ',
              敬称: '御中',
              住所: `大阪府大阪市北区梅田${i + 1}-1-1`,
              担当者メール: reps[0].email,
              エリア: areaName,
              ランク: 'B',
              ステータス: '稼働',
              '訪問周期(日)': String([7, 14, 28][i]),
              '許容幅(日)': '3',
              '滞在時間(分)': '30',
              注意点: i === 0 ? '駐車場は裏手' : '',
            })[c],
        ),
      ),
    ]
      .map((cells) => `${cells.join(',')}\r\n`)
      .join(''),
    'cp932',
  );
  await page.goto('/customers/import');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: 'アップロードして確認' }).click();
  await page.getByRole('button', { name: '3行を取り込む' }).click();
  await expect(page.getByTestId('import-result')).toHaveText('新規登録 3件、更新 0件');
  await page.goto('/setup');
  await expect(page.getByText('7 項目中 7 項目完了').first()).toBeVisible();

  // Reassign the area from 北野 to 南: preview with the load, a note, confirm.
  await page.goto('/handovers/new');
  await pick(page, 'handover-from-rep', reps[0].name);
  await pick(page, 'handover-area', areaName);
  await pick(page, 'handover-to-rep', reps[1].name);
  await page.getByTestId('handover-preview').click();
  await expect(page.getByTestId('handover-preview-row')).toHaveCount(3);
  await expect(page.getByTestId('handover-load')).toHaveCount(2);
  await page.getByLabel(`${names[0]}の引き継ぎメモ`).fill('駐車場は裏手の2番。請求書は月初に。');
  await page.getByTestId('handover-commit').click();
  await expect(page).toHaveURL(/\/handovers\?handover=/);

  // On 南's side: the bell shows one unread notification, leading to the three sheets.
  const rep = minami.page;
  await rep.goto('/');
  await expect(rep.getByTestId('notification-badge')).toHaveAttribute('data-count', '1', { timeout: 30_000 });
  await rep.getByTestId('notification-bell').click();
  const note = rep.getByTestId('notification').first();
  await expect(note).toContainText(`${reps[0].name}さんから顧客 3 件を引き継ぎました`);
  await note.click();
  await expect(rep).toHaveURL(/\/handovers\?handover=/);
  await expect(rep.getByTestId('handover-sheet-row')).toHaveCount(3);
  await rep.getByTestId('handover-sheet-row').filter({ hasText: names[0]! }).click();
  await expect(rep.getByTestId('handover-sheet-note')).toContainText('駐車場は裏手の2番');
  await expect(rep.getByTestId('handover-sheet-intro')).toBeVisible();
  // 南 puts the introduction visit in their plan (前任 と同行); it waits for the next plan.
  await expect(rep.getByRole('textbox', { name: 'メモ' })).toHaveValue(`前任 ${reps[0].name}さんと同行`);
  await rep.getByRole('button', { name: '予定に入れる' }).click();
  await expect(rep.getByTestId('intro-appointment')).toContainText('10:00〜10:30');
  await expect(rep.getByTestId('handover-sheet-intro')).toContainText('次の計画で反映');
  await expect(rep.getByTestId('handover-sheet-history')).toContainText(`${reps[0].name} → ${reps[1].name}`);
  await expect(rep.getByTestId('notification-badge')).toHaveAttribute('data-count', '0');
  // The customers are 南's now.
  const mine = await get<{ items: { name: string }[] }>(rep, '/api/customers?limit=50');
  expect(mine.items.map((c) => c.name).sort()).toEqual([...names].sort());
  await minami.context.close();
});
