import type { GeocodePrecision } from './geocoder.ts';

/**
 * Japanese address normalisation before geocoding, and the comparison of an address with what a
 * geocoder matched. Hand-written: @geolonia/normalize-japanese-addresses (the maintained library)
 * downloads its town list from the internet at run time, which a server without internet access
 * cannot do; this covers what matters for geocoding and comparing: widths, hyphens, kanji
 * numerals before 丁目 and the 丁目/番地/号 forms.
 */

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九 → 1 … 99 (enough for 丁目, 番 and 号), or null. */
export function kanjiNumber(text: string): number | null {
  if (text === '') return null;
  if (/^[〇一二三四五六七八九]+$/.test(text) && text.length > 1 && !text.includes('十'))
    return Number([...text].map((c) => KANJI_DIGITS[c]).join(''));
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[1] ? (KANJI_DIGITS[m[1]] ?? null) : null;
  return (m[1] ? (KANJI_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[3] ? (KANJI_DIGITS[m[3]] ?? 0) : 0);
}

// Dashes people type between numbers: hyphen-minus, ‐ ‑ ‒ – — ― − ー ｰ ─ and 之/の forms are left alone.
const DASHES = /[\u002D\u2010-\u2015\u2212\u30FC\uFF70\u2500\uFE63\uFF0D]/g;

/**
 * The address as it is sent to a geocoder: NFKC (全角 digits and letters → 半角, 半角カナ → 全角),
 * one kind of hyphen between numbers, kanji numerals before 丁目/番/号 as digits, no spaces inside,
 * postal mark and code removed. `大阪府大阪市北区梅田一丁目１番３号` → `大阪府大阪市北区梅田1丁目1番3号`.
 */
export function normalizeJapaneseAddress(address: string): string {
  let s = address.normalize('NFKC');
  s = s.replace(/^〒?\s*\d{3}-?\d{4}\s*/, '');
  s = s.replace(/[\s\u3000]+/g, '');
  s = s.replace(/([0-9])[\u002D\u2010-\u2015\u2212\u30FC\uFF70\u2500\uFE63\uFF0D]+(?=[0-9])/g, '$1-');
  s = s.replace(/([〇一二三四五六七八九十]+)(丁目|番地|番|号)/g, (whole, num: string, unit: string) => {
    const n = kanjiNumber(num);
    return n === null ? whole : `${n}${unit}`;
  });
  return s.replace(DASHES, (d, offset: number, all: string) =>
    /[0-9]/.test(all[offset - 1] ?? '') && /[0-9]/.test(all[offset + 1] ?? '') ? '-' : d,
  );
}

const PREFECTURE = /^(東京都|北海道|京都府|大阪府|.{2,3}?県)/;

/** The parts of an address that precision compares: the place names, then the numbers (丁目, 番地, 号). */
export interface AddressParts {
  /** Prefecture stripped: 大阪市北区梅田. */
  place: string;
  /** Whether the first number is a 丁目 (as opposed to a 番地 of a place without 丁目). */
  hasChome: boolean;
  numbers: number[];
}

/**
 * Splits a normalised address: `大阪府大阪市北区梅田1丁目1番3号 梅田ビル5F` → place 大阪市北区梅田,
 * chome, [1, 1, 3]. `梅田1-1-3` is read the same way when the place usually has 丁目 (the first
 * of three numbers is then the 丁目); with two numbers or fewer it is read as 番地-号.
 */
export function addressParts(address: string): AddressParts {
  const s = normalizeJapaneseAddress(address).replace(PREFECTURE, '');
  const m = /^(.*?)(\d.*)?$/.exec(s) as RegExpExecArray;
  const place = (m[1] ?? '').replace(/(大字|字)$/, '');
  const rest = m[2] ?? '';
  const numbers: number[] = [];
  let hasChome = false;
  const re = /^(\d+)(丁目|番地|番|号|-)?/;
  let tail = rest;
  while (numbers.length < 4) {
    const n = re.exec(tail);
    if (!n) break;
    numbers.push(Number(n[1]));
    if (n[2] === '丁目' && numbers.length === 1) hasChome = true;
    tail = tail.slice(n[0].length);
    if (n[2] === undefined || n[2] === '号') break;
  }
  // 1-1-3 (three numbers in dash form) is 丁目-番-号 in a town with 丁目.
  if (!hasChome && numbers.length >= 3 && !/^\d+(番地|番)/.test(rest)) hasChome = true;
  return { place, hasChome, numbers };
}

const MUNICIPALITY = /^(.+?郡)?(.+?市)?(.+?[区町村])?/;

/**
 * How precisely a match (GSI's title, e.g. 大阪府大阪市北区梅田一丁目) locates an address, or null
 * when it names another place. The same town with its 丁目 and lot number → banchi; the town (and
 * its 丁目 when it has one) → chome; only the address's municipality → city.
 */
export function matchPrecision(address: string, matched: string): GeocodePrecision | null {
  const a = addressParts(address);
  const t = addressParts(matched);
  if (t.place === '' || a.place === '') return null;
  if (a.place === t.place || a.place.endsWith(t.place) || t.place.endsWith(a.place)) {
    let same = 0;
    while (same < t.numbers.length && t.numbers[same] === a.numbers[same]) same++;
    // Another 丁目 than asked: only the municipality is right (the town's other block is no closer).
    if (same < t.numbers.length) return t.hasChome && same === 0 ? 'city' : 'chome';
    const lotsMatched = t.hasChome ? same - 1 : same;
    return lotsMatched >= 1 ? 'banchi' : 'chome';
  }
  // Only the municipality: the match must be a municipality the address lies in.
  const city = MUNICIPALITY.exec(t.place)?.[0] ?? '';
  if (city !== '' && city === t.place && a.place.startsWith(city)) return 'city';
  return null;
}
