import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import type { ImportPreview } from '../api/customer-import-api.ts';
import { ImportPreviewTables } from './ImportPreviewTables.tsx';

const buildPreview = (overrides: Partial<ImportPreview> = {}): ImportPreview => ({
  importId: 'i1',
  totalRows: 0,
  validRows: 0,
  errorRows: 0,
  errors: [],
  sample: [],
  summary: { create: 0, update: 0, unchanged: 0 },
  ignoredColumns: [],
  ...overrides,
});

describe('ImportPreviewTables', () => {
  it('numbers rows as the spreadsheet does and counts rows with errors, not errors', async () => {
    renderWithApp(
      <ImportPreviewTables
        preview={buildPreview({
          totalRows: 3,
          validRows: 2,
          errorRows: 1,
          errors: [
            { row: 3, column: 'ランク', message: '選択肢から選んでください。' },
            { row: 3, column: '訪問曜日', message: '曜日は「月水金」のように入力してください。' },
            { row: 1, column: '会社名', message: '「会社名」列が2つあります。' },
          ],
        })}
      />,
    );
    const table = await screen.findByTestId('import-errors');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '1行目（見出し）会社名「会社名」列が2つあります。',
      '3行目ランク選択肢から選んでください。',
      '3行目訪問曜日曜日は「月水金」のように入力してください。',
    ]);
    expect(screen.getByText('1行にエラーがあります')).toBeTruthy();
    expect(screen.getByText('エラー行').nextElementSibling?.textContent).toBe('1');
  });

  it('shows each row’s changes old → new with a badge for 新規, 更新 and 変更なし', async () => {
    renderWithApp(
      <ImportPreviewTables
        preview={buildPreview({
          totalRows: 3,
          validRows: 3,
          sample: [
            {
              row: 2,
              action: 'update',
              code: 'C-1',
              name: '山田商店',
              changes: [
                { column: '電話番号', before: '06-1111-2222', after: '06-3333-4444' },
                { column: 'メモ', before: '古いメモ', after: '' },
              ],
            },
            {
              row: 3,
              action: 'create',
              code: null,
              name: '新規商事',
              changes: [{ column: '会社名', before: null, after: '新規商事' }],
            },
            { row: 4, action: 'unchanged', code: 'C-2', name: '変わらず商会', changes: [] },
          ],
          summary: { create: 1, update: 1, unchanged: 1 },
          ignoredColumns: ['社内メモ'],
          geocoding: { asked: 2, banchi: 1, chome: 0, city: 0, notFound: 1, failed: 0 },
        })}
      />,
    );
    expect(await screen.findByText('エラーはありません。3行を取り込めます。')).toBeTruthy();
    expect(screen.getByText('新規 1件・更新 1件・変更なし 1件')).toBeTruthy();
    expect(screen.getByTestId('import-ignored').textContent).toContain('社内メモ');
    expect(screen.getByTestId('import-geocoding').textContent).toBe(
      '住所から位置を取得した2件：番地まで 1件・町丁目まで 0件・市区町村のみ 0件・見つからず 1件・取得失敗 0件。 位置のない1件は取り込み後「位置未設定」に表示され、訪問計画に入りません。',
    );
    const rows = within(screen.getByTestId('import-sample')).getAllByTestId('import-row');
    expect(rows.map((row) => within(row).getAllByText(/^(新規|更新|変更なし)$/)[0]?.textContent)).toEqual([
      '更新',
      '新規',
      '変更なし',
    ]);
    const [phone, memo] = within(rows[0]!).getAllByTestId('import-change');
    expect(phone!.textContent).toBe('電話番号06-1111-222206-3333-4444');
    expect(within(phone!).getByTestId('change-before').textContent).toBe('06-1111-2222');
    expect(within(phone!).getByTestId('change-after').textContent).toBe('06-3333-4444');
    // A cleared field says so instead of showing nothing.
    expect(memo!.textContent).toBe('メモ古いメモ（空欄）');
    expect(within(rows[1]!).getByText('自動採番')).toBeTruthy();
    expect(within(rows[2]!).queryAllByTestId('import-change')).toHaveLength(0);
  });
});
