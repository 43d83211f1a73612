import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { catalogValidationFailed, idTaken, productCodeTaken } from './catalog-errors.ts';
import type { ProductView } from './catalog-schemas.ts';
import { validateProductFields } from './product-fields.ts';
import { auditedProduct, loadProduct } from './product-view.ts';
import {
  assertCatalogWriter,
  checkComponents,
  mergeDraft,
  newProductDraft,
  PRODUCTS_TABLE,
  type ProductInput,
  productValues,
  saveComponents,
} from './product-writes.ts';
import { products } from './tables.ts';

export interface CreateProductOptions {
  db: Db;
  actor: Actor;
  /** `id`: a client-made UUID (optional). `components` makes it a bundle. */
  input: ProductInput & { id?: string | undefined };
}

/**
 * Adds a product (managers and admins). With components it is a bundle (セット) priced as a
 * whole. Audited. 422 naming each refused field; 409 `code_taken` when the code is in use,
 * `id_taken` when the client-made id is.
 */
export async function createProduct({ db, actor, input }: CreateProductOptions): Promise<ProductView> {
  assertCatalogWriter(actor);
  const id = input.id ?? randomUUID();
  const checked = validateProductFields(mergeDraft(newProductDraft, input));
  const components = input.components ?? [];
  try {
    return await withTenant(db, actor, async (tx) => {
      await checkComponents(
        tx,
        actor,
        { id, taxCategory: checked.value.taxCategory },
        components,
        checked.errors,
      );
      if (Object.keys(checked.errors).length > 0) throw catalogValidationFailed(checked.errors);
      await tx.insert(products).values({ tenantId: actor.tenantId, id, ...productValues(checked.value) });
      await saveComponents(tx, actor, id, components);
      await recordAudit(tx, actor, [
        {
          table: PRODUCTS_TABLE,
          recordId: id,
          action: 'create',
          before: null,
          after: auditedProduct(checked.value, components),
        },
      ]);
      return (await loadProduct(tx, actor, id)) as ProductView;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'products_tenant_id_id_pk')) throw idTaken();
    if (isUniqueViolation(error, 'products_code_uq')) throw productCodeTaken(checked.value.code);
    throw error;
  }
}
