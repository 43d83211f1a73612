import { describe, expect, it } from 'vitest';
import { type CustomerFields, customerDefaults } from '../customer-fields.ts';
import {
  type CsvColumn,
  csvColumns,
  csvRowToCustomer,
  customerToCsvRow,
  guardFormula,
  unguardFormula,
} from './customer-csv-columns.ts';

const read = (cells: Partial<Record<CsvColumn, string>>) => csvRowToCustomer((column) => cells[column] ?? '');

describe('customer CSV columns', () => {
  it('reads back what it writes', () => {
    const fields: CustomerFields = {
      ...customerDefaults,
      name: '山田歯科医院',
      nameKana: 'ヤマダシカイイン',
      honorific: 'sama',
      status: 'churned',
      rank: 'C',
      cadenceDays: 56,
      cadenceToleranceDays: 7,
      preferredWeekdays: [1, 3, 5],
      timeWindows: [
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '18:30' },
      ],
      notes: '院長は\n土曜午後のみ',
    };
    const row = customerToCsvRow({
      ...fields,
      code: 'C-000001',
      repEmail: 'rep@example.jp',
      areaName: '北区',
    });
    expect(row).toHaveLength(csvColumns.length);
    const parsed = read(Object.fromEntries(csvColumns.map((c, i) => [c, row[i]!])));
    expect(parsed.errors).toEqual([]);
    expect(parsed).toMatchObject({ code: 'C-000001', repEmail: 'rep@example.jp', areaName: '北区' });
    expect({ ...customerDefaults, ...parsed.fields }).toEqual(fields);
  });

  it('writes formula-like cells so Excel shows them as text, and reads them back unchanged', () => {
    const values = ['=HYPERLINK("http://x")', '+81 6', '-まとめ買い', '@担当', "'=already quoted", 'plain'];
    const row = customerToCsvRow({
      ...customerDefaults,
      name: 'A',
      code: 'C-1',
      repEmail: null,
      areaName: null,
      notes: values[0]!,
      preferences: values[1]!,
      cautions: values[2]!,
      address: values[3]!,
      nameKana: '',
    });
    const notesAt = csvColumns.indexOf('メモ');
    expect(row[notesAt]).toBe(`'${values[0]}`);
    for (const value of values) {
      expect(unguardFormula(guardFormula(value))).toBe(value);
      expect(guardFormula(value).match(/^[=+\-@]/)).toBeNull();
    }
  });

  it('accepts English statuses and honorifics, full-width digits and 〜 between times', () => {
    const parsed = read({
      ステータス: 'Dormant',
      敬称: 'onchu',
      '訪問周期(日)': '１４',
      訪問時間帯: '9:00〜12:00',
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.fields).toMatchObject({
      status: 'dormant',
      honorific: 'onchu',
      cadenceDays: 14,
      timeWindows: [{ start: '09:00', end: '12:00' }],
    });
  });

  it('leaves blank numbers and choices out, so the current value or the default stays', () => {
    const parsed = read({ 会社名: 'A' });
    expect(parsed.fields).not.toHaveProperty('cadenceDays');
    expect(parsed.fields).not.toHaveProperty('rank');
  });

  it('names the column of each unreadable cell', () => {
    const parsed = read({ ランク: 'S', '滞在時間(分)': '30分', 訪問曜日: 'Mon' });
    expect(parsed.errors.map((e) => e.column)).toEqual(['ランク', '滞在時間(分)', '訪問曜日']);
  });
});
