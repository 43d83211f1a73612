import { describe, expect, it } from 'vitest';
import { digitsOnly, hiraganaToKatakana, isKatakanaReading, normalizeInput } from './japanese-text.ts';

describe('normalizeInput', () => {
  it('turns full-width digits and half-width katakana into their usual forms', () => {
    expect(normalizeInput(' ０６－１２３ ｶﾌﾞｼｷ ')).toBe('06-123 カブシキ');
  });
});

describe('hiraganaToKatakana', () => {
  it('maps hiragana to katakana and leaves other text alone', () => {
    expect(hiraganaToKatakana('なにわオフィスabc')).toBe('ナニワオフィスabc');
  });
});

describe('digitsOnly', () => {
  it('keeps the digits of a phone number', () => {
    expect(digitsOnly('06-6123-4567')).toBe('0661234567');
  });
});

describe('isKatakanaReading', () => {
  it('accepts katakana with long vowel marks, middle dots and spaces', () => {
    expect(isKatakanaReading('カブシキガイシャ ナニワ・オフィスサプライ')).toBe(true);
  });

  it('refuses hiragana, kanji and Latin letters', () => {
    expect(isKatakanaReading('なにわ')).toBe(false);
    expect(isKatakanaReading('浪速')).toBe(false);
    expect(isKatakanaReading('Naniwa')).toBe(false);
  });
});
