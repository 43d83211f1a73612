import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { ImportPreviewTables } from './ImportPreviewTables.tsx';

describe('ImportPreviewTables', () => {
  it('names every bad row and column, the header as 見出し行', async () => {
    renderWithApp(
      <ImportPreviewTables
        preview={{
          importId: 'i1',
          totalRows: 3,
          validRows: 1,
          errors: [
            { row: 2, column: 'ランク', message: '選択肢から選んでください。' },
            { row: 0, column: 'メモ', message: '「メモ」列がありません。' },
          ],
          sample: [],
        }}
      />,
    );
    const table = await screen.findByTestId('import-errors');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '見出し行メモ「メモ」列がありません。',
      '2行目ランク選択肢から選んでください。',
    ]);
    expect(screen.getByText('2件のエラーがあります')).toBeTruthy();
  });

  it('shows the rows to be created and updated when the file is clean', async () => {
    renderWithApp(
      <ImportPreviewTables
        preview={{
          importId: 'i1',
          totalRows: 2,
          validRows: 2,
          errors: [],
          sample: [
            { row: 1, action: 'create', code: 'C-9', name: '新規商事' },
            { row: 2, action: 'update', code: 'C-1', name: '山田商店' },
          ],
          summary: { create: 1, update: 1, unchanged: 0 },
        }}
      />,
    );
    expect(await screen.findByText('エラーはありません。2行を取り込めます。')).toBeTruthy();
    expect(screen.getByText('新規 1件・更新 1件・変更なし 0件')).toBeTruthy();
    const sample = screen.getByTestId('import-sample');
    expect(within(sample).getByText('新規商事')).toBeTruthy();
    expect(within(sample).getByText('更新')).toBeTruthy();
  });
});
