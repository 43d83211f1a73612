import { describe, expect, it } from 'vitest';
import { addressParts, kanjiNumber, matchPrecision, normalizeJapaneseAddress } from './geocoder-address.ts';
import { nominatimPrecision } from './geocoder-nominatim.ts';

describe('normalizeJapaneseAddress', () => {
  it('folds widths, hyphens, kanji numerals and spaces', () => {
    expect(normalizeJapaneseAddress('〒530-0001 大阪府大阪市北区梅田一丁目１番３号')).toBe(
      '大阪府大阪市北区梅田1丁目1番3号',
    );
    expect(normalizeJapaneseAddress('大阪市北区　梅田１ー１－３')).toBe('大阪市北区梅田1-1-3');
    expect(normalizeJapaneseAddress('大阪市北区梅田1‐1―3 梅田ビル')).toBe('大阪市北区梅田1-1-3梅田ビル');
    // ー after katakana is a long vowel, not a dash.
    expect(normalizeJapaneseAddress('大阪市西区ローズタウン2-3')).toBe('大阪市西区ローズタウン2-3');
  });

  it('reads kanji numbers up to 99', () => {
    expect([
      kanjiNumber('一'),
      kanjiNumber('十'),
      kanjiNumber('十二'),
      kanjiNumber('二十三'),
      kanjiNumber(''),
    ]).toEqual([1, 10, 12, 23, null]);
  });

  it('splits place and numbers whichever form the 丁目 takes', () => {
    expect(addressParts('大阪府大阪市北区梅田一丁目1番3号')).toEqual({
      place: '大阪市北区梅田',
      hasChome: true,
      numbers: [1, 1, 3],
    });
    expect(addressParts('大阪市北区梅田1-1-3 梅田ビル5F')).toEqual({
      place: '大阪市北区梅田',
      hasChome: true,
      numbers: [1, 1, 3],
    });
    expect(addressParts('堺市美原区黒山123番地')).toEqual({
      place: '堺市美原区黒山',
      hasChome: false,
      numbers: [123],
    });
  });
});

describe('matchPrecision (GSI titles)', () => {
  const address = '大阪府大阪市北区梅田１丁目１－３';
  it('is banchi when the title names the lot, chome for the block, city for the municipality', () => {
    expect(matchPrecision(address, '大阪府大阪市北区梅田一丁目1')).toBe('banchi');
    expect(matchPrecision(address, '大阪府大阪市北区梅田一丁目')).toBe('chome');
    expect(matchPrecision(address, '大阪府大阪市北区')).toBe('city');
  });
  it('refuses another place and does not call another 丁目 a block match', () => {
    expect(matchPrecision(address, '大阪府大阪市北区梅田二丁目')).toBe('city');
    expect(matchPrecision(address, '東京都北区王子一丁目')).toBeNull();
    expect(matchPrecision('大阪市北区梅田1-1-3', '大阪府大阪市北区梅田一丁目')).toBe('chome');
  });
});

describe('nominatimPrecision', () => {
  it('maps addresstype and place_rank', () => {
    expect(nominatimPrecision({ addresstype: 'building', place_rank: 30 })).toBe('banchi');
    expect(nominatimPrecision({ addresstype: 'neighbourhood', place_rank: 22 })).toBe('chome');
    expect(nominatimPrecision({ addresstype: 'city', place_rank: 16 })).toBe('city');
    expect(nominatimPrecision({ addresstype: 'state', place_rank: 8 })).toBeNull();
  });
});
