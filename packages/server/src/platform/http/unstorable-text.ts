import type { LocalizedText } from '../errors.ts';

/** NUL (PostgreSQL text cannot hold it) and UTF-16 halves without their pair (they would be mangled). */
const PATTERN = '\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const UNSTORABLE = new RegExp(PATTERN);
/** The same characters, for `replace` (strip them from a cell after reporting it). */
export const UNSTORABLE_GLOBAL = new RegExp(PATTERN, 'g');

export const unstorableText: LocalizedText = {
  ja: '保存できない文字（NUL文字や壊れた文字）が含まれています。',
  en: 'Contains a character that cannot be stored (a NUL or a broken character).',
};

const MAX_DEPTH = 64;

/**
 * The paths (`name`, `contacts.0.title`) of every string in a parsed request that holds a
 * character the database cannot store faithfully. Keys are checked too.
 *
 * @example
 * findUnstorableText({ name: 'a\u0000b', tags: ['ok'] }) // ['name']
 */
export function findUnstorableText(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push(path.join('.') || '(body)');
  } else if (Array.isArray(value)) {
    if (path.length < MAX_DEPTH)
      for (const [i, item] of value.entries()) findUnstorableText(item, [...path, String(i)], found);
  } else if (value && typeof value === 'object' && !(value instanceof Blob)) {
    if (path.length < MAX_DEPTH) {
      for (const [key, item] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) found.push([...path, key].join('.'));
        else findUnstorableText(item, [...path, key], found);
      }
    }
  }
  return found;
}
