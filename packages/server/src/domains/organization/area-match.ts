import { or, type SQL, sql } from 'drizzle-orm';
import type { AreaDefinition } from '../../platform/db/schema/index.ts';
import { escapeLike } from '../customers/japanese-text.ts';
import { customers } from '../customers/tables.ts';

/** A definition as stored: trimmed, NFKC-folded, spaces out, duplicates and blanks dropped. */
export function normalizeAreaDefinition(definition: Partial<AreaDefinition> | undefined): AreaDefinition {
  const clean = (values: readonly string[] | undefined, fold: (s: string) => string) => [
    ...new Set(
      (values ?? []).map((v) => fold(v.normalize('NFKC').replace(/[\s\u3000]/g, ''))).filter(Boolean),
    ),
  ];
  return {
    municipalities: clean(definition?.municipalities, (s) => s),
    postcodePrefixes: clean(definition?.postcodePrefixes, (s) => s.replace(/[-ー－]/g, '')),
  };
}

/**
 * The customers an area's definition holds, as a WHERE condition on `customers`: the address
 * (spaces ignored) names one of the municipalities (大阪市北区 matches 大阪府大阪市北区梅田1-2-3),
 * or the postal code (hyphens ignored) starts with one of the prefixes. An empty definition
 * matches nobody.
 *
 * @example
 * tx.select().from(customers).where(and(customerScope(actor), areaMatchCondition(area.definition)))
 */
export function areaMatchCondition(definition: AreaDefinition): SQL {
  const address = sql`translate(${customers.address}, ' 　', '')`;
  const postcode = sql`translate(${customers.postalCode}, '-ー－ ', '')`;
  const conditions: SQL[] = [
    ...definition.municipalities.map((m) => sql`${address} like ${`%${escapeLike(m)}%`}`),
    ...definition.postcodePrefixes.map((p) => sql`${postcode} like ${`${escapeLike(p)}%`}`),
  ];
  return conditions.length === 0 ? sql`false` : (or(...conditions) as SQL);
}
