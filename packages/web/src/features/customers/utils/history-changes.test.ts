import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, i18nReady } from '../../../i18n/i18n.ts';
import { buildHistoryEntry } from '../testing/customer-factories.ts';
import { formatHistoryValue, type HistoryNames, historyChangeLines } from './history-changes.ts';

// English is loaded on first use.
beforeAll(async () => {
  await i18nReady;
  await i18n.loadLanguages('en');
});

const names: HistoryNames = {
  users: new Map([['u2', '田中 一郎']]),
  areas: new Map([['a1', '千代田']]),
  contacts: new Map(),
};
const format = (field: string, value: unknown, language = 'ja') =>
  formatHistoryValue({ field, value, t: i18n.getFixedT(language), language, names });

describe('formatHistoryValue', () => {
  it('shows instants such as archivedAt in Tokyo time', () => {
    expect(format('archivedAt', '2026-05-12T15:30:00Z')).toBe('2026/05/13 00:30');
  });

  it('names weekdays Monday first, joined in Japanese and spaced in English', () => {
    expect(format('preferredWeekdays', [0, 6, 1])).toBe('月土日');
    expect(format('preferredWeekdays', [0, 6, 1], 'en')).toBe('Mon Sat Sun');
  });

  it('keeps an id it cannot name', () => {
    expect(format('repId', 'u2')).toBe('田中 一郎');
    expect(format('repId', 'u-gone')).toBe('u-gone');
  });

  it('says — for every kind of empty', () => {
    for (const empty of [null, undefined, '', []]) expect(format('notes', empty)).toBe('—');
  });
});

describe('historyChangeLines', () => {
  it('leaves out bookkeeping fields and keeps unknown ones under their API name', () => {
    const entry = buildHistoryEntry({
      action: 'create',
      changes: {
        id: { after: 'c1' },
        version: { after: 1 },
        code: { after: 'C-9' },
        mystery: { after: 'x' },
      },
    });
    const lines = historyChangeLines({ entry, t: i18n.getFixedT('ja'), language: 'ja', names });
    expect(lines).toEqual([
      { field: 'code', label: '顧客コード', after: 'C-9' },
      { field: 'mystery', label: 'mystery', after: 'x' },
    ]);
  });
});
