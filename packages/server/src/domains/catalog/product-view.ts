import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { ProductSummaryView, ProductView } from './catalog-schemas.ts';
import { taxRateOfCategory } from './catalog-values.ts';
import { senOf, senToNumber } from './money.ts';
import type { ProductFields } from './product-fields.ts';
import { productComponents, products } from './tables.ts';

type ProductRow = typeof products.$inferSelect;

/** Whether the product has components: a subquery column for lists. */
export const isBundleColumn = sql<boolean>`exists (select 1 from product_components pc
  where pc.tenant_id = ${products.tenantId} and pc.bundle_id = ${products.id})`;

/** A stored product as the API's summary shows it. */
export function toProductSummary(row: ProductRow, isBundle: boolean): ProductSummaryView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameKana: row.nameKana,
    category: row.category,
    unit: row.unit,
    unitPrice: senToNumber(senOf(row.unitPrice)),
    taxCategory: row.taxCategory,
    taxRate: taxRateOfCategory[row.taxCategory],
    active: row.active,
    isBundle,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The editable fields of a stored product. */
export const fieldsOfRow = (row: ProductRow): ProductFields => ({
  code: row.code,
  name: row.name,
  nameKana: row.nameKana,
  category: row.category,
  unit: row.unit,
  unitPriceSen: senOf(row.unitPrice),
  taxCategory: row.taxCategory,
  active: row.active,
});

/** What a product's audit rows compare: its fields (the price as decimal yen) and its components. */
export const auditedProduct = (
  fields: ProductFields,
  components?: readonly { productId: string; quantity: number }[],
) => {
  const { unitPriceSen, ...rest } = fields;
  return {
    ...rest,
    unitPrice: senToNumber(unitPriceSen),
    ...(components !== undefined && { components: components.map((c) => `${c.productId}×${c.quantity}`) }),
  };
};

/** The stored product row, or null when the tenant has none with that id. */
export async function findProductRow(
  tx: Tx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<ProductRow | null> {
  const query = tx
    .select()
    .from(products)
    .where(and(eq(products.tenantId, actor.tenantId), eq(products.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** A bundle's components in order, with each component's code, name and list price. */
export async function loadComponents(tx: Tx, actor: Actor, bundleId: string) {
  const rows = await tx
    .select({
      productId: products.id,
      code: products.code,
      name: products.name,
      unit: products.unit,
      quantity: productComponents.quantity,
      unitPrice: products.unitPrice,
      active: products.active,
    })
    .from(productComponents)
    .innerJoin(
      products,
      and(eq(products.tenantId, productComponents.tenantId), eq(products.id, productComponents.componentId)),
    )
    .where(and(eq(productComponents.tenantId, actor.tenantId), eq(productComponents.bundleId, bundleId)))
    .orderBy(asc(productComponents.sortOrder), asc(products.code));
  return rows.map((r) => ({ ...r, unitPriceSen: senOf(r.unitPrice) }));
}

/** One product as the API shows it (with a bundle's components), or null when not in the tenant. */
export async function loadProduct(tx: Tx, actor: Actor, id: string): Promise<ProductView | null> {
  const row = await findProductRow(tx, actor, id);
  if (!row) return null;
  const components = await loadComponents(tx, actor, id);
  const listTotalSen = components.reduce((sum, c) => sum + c.unitPriceSen * c.quantity, 0);
  return {
    ...toProductSummary(row, components.length > 0),
    components: components.map((c) => ({
      productId: c.productId,
      code: c.code,
      name: c.name,
      unit: c.unit,
      quantity: c.quantity,
      unitPrice: senToNumber(c.unitPriceSen),
      active: c.active,
    })),
    componentsListTotal: components.length > 0 ? senToNumber(listTotalSen) : null,
    createdAt: row.createdAt.toISOString(),
  };
}
