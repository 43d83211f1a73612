import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  formatDate,
  formatDateTime,
  formatPostalCode,
  formatYen,
  relativeDay,
  relativeTime,
} from './format.ts';
import { normalizeKana } from './kana.ts';

describe('formatYen', () => {
  it('formats integer yen with a half-width sign and separators in Japanese', () => {
    expect(formatYen(1234, 'ja')).toBe('¥1,234');
    expect(formatYen(0, 'ja')).toBe('¥0');
    expect(formatYen(12_345_678, 'ja')).toBe('¥12,345,678');
  });

  it('formats yen without decimals in English', () => {
    expect(formatYen(1234, 'en')).toBe('¥1,234');
  });
});

describe('formatDate', () => {
  it('uses the Tokyo calendar day, not UTC', () => {
    // 2026-11-26 16:30 UTC is already the 27th in Tokyo.
    expect(formatDate('2026-11-26T16:30:00Z', 'ja')).toBe('2026/11/27');
    expect(formatDate('2026-11-26T16:30:00Z', 'en')).toBe('Nov 27, 2026');
  });

  it('returns an empty string for missing or invalid dates', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('formats time in 24h Tokyo time', () => {
    expect(formatDateTime('2026-11-27T00:05:00Z', 'ja')).toBe('2026/11/27 09:05');
  });
});

describe('relativeDay', () => {
  const now = new Date('2026-11-27T03:00:00Z'); // 12:00 in Tokyo

  it('counts Tokyo calendar days', () => {
    expect(calendarDaysBetween('2026-11-24T14:59:00Z', now)).toBe(3);
    expect(calendarDaysBetween('2026-11-24T15:00:00Z', now)).toBe(2);
  });

  it('says today, yesterday and N days ago', () => {
    expect(relativeDay('2026-11-26T23:00:00Z', now)).toEqual({ unit: 'today' });
    expect(relativeDay('2026-11-26T03:00:00Z', now)).toEqual({ unit: 'yesterday' });
    expect(relativeDay('2026-11-24T03:00:00Z', now)).toEqual({ unit: 'daysAgo', count: 3 });
  });

  it('switches to months and years for old dates', () => {
    expect(relativeDay('2026-08-01T03:00:00Z', now)).toEqual({ unit: 'monthsAgo', count: 3 });
    expect(relativeDay('2023-11-01T03:00:00Z', now)).toEqual({ unit: 'yearsAgo', count: 3 });
  });

  it('describes future dates', () => {
    expect(relativeDay('2026-11-28T03:00:00Z', now)).toEqual({ unit: 'tomorrow' });
    expect(relativeDay('2026-12-02T03:00:00Z', now)).toEqual({ unit: 'inDays', count: 5 });
  });
});

describe('relativeTime', () => {
  const now = new Date('2026-11-27T03:00:00Z');

  it('counts minutes and hours within the last day', () => {
    expect(relativeTime('2026-11-27T02:59:30Z', now)).toEqual({ unit: 'justNow' });
    expect(relativeTime('2026-11-27T02:55:00Z', now)).toEqual({ unit: 'minutesAgo', count: 5 });
    expect(relativeTime('2026-11-26T16:00:00Z', now)).toEqual({ unit: 'hoursAgo', count: 11 });
  });

  it('falls back to calendar days after a day', () => {
    expect(relativeTime('2026-11-26T02:00:00Z', now)).toEqual({ unit: 'yesterday' });
    expect(relativeTime('2026-11-20T03:00:00Z', now)).toEqual({ unit: 'daysAgo', count: 7 });
  });
});

describe('formatPostalCode', () => {
  it('inserts the hyphen into seven digits, including full-width digits', () => {
    expect(formatPostalCode('1000001')).toBe('100-0001');
    expect(formatPostalCode('１０００００１')).toBe('100-0001');
    expect(formatPostalCode('100-0001')).toBe('100-0001');
  });

  it('leaves anything else unchanged', () => {
    expect(formatPostalCode('12345')).toBe('12345');
    expect(formatPostalCode(null)).toBe('');
  });
});

describe('normalizeKana', () => {
  it('converts hiragana and half-width katakana to full-width katakana', () => {
    expect(normalizeKana('かよい　ｼｮｳｼﾞ')).toBe('カヨイ ショウジ');
    expect(normalizeKana('ｶﾞｽ')).toBe('ガス');
  });

  it('keeps katakana and trims spaces', () => {
    expect(normalizeKana('  カブシキガイシャ  ')).toBe('カブシキガイシャ');
  });
});
