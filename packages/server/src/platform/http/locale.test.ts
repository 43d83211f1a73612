import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.ts';

describe('pickLocale', () => {
  it('defaults to Japanese', () => {
    expect(pickLocale(undefined)).toBe('ja');
    expect(pickLocale('')).toBe('ja');
    expect(pickLocale('fr-FR,de;q=0.8')).toBe('ja');
  });

  it('follows the highest-weighted of ja and en', () => {
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('ja,en;q=0.8')).toBe('ja');
    expect(pickLocale('en;q=0.5,ja;q=0.9')).toBe('ja');
    expect(pickLocale('fr,en-GB;q=0.7,ja;q=0.3')).toBe('en');
  });

  it('ignores languages refused with q=0', () => {
    expect(pickLocale('en;q=0,ja')).toBe('ja');
  });
});
