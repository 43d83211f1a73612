import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/db/schema/auth.ts';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { customerRanks } from '../customers/customer-values.ts';
import { customers } from '../customers/tables.ts';
import { taxCategories } from './catalog-values.ts';

export { taxCategories };
export type TaxCategory = (typeof taxCategories)[number];

/**
 * The catalog. Unit prices are tax-exclusive yen with up to two decimals (a copier's counter
 * charge is 1.5円/枚): numeric(14,2), which drizzle hands over as a string; the domain reads it
 * as integer sen (money.ts) and never as a float. A product with components is a bundle (セット),
 * priced as a whole.
 */
export const products = pgTable(
  'products',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Furigana (katakana), for search and for the list's order. */
    nameKana: text('name_kana').notNull().default(''),
    category: text('category').notNull().default(''),
    unit: text('unit').notNull(),
    /** Tax-exclusive unit price in yen, two decimals. */
    unitPrice: numeric('unit_price', { precision: 14, scale: 2 }).notNull(),
    taxCategory: text('tax_category', { enum: taxCategories }).notNull().default('standard'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('products_code_uq').on(t.tenantId, t.code),
    check('products_price_ck', sql`${t.unitPrice} >= 0 and ${t.unitPrice} <= 10000000`),
  ],
);

/** A bundle's components: which products, how many of each, in which order. */
export const productComponents = pgTable(
  'product_components',
  {
    tenantId: tenantId(),
    bundleId: text('bundle_id').notNull(),
    componentId: text('component_id').notNull(),
    quantity: integer('quantity').notNull(),
    sortOrder: smallint('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.bundleId, t.componentId] }),
    foreignKey({
      name: 'product_components_bundle_fk',
      columns: [t.tenantId, t.bundleId],
      foreignColumns: [products.tenantId, products.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'product_components_component_fk',
      columns: [t.tenantId, t.componentId],
      foreignColumns: [products.tenantId, products.id],
    }),
    index('product_components_component_idx').on(t.tenantId, t.componentId),
    check('product_components_self_ck', sql`${t.bundleId} <> ${t.componentId}`),
    check('product_components_quantity_ck', sql`${t.quantity} between 1 and 1000000`),
  ],
);

/**
 * Customer price lists: for one customer, or for every customer of a rank, a special unit price
 * or a discount percent on one product, effective from a date (inclusive) to a date (inclusive,
 * null = open-ended). Entries of the same target, product and kind never overlap (checked by
 * the use cases under the product's row lock).
 */
export const priceListEntries = pgTable(
  'price_list_entries',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    /** The customer the entry is for; null when it is for a rank. */
    customerId: text('customer_id'),
    /** The rank (A/B/C) the entry is for; null when it is for one customer. */
    customerRank: text('customer_rank', { enum: customerRanks }),
    productId: text('product_id').notNull(),
    /** A special tax-exclusive unit price (yen, two decimals), or null for a discount. */
    unitPrice: numeric('unit_price', { precision: 14, scale: 2 }),
    /** A discount off the list price in percent (two decimals), or null for a special price. */
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'price_list_entries_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    foreignKey({
      name: 'price_list_entries_product_fk',
      columns: [t.tenantId, t.productId],
      foreignColumns: [products.tenantId, products.id],
    }),
    index('price_list_entries_product_idx').on(t.tenantId, t.productId, t.effectiveFrom),
    index('price_list_entries_customer_idx').on(t.tenantId, t.customerId, t.productId),
    check('price_list_entries_target_ck', sql`(${t.customerId} is null) <> (${t.customerRank} is null)`),
    check('price_list_entries_kind_ck', sql`(${t.unitPrice} is null) <> (${t.discountPercent} is null)`),
    check(
      'price_list_entries_price_ck',
      sql`${t.unitPrice} is null or (${t.unitPrice} >= 0 and ${t.unitPrice} <= 10000000)`,
    ),
    check(
      'price_list_entries_discount_ck',
      sql`${t.discountPercent} is null or (${t.discountPercent} > 0 and ${t.discountPercent} <= 100)`,
    ),
    check(
      'price_list_entries_dates_ck',
      sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`,
    ),
  ],
);

export const productImportStatuses = ['previewed', 'committed'] as const;

/** A previewed catalog CSV, kept server-side until its commit (or expiry); only its creator sees it. */
export const productImports = pgTable(
  'product_imports',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    status: text('status', { enum: productImportStatuses }).notNull().default('previewed'),
    encoding: text('encoding').notNull(),
    fileName: text('file_name').notNull().default(''),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    /** Each refused cell: row (spreadsheet numbering), column, message in both languages. */
    errors: jsonb('errors')
      .$type<{ row: number; column: string; message: { ja: string; en: string } }[]>()
      .notNull()
      .default([]),
    /** The validated rows, ready to write (shape owned by product-import-rows.ts). */
    rows: jsonb('rows').$type<Record<string, unknown>[]>().notNull().default([]),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('product_imports_expires_idx').on(t.tenantId, t.expiresAt),
  ],
);
