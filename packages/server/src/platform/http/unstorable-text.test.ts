import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './unstorable-text.ts';

describe('findUnstorableText', () => {
  it('names the fields holding a NUL byte, however deep', () => {
    expect(
      findUnstorableText({ name: 'なにわ\u0000商会', contacts: [{ title: 'ok' }, { title: '課長\u0000' }] }),
    ).toEqual(['name', 'contacts.1.title']);
  });

  it('names lone surrogates but accepts paired ones (emoji)', () => {
    expect(findUnstorableText({ a: '\ud800', b: 'x\udfff', c: '🍣 寿司', d: '\ud83c\udf63' })).toEqual([
      'a',
      'b',
    ]);
  });

  it('accepts ordinary Japanese text, tabs and line breaks', () => {
    expect(findUnstorableText({ notes: '月末は多忙。\n電話は午前中に\tお願いします。' })).toEqual([]);
  });
});
