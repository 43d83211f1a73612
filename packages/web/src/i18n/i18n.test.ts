import { describe, expect, it } from 'vitest';
import en from './en.json';
import ja from './ja.json';
import { LANGUAGE_STORAGE_KEY, readStoredLanguage, storeLanguage } from './language-storage.ts';

const flattenKeys = (value: unknown, prefix = ''): string[] => {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenKeys(child, prefix ? `${prefix}.${key}` : key),
  );
};

const placeholders = (text: string): string[] =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();

const lookup = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);

describe('translations', () => {
  const jaKeys = flattenKeys(ja).sort();
  const enKeys = flattenKeys(en).sort();

  it('have the same keys in Japanese and English', () => {
    expect(enKeys.filter((key) => !jaKeys.includes(key))).toEqual([]);
    expect(jaKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
  });

  it('have no empty strings', () => {
    for (const key of jaKeys) expect(lookup(ja, key), `ja:${key}`).not.toBe('');
    for (const key of enKeys) expect(lookup(en, key), `en:${key}`).not.toBe('');
  });

  it('use the same interpolation variables in both languages', () => {
    for (const key of jaKeys) {
      expect(placeholders(String(lookup(en, key))), key).toEqual(placeholders(String(lookup(ja, key))));
    }
  });

  it('carry the labels end-to-end tests rely on', () => {
    expect([ja.signIn.email, ja.signIn.password, ja.signIn.submit]).toEqual([
      'メールアドレス',
      'パスワード',
      'ログイン',
    ]);
    expect([en.signIn.email, en.signIn.password, en.signIn.submit]).toEqual(['Email', 'Password', 'Sign in']);
    expect([ja.customers.search, en.customers.search]).toEqual(['顧客を検索', 'Search customers']);
    expect([ja.language.label, en.language.label]).toEqual(['言語', 'Language']);
  });
});

describe('stored language', () => {
  const memory = (initial: Record<string, string> = {}) => {
    const data = new Map(Object.entries(initial));
    return {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
    };
  };

  it('defaults to Japanese', () => {
    expect(readStoredLanguage(memory())).toBe('ja');
  });

  it('ignores unknown values', () => {
    expect(readStoredLanguage(memory({ [LANGUAGE_STORAGE_KEY]: 'fr' }))).toBe('ja');
  });

  it('remembers English once chosen', () => {
    const storage = memory();
    storeLanguage('en', storage);
    expect(readStoredLanguage(storage)).toBe('en');
  });
});
