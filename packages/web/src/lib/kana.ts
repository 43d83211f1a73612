/**
 * Normalises furigana to full-width katakana, the form stored in フリガナ:
 * half-width katakana (with dakuten) and hiragana are converted, runs of spaces collapsed.
 * `normalizeKana('かよい　ｼｮｳｼﾞ')` → `カヨイ ショウジ`.
 */
export const normalizeKana = (input: string): string =>
  input
    // NFKC turns half-width katakana (ｶﾞ) into full-width (ガ) and the ideographic space into a space.
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, ' ')
    .trim();
