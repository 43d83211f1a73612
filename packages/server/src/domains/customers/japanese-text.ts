/**
 * Small helpers for Japanese input: what users type into search boxes and forms comes in
 * full-width digits, half-width katakana and hiragana, and we want it to match stored text.
 */

/** NFKC (full-width digits/letters → half-width, half-width katakana → full-width) and trim. */
export function normalizeInput(value: string): string {
  return value.normalize('NFKC').trim();
}

/** ひらがな → カタカナ; everything else unchanged. */
export function hiraganaToKatakana(value: string): string {
  return value.replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** The digits of a phone number: '06-6123-4567' → '0661234567'. */
export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}

/** A furigana reading: katakana (with ー and ・) and spaces only. */
export function isKatakanaReading(value: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB\u30FD\u30FE \u3000]*$/.test(value);
}

/** Escapes LIKE wildcards so a user's % or _ matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
