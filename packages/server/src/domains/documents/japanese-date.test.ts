import { describe, expect, it } from 'vitest';
import { formatDocumentDate } from './japanese-date.ts';

describe('document dates', () => {
  it('writes 西暦 as 2026年12月2日', () => {
    expect(formatDocumentDate('2026-12-02', 'western')).toBe('2026年12月2日');
  });

  it('writes 和暦 with 元年 for the first year of an era', () => {
    expect(formatDocumentDate('2026-12-02', 'japanese')).toBe('令和8年12月2日');
    expect(formatDocumentDate('2019-05-01', 'japanese')).toBe('令和元年5月1日');
    expect(formatDocumentDate('2019-04-30', 'japanese')).toBe('平成31年4月30日');
    expect(formatDocumentDate('1989-01-08', 'japanese')).toBe('平成元年1月8日');
    expect(formatDocumentDate('1989-01-07', 'japanese')).toBe('昭和64年1月7日');
    expect(formatDocumentDate('2020-01-01', 'japanese')).toBe('令和2年1月1日');
  });

  it('refuses what is not a civil date', () => {
    expect(() => formatDocumentDate('2026-12-02T00:00:00Z', 'western')).toThrow();
  });
});
