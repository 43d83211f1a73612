import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, encodeCsv, parseCsv, toShiftJisRepertoire, writeCsv } from './csv-codec.ts';

/** Characters a customer book really holds, all inside Shift_JIS. */
const sjisSafe = [...'abcXYZ019 -_/.株式会社浪速オフィスサプライ大阪市北区梅田ー・ｶﾅ①㈱髙﨑～！？、。「」\t'];
const csvHostile = [',', '"', '\r\n', '\n', '\r'];
const field = (alphabet: string[]) =>
  fc.string({ unit: fc.constantFrom(...alphabet, ...csvHostile), maxLength: 12 });
const rows = (alphabet: string[]) =>
  fc.array(fc.array(field(alphabet), { minLength: 1, maxLength: 6 }), { maxLength: 8 });

describe('parseCsv', () => {
  it('reads quoted fields with doubled quotes, commas and line breaks', () => {
    expect(parseCsv('a,"b ""c""","x,\r\ny"\r\n1,,3\r\n')).toEqual([
      ['a', 'b "c"', 'x,\r\ny'],
      ['1', '', '3'],
    ]);
  });

  it('accepts LF and CR line ends, a BOM and a missing final line end', () => {
    expect(parseCsv('\uFEFFa,b\nc,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('skips blank lines between records', () => {
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], ['b']]);
  });
});

describe('writeCsv', () => {
  it('ends every record with CRLF and quotes only where needed', () => {
    expect(writeCsv([['会社', 'a,b', 'say "hi"', 'line\nbreak', '']])).toBe(
      '会社,"a,b","say ""hi""","line\nbreak",\r\n',
    );
  });
});

describe('CSV round trip', () => {
  it('gives back the same rows in UTF-8, whatever the fields hold', () => {
    fc.assert(
      fc.property(rows([...sjisSafe, '😀', 'é', '〜']), (data) => {
        const { bytes } = encodeCsv(writeCsv(data), 'utf8');
        expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        const decoded = decodeCsv(bytes);
        expect(decoded.encoding).toBe('utf8');
        expect(parseCsv(decoded.text)).toEqual(data);
      }),
    );
  });

  it('gives back the same rows in Shift_JIS for text Shift_JIS can hold', () => {
    fc.assert(
      fc.property(rows(sjisSafe), (data) => {
        const { bytes, replaced } = encodeCsv(writeCsv(data), 'sjis');
        expect(replaced).toBe(0);
        const decoded = decodeCsv(bytes);
        expect(parseCsv(decoded.text)).toEqual(data);
      }),
    );
  });
});

describe('Shift_JIS encoding', () => {
  it('reads short Shift_JIS text that happens to be valid UTF-8 as Shift_JIS (ﾅ市 is C5 8E 73)', () => {
    const { bytes } = encodeCsv('ﾅ市', 'sjis');
    expect(decodeCsv(bytes)).toEqual({ text: 'ﾅ市', encoding: 'sjis' });
    expect(decodeCsv(new TextEncoder().encode('Café Noël, Zürich'))).toEqual({
      text: 'Café Noël, Zürich',
      encoding: 'utf8',
    });
    expect(decodeCsv(new TextEncoder().encode('大阪市北区'))).toEqual({
      text: '大阪市北区',
      encoding: 'utf8',
    });
  });

  it('is detected automatically for Japanese text', () => {
    const { bytes } = encodeCsv('会社名,フリガナ\r\n', 'sjis');
    expect(decodeCsv(bytes)).toEqual({ text: '会社名,フリガナ\r\n', encoding: 'sjis' });
  });

  it('tells a real question mark from a character it could not encode', () => {
    expect(encodeCsv('本当?', 'sjis').replaced).toBe(0);
    const lossy = encodeCsv('本当?😀〜', 'sjis');
    expect(lossy.replaced).toBe(1);
    expect(decodeCsv(lossy.bytes, 'sjis').text).toBe('本当?〓～');
  });

  it('writes 〓 for characters it lacks and keeps the wave dash as its CP932 look-alike', () => {
    expect(toShiftJisRepertoire('9:00〜17:00 😀 café')).toEqual({
      text: '9:00～17:00 〓 caf〓',
      replaced: 2,
    });
  });
});
