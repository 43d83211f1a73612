import { and, asc, gt } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Signer } from '../../platform/signer.ts';
import type { ProductSummaryView } from './catalog-schemas.ts';
import { type ProductFilters, productListCondition } from './product-query.ts';
import { isBundleColumn, toProductSummary } from './product-view.ts';
import { products } from './tables.ts';

export interface ListProductsOptions {
  db: Db;
  actor: Actor;
  filters: ProductFilters;
  /** Opaque cursor from a previous page's nextCursor (signed: a forged one is refused). */
  cursor?: string | undefined;
  signer: Signer;
  /** 1..200, default 50. */
  limit?: number | undefined;
}

const badCursor = () => {
  const text = {
    ja: 'ページ位置が不正です。最初のページから読み直してください。',
    en: 'Invalid page cursor. Start again from the first page.',
  };
  return new AppError(422, 'validation_failed', text, { cursor: text });
};

function decodeCursor(signer: Signer, cursor: string): string {
  const payload = signer.verify(cursor);
  if (payload === null) throw badCursor();
  try {
    const parsed = JSON.parse(payload) as { c?: unknown };
    if (typeof parsed.c === 'string') return parsed.c;
  } catch {
    // fall through
  }
  throw badCursor();
}

/**
 * One page of the caller's catalog in code order, filtered, with keyset pagination: the signed
 * cursor holds the last code (unique per tenant), so pages never skip or repeat a product and a
 * page costs the same however deep.
 */
export async function listProducts(
  options: ListProductsOptions,
): Promise<{ items: ProductSummaryView[]; nextCursor: string | null }> {
  const { db, actor, filters, signer } = options;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const after = options.cursor ? decodeCursor(signer, options.cursor) : undefined;
  const where = productListCondition(actor, filters);
  return withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select({ product: products, isBundle: isBundleColumn })
      .from(products)
      .where(after === undefined ? where : and(where, gt(products.code, after)))
      .orderBy(asc(products.code))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toProductSummary(r.product, r.isBundle)),
      nextCursor: rows.length > limit && last ? signer.sign(JSON.stringify({ c: last.product.code })) : null,
    };
  });
}
