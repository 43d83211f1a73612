import { describe, expect, it } from 'vitest';
import { buildImportTemplate, indexImportErrors, sortImportErrors } from './import-columns.ts';

describe('buildImportTemplate', () => {
  it('starts with a BOM so Excel reads UTF-8, and ends with CRLF', () => {
    const template = buildImportTemplate();
    expect(template.startsWith('\uFEFF顧客コード,会社名,フリガナ,')).toBe(true);
    expect(template.endsWith('緯度,経度,先方担当者,先方担当者役職,先方担当者電話,先方担当者メール\r\n')).toBe(
      true,
    );
    expect(template.trim().split(',')).toHaveLength(25);
  });
});

describe('indexImportErrors', () => {
  it('groups messages by row and column, joining repeats', () => {
    const index = indexImportErrors([
      { row: 3, column: 'ランク', message: 'A/B/Cのいずれか' },
      { row: 3, column: '住所', message: '必須です' },
      { row: 3, column: 'ランク', message: '空です' },
    ]);
    expect(index.get(3)?.get('ランク')).toBe('A/B/Cのいずれか / 空です');
    expect(index.get(3)?.get('住所')).toBe('必須です');
    expect(index.has(1)).toBe(false);
  });
});

describe('sortImportErrors', () => {
  it('orders by row, then by header position', () => {
    const sorted = sortImportErrors([
      { row: 2, column: 'メモ', message: 'x' },
      { row: 1, column: 'ランク', message: 'x' },
      { row: 2, column: '会社名', message: 'x' },
    ]);
    expect(sorted.map((error) => `${error.row}:${error.column}`)).toEqual(['1:ランク', '2:会社名', '2:メモ']);
  });
});
