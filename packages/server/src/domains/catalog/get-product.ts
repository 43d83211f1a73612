import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { productNotFound } from './catalog-errors.ts';
import type { ProductView } from './catalog-schemas.ts';
import { loadProduct } from './product-view.ts';

export interface GetProductOptions {
  db: Db;
  actor: Actor;
  id: string;
}

/** One product of the caller's catalog, with a bundle's components; 404 when the tenant has none. */
export async function getProduct({ db, actor, id }: GetProductOptions): Promise<ProductView> {
  const product = await withTenant(db, actor, (tx) => loadProduct(tx, actor, id));
  if (!product) throw productNotFound();
  return product;
}
