import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { type CatalogFieldErrors, catalogIssueText, catalogWriteForbidden } from './catalog-errors.ts';
import { formatSen } from './money.ts';
import type { ProductDraft, ProductFields } from './product-fields.ts';
import { productComponents, products, type TaxCategory } from './tables.ts';

export const PRODUCTS_TABLE = 'products';

/** The fields a product API body may carry (all optional on PATCH). */
export interface ProductInput {
  code?: string | undefined;
  name?: string | undefined;
  nameKana?: string | undefined;
  category?: string | undefined;
  unit?: string | undefined;
  unitPrice?: number | undefined;
  taxCategory?: TaxCategory | undefined;
  active?: boolean | undefined;
  components?: { productId: string; quantity: number }[] | undefined;
}

/** Managers and admins change the catalog; reps read it. */
export function assertCatalogWriter(actor: Actor): void {
  if (actor.role !== 'manager' && actor.role !== 'admin') throw catalogWriteForbidden();
}

/** The input's fields over a draft (stored fields, or the defaults of a new product). */
export function mergeDraft(base: ProductDraft, input: ProductInput): ProductDraft {
  const draft = { ...base };
  if (input.code !== undefined) draft.code = input.code;
  if (input.name !== undefined) draft.name = input.name;
  if (input.nameKana !== undefined) draft.nameKana = input.nameKana;
  if (input.category !== undefined) draft.category = input.category;
  if (input.unit !== undefined) draft.unit = input.unit;
  if (input.unitPrice !== undefined) draft.unitPrice = input.unitPrice;
  if (input.taxCategory !== undefined) draft.taxCategory = input.taxCategory;
  if (input.active !== undefined) draft.active = input.active;
  return draft;
}

export const newProductDraft: ProductDraft = {
  code: '',
  name: '',
  nameKana: '',
  category: '',
  unit: '',
  unitPrice: null,
  taxCategory: 'standard',
  active: true,
};

/** The row values of a product's fields. */
export const productValues = (fields: ProductFields) => {
  const { unitPriceSen, ...rest } = fields;
  return { ...rest, unitPrice: formatSen(unitPriceSen) };
};

/**
 * Checks a bundle's component list against the catalog: each product once, in the tenant, not
 * the bundle itself, not a bundle, of the bundle's tax category (one price cannot carry both
 * 10% and 8%), quantity 1..1,000,000; and that a product other bundles contain does not become
 * a bundle itself. Adds to `errors` (keyed `components` or `components.N.field`).
 */
export async function checkComponents(
  tx: Tx,
  actor: Actor,
  bundle: { id: string; taxCategory: TaxCategory },
  components: readonly { productId: string; quantity: number }[],
  errors: CatalogFieldErrors,
): Promise<void> {
  if (components.length === 0) return;
  const ids = [...new Set(components.map((c) => c.productId))];
  const found = await tx
    .select({ id: products.id, taxCategory: products.taxCategory })
    .from(products)
    .where(and(eq(products.tenantId, actor.tenantId), inArray(products.id, ids)));
  const byId = new Map(found.map((p) => [p.id, p]));
  const nested = new Set(
    (
      await tx
        .selectDistinct({ id: productComponents.bundleId })
        .from(productComponents)
        .where(and(eq(productComponents.tenantId, actor.tenantId), inArray(productComponents.bundleId, ids)))
    ).map((r) => r.id),
  );
  const seen = new Set<string>();
  components.forEach((c, i) => {
    const at = `components.${i}`;
    const product = byId.get(c.productId);
    if (c.productId === bundle.id) errors[`${at}.productId`] ??= catalogIssueText('component_self');
    else if (!product) errors[`${at}.productId`] ??= catalogIssueText('product_unknown');
    else if (seen.has(c.productId)) errors[`${at}.productId`] ??= catalogIssueText('component_duplicate');
    else if (nested.has(c.productId)) errors[`${at}.productId`] ??= catalogIssueText('component_bundle');
    else if (product.taxCategory !== bundle.taxCategory)
      errors[`${at}.productId`] ??= catalogIssueText('component_tax');
    seen.add(c.productId);
    if (!Number.isInteger(c.quantity) || c.quantity < 1 || c.quantity > 1_000_000)
      errors[`${at}.quantity`] ??= catalogIssueText('quantity_range');
  });
  const [inBundle] = await tx
    .select({ id: productComponents.bundleId })
    .from(productComponents)
    .where(and(eq(productComponents.tenantId, actor.tenantId), eq(productComponents.componentId, bundle.id)))
    .limit(1);
  if (inBundle) errors.components ??= catalogIssueText('component_bundle');
}

/** A product other bundles contain cannot change its tax category away from theirs. */
export async function checkTaxCategoryChange(
  tx: Tx,
  actor: Actor,
  productId: string,
  taxCategory: TaxCategory,
  errors: CatalogFieldErrors,
): Promise<void> {
  const [clash] = await tx
    .select({ id: products.id })
    .from(productComponents)
    .innerJoin(
      products,
      and(eq(products.tenantId, productComponents.tenantId), eq(products.id, productComponents.bundleId)),
    )
    .where(
      and(
        eq(productComponents.tenantId, actor.tenantId),
        eq(productComponents.componentId, productId),
        ne(products.taxCategory, taxCategory),
      ),
    )
    .limit(1);
  if (clash) errors.taxCategory ??= catalogIssueText('bundle_in_use');
}

/** Replaces a bundle's component list (in this order). */
export async function saveComponents(
  tx: Tx,
  actor: Actor,
  bundleId: string,
  components: readonly { productId: string; quantity: number }[],
): Promise<void> {
  await tx
    .delete(productComponents)
    .where(and(eq(productComponents.tenantId, actor.tenantId), eq(productComponents.bundleId, bundleId)));
  if (components.length > 0)
    await tx.insert(productComponents).values(
      components.map((c, i) => ({
        tenantId: actor.tenantId,
        bundleId,
        componentId: c.productId,
        quantity: c.quantity,
        sortOrder: i,
      })),
    );
}
