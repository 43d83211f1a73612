import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from '../../platform/db/schema/tenancy.ts';
import { customers } from '../customers/tables.ts';

export const orderStatuses = ['confirmed', 'delivered', 'cancelled'] as const;

/**
 * An order and its lines: the purchase history. Amounts are tax-exclusive integer yen;
 * consumption tax is computed once per order per rate (10% and 8%), never per line.
 */
export const orders = pgTable(
  'orders',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    orderNo: text('order_no').notNull(),
    customerId: text('customer_id').notNull(),
    repId: text('rep_id'),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: orderStatuses }).notNull().default('confirmed'),
    /** Sum of line amounts at 10% and at 8%, tax-exclusive. */
    subtotalStandard: integer('subtotal_standard').notNull().default(0),
    subtotalReduced: integer('subtotal_reduced').notNull().default(0),
    taxStandard: integer('tax_standard').notNull().default(0),
    taxReduced: integer('tax_reduced').notNull().default(0),
    total: integer('total').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('orders_no_uq').on(t.tenantId, t.orderNo),
    foreignKey({
      name: 'orders_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    index('orders_customer_idx').on(t.tenantId, t.customerId, t.orderedAt),
    index('orders_ordered_at_idx').on(t.tenantId, t.orderedAt),
    check(
      'orders_total_ck',
      sql`${t.total} = ${t.subtotalStandard} + ${t.subtotalReduced} + ${t.taxStandard} + ${t.taxReduced}`,
    ),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    tenantId: tenantId(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: text('product_id'),
    productCode: text('product_code').notNull(),
    productName: text('product_name').notNull(),
    unit: text('unit').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    /** 10 or 8 (percent). */
    taxRate: smallint('tax_rate').notNull(),
    /** quantity × unitPrice, tax-exclusive. */
    amount: integer('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId, t.lineNo] }),
    foreignKey({
      name: 'order_lines_order_fk',
      columns: [t.tenantId, t.orderId],
      foreignColumns: [orders.tenantId, orders.id],
    }).onDelete('cascade'),
    check('order_lines_rate_ck', sql`${t.taxRate} in (8, 10)`),
    check('order_lines_amount_ck', sql`${t.amount} = ${t.quantity} * ${t.unitPrice}`),
  ],
);
