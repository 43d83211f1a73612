import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { normalizeInput } from '../customers/japanese-text.ts';
import { catalogValidationFailed, productCodeTaken, productNotFound } from './catalog-errors.ts';
import type { ProductView } from './catalog-schemas.ts';
import { draftOf, validateProductFields } from './product-fields.ts';
import { auditedProduct, fieldsOfRow, findProductRow, loadComponents, loadProduct } from './product-view.ts';
import {
  assertCatalogWriter,
  checkComponents,
  checkTaxCategoryChange,
  mergeDraft,
  PRODUCTS_TABLE,
  type ProductInput,
  productValues,
  saveComponents,
} from './product-writes.ts';
import { products } from './tables.ts';

export interface UpdateProductOptions {
  db: Db;
  actor: Actor;
  id: string;
  /** The version the caller read; a stale one gets 409 version_conflict and changes nothing. */
  input: ProductInput & { version: number };
}

/**
 * Changes some fields of a product (managers and admins), with optimistic concurrency and an
 * audit row of each changed field. `components` replaces a bundle's list ([] ends the bundle).
 * `active: false` takes it off sale (it stays on old quotes and orders). 404 when the tenant has
 * no such product; 409 `version_conflict` with the server's copy when stale.
 */
export async function updateProduct({ db, actor, id, input }: UpdateProductOptions): Promise<ProductView> {
  assertCatalogWriter(actor);
  const { version, components: newComponents, ...patch } = input;
  try {
    return await withTenant(db, actor, async (tx) => {
      const row = await findProductRow(tx, actor, id);
      if (!row) throw productNotFound();
      if (row.version !== version) throw versionConflict(await loadProduct(tx, actor, id));
      const stored = fieldsOfRow(row);
      const checked = validateProductFields(mergeDraft(draftOf(stored), patch));
      // A stored value that predates a rule does not block an edit that leaves the field alone.
      const storedErrors = validateProductFields(draftOf(stored)).errors;
      for (const field of Object.keys(checked.errors))
        if (!(field in patch) && storedErrors[field]?.en === checked.errors[field]?.en)
          delete checked.errors[field];
      const storedComponents = (await loadComponents(tx, actor, id)).map((c) => ({
        productId: c.productId,
        quantity: c.quantity,
      }));
      const taxChanged = checked.value.taxCategory !== stored.taxCategory;
      if (newComponents !== undefined || taxChanged)
        await checkComponents(
          tx,
          actor,
          { id, taxCategory: checked.value.taxCategory },
          newComponents ?? storedComponents,
          checked.errors,
        );
      if (taxChanged) await checkTaxCategoryChange(tx, actor, id, checked.value.taxCategory, checked.errors);
      if (Object.keys(checked.errors).length > 0) throw catalogValidationFailed(checked.errors);

      await updateVersioned(tx, {
        table: products,
        where: and(eq(products.tenantId, actor.tenantId), eq(products.id, id)) as NonNullable<
          ReturnType<typeof and>
        >,
        version,
        set: productValues(checked.value),
        current: () => loadProduct(tx, actor, id),
        notFound: productNotFound,
      });
      if (newComponents !== undefined) await saveComponents(tx, actor, id, newComponents);
      await recordAudit(tx, actor, [
        {
          table: PRODUCTS_TABLE,
          recordId: id,
          action: checked.value.active !== stored.active ? 'status_change' : 'update',
          before: auditedProduct(stored, storedComponents),
          after: auditedProduct(checked.value, newComponents ?? storedComponents),
        },
      ]);
      return (await loadProduct(tx, actor, id)) as ProductView;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'products_code_uq'))
      throw productCodeTaken(normalizeInput(patch.code ?? ''));
    throw error;
  }
}
