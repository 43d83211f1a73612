import { and, eq, ilike, like, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, hiraganaToKatakana, normalizeInput } from '../customers/japanese-text.ts';
import { products } from './tables.ts';

/** The catalog list's filters, shared by the list and the CSV export. */
export interface ProductFilters {
  q?: string | undefined;
  /** true: on sale only; false: off sale only; undefined: both. */
  active?: boolean | undefined;
  category?: string | undefined;
}

const MAX_SEARCH_WORDS = 8;

/**
 * Each word of the search (full-width folded, hiragana read as katakana) must match the code,
 * the name or the furigana.
 */
function searchCondition(raw: string): SQL | undefined {
  const words = normalizeInput(raw).split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return undefined;
  return and(
    ...words.map((word) => {
      const pattern = `%${escapeLike(word)}%`;
      return or(
        ilike(products.code, pattern),
        ilike(products.name, pattern),
        like(products.nameKana, `%${escapeLike(hiraganaToKatakana(word))}%`),
      );
    }),
  );
}

/** The tenant and the filters as one WHERE condition. */
export function productListCondition(actor: Actor, filters: ProductFilters): SQL {
  const conditions: (SQL | undefined)[] = [eq(products.tenantId, actor.tenantId)];
  if (filters.q) conditions.push(searchCondition(filters.q));
  if (filters.active !== undefined) conditions.push(eq(products.active, filters.active));
  if (filters.category) conditions.push(eq(products.category, normalizeInput(filters.category)));
  return and(...conditions) as SQL;
}
