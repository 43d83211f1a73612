import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';

/** 標準税率 10% or 軽減税率 8% (food and drink such as coffee and bottled water). */
export const taxCategories = ['standard', 'reduced'] as const;
export type TaxCategory = (typeof taxCategories)[number];

export const products = pgTable(
  'products',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull().default(''),
    unit: text('unit').notNull(),
    /** Tax-exclusive unit price in yen. */
    unitPrice: integer('unit_price').notNull(),
    taxCategory: text('tax_category', { enum: taxCategories }).notNull().default('standard'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('products_code_uq').on(t.tenantId, t.code),
    check('products_price_ck', sql`${t.unitPrice} >= 0`),
  ],
);
