import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { customers } from '../customers/tables.ts';
import { orderStatuses } from './order-values.ts';

export { orderStatuses };
export type OrderStatus = (typeof orderStatuses)[number];

/**
 * An order (受注) and its lines: the purchase history. Amounts are tax-exclusive integer yen;
 * consumption tax is computed once per order per rate (10% and 8%), never per line. An order made
 * from an accepted quote carries the quote's lines, prices, rounding and taxes exactly (`quoteId`).
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
    status: text('status', { enum: orderStatuses }).notNull().default('ordered'),
    /** Sum of line amounts at 10% and at 8% (items minus discounts), tax-exclusive. */
    subtotalStandard: integer('subtotal_standard').notNull().default(0),
    subtotalReduced: integer('subtotal_reduced').notNull().default(0),
    taxStandard: integer('tax_standard').notNull().default(0),
    taxReduced: integer('tax_reduced').notNull().default(0),
    total: integer('total').notNull(),
    note: text('note').notNull().default(''),
    /** The accepted quote it came from (null: entered directly). */
    quoteId: text('quote_id'),
    subject: text('subject').notNull().default(''),
    deliveryDate: date('delivery_date', { mode: 'string' }),
    deliveryPlace: text('delivery_place'),
    paymentTerms: text('payment_terms'),
    /** The rounding its line amounts and taxes were computed with. */
    rounding: text('rounding').notNull().default('floor'),
    cancelReason: text('cancel_reason'),
    createdBy: text('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
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
    index('orders_status_idx').on(t.tenantId, t.status, t.orderedAt),
    unique('orders_quote_uq').on(t.tenantId, t.quoteId),
    check(
      'orders_total_ck',
      sql`${t.total} = ${t.subtotalStandard} + ${t.subtotalReduced} + ${t.taxStandard} + ${t.taxReduced}`,
    ),
    check(
      'orders_status_ck',
      sql`${t.status} in ('ordered', 'arranged', 'delivered', 'invoiced', 'cancelled')`,
    ),
    check('orders_rounding_ck', sql`${t.rounding} in ('floor', 'ceil', 'half_up')`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    tenantId: tenantId(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    /** item, or discount (▲: its amount is positive and reduces its rate's subtotal). */
    kind: text('kind', { enum: ['item', 'discount'] })
      .notNull()
      .default('item'),
    productId: text('product_id'),
    /** '' for a line without a catalog product. */
    productCode: text('product_code').notNull(),
    productName: text('product_name').notNull(),
    unit: text('unit').notNull(),
    quantity: integer('quantity').notNull(),
    /** Tax-exclusive decimal yen (1.5円/枚); drizzle reads a string. */
    unitPrice: numeric('unit_price', { precision: 14, scale: 2 }).notNull(),
    /** 10 or 8 (percent). */
    taxRate: smallint('tax_rate').notNull(),
    /** quantity × unitPrice rounded to whole yen by the order's rounding, tax-exclusive. */
    amount: integer('amount').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId, t.lineNo] }),
    foreignKey({
      name: 'order_lines_order_fk',
      columns: [t.tenantId, t.orderId],
      foreignColumns: [orders.tenantId, orders.id],
    }).onDelete('cascade'),
    check('order_lines_rate_ck', sql`${t.taxRate} in (8, 10)`),
    check('order_lines_kind_ck', sql`${t.kind} in ('item', 'discount')`),
    check(
      'order_lines_amount_ck',
      sql`${t.amount} between floor(${t.quantity} * ${t.unitPrice}) and ceil(${t.quantity} * ${t.unitPrice})`,
    ),
  ],
);

/** Who moved an order to which status and when (append-only; the first entry is its creation). */
export const orderStatusHistory = pgTable(
  'order_status_history',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    orderId: text('order_id').notNull(),
    fromStatus: text('from_status', { enum: orderStatuses }),
    toStatus: text('to_status', { enum: orderStatuses }).notNull(),
    reason: text('reason'),
    actorId: text('actor_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'order_status_history_order_fk',
      columns: [t.tenantId, t.orderId],
      foreignColumns: [orders.tenantId, orders.id],
    }).onDelete('cascade'),
    index('order_status_history_order_idx').on(t.tenantId, t.orderId, t.createdAt),
  ],
);
