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
import { orders } from '../orders/tables.ts';
import { visits } from '../visits/tables.ts';
import { quoteStatuses } from './quote-values.ts';

export type QuoteStatus = (typeof quoteStatuses)[number];

/**
 * A 見積書, one row per revision: revisions share `quoteNo` and count up from 1. Once issued
 * (提出済) a revision is never changed again except for its status (受注 / 失注 / 改訂済); every
 * revision stays stored and searchable (電子帳簿保存法). 期限切れ is not stored: a submitted quote
 * past `validUntil` (Asia/Tokyo). Totals are integer yen computed by quote-totals.ts.
 */
export const quotes = pgTable(
  'quotes',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    quoteNo: text('quote_no').notNull(),
    revision: integer('revision').notNull().default(1),
    status: text('status', { enum: quoteStatuses }).notNull().default('draft'),
    customerId: text('customer_id').notNull(),
    repId: text('rep_id'),
    visitId: text('visit_id'),
    sourceQuoteId: text('source_quote_id'),
    subject: text('subject').notNull(),
    deliveryDate: date('delivery_date', { mode: 'string' }),
    deliveryPlace: text('delivery_place'),
    paymentTerms: text('payment_terms'),
    validUntil: date('valid_until', { mode: 'string' }),
    remarks: text('remarks').notNull().default(''),
    subtotalStandard: integer('subtotal_standard').notNull().default(0),
    subtotalReduced: integer('subtotal_reduced').notNull().default(0),
    taxStandard: integer('tax_standard').notNull().default(0),
    taxReduced: integer('tax_reduced').notNull().default(0),
    total: integer('total').notNull().default(0),
    rounding: text('rounding').notNull().default('floor'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    lostReason: text('lost_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    orderId: text('order_id'),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('quotes_no_revision_uq').on(t.tenantId, t.quoteNo, t.revision),
    foreignKey({
      name: 'quotes_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    foreignKey({
      name: 'quotes_visit_fk',
      columns: [t.tenantId, t.visitId],
      foreignColumns: [visits.tenantId, visits.id],
    }),
    foreignKey({
      name: 'quotes_order_fk',
      columns: [t.tenantId, t.orderId],
      foreignColumns: [orders.tenantId, orders.id],
    }),
    index('quotes_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('quotes_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
    index('quotes_status_idx').on(t.tenantId, t.status, t.validUntil),
    check(
      'quotes_total_ck',
      sql`${t.total} = ${t.subtotalStandard} + ${t.subtotalReduced} + ${t.taxStandard} + ${t.taxReduced}`,
    ),
    check('quotes_status_ck', sql`${t.status} in ('draft', 'submitted', 'accepted', 'lost', 'superseded')`),
    check('quotes_rounding_ck', sql`${t.rounding} in ('floor', 'ceil', 'half_up')`),
    check('quotes_revision_ck', sql`${t.revision} >= 1`),
    check('quotes_issued_ck', sql`${t.status} = 'draft' or ${t.issuedAt} is not null`),
    check('quotes_lost_ck', sql`${t.status} <> 'lost' or ${t.lostReason} is not null`),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    tenantId: tenantId(),
    quoteId: text('quote_id').notNull(),
    lineNo: integer('line_no').notNull(),
    kind: text('kind', { enum: ['item', 'discount'] })
      .notNull()
      .default('item'),
    productId: text('product_id'),
    productCode: text('product_code'),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull().default(''),
    /** Tax-exclusive decimal yen (1.5円/枚); drizzle reads a string. */
    unitPrice: numeric('unit_price', { precision: 14, scale: 2 }).notNull(),
    taxRate: smallint('tax_rate').notNull(),
    /** quantity × unitPrice rounded to whole yen by the quote's rounding; positive for a discount. */
    amount: integer('amount').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.quoteId, t.lineNo] }),
    foreignKey({
      name: 'quote_lines_quote_fk',
      columns: [t.tenantId, t.quoteId],
      foreignColumns: [quotes.tenantId, quotes.id],
    }).onDelete('cascade'),
    check('quote_lines_rate_ck', sql`${t.taxRate} in (8, 10)`),
    check('quote_lines_kind_ck', sql`${t.kind} in ('item', 'discount')`),
    check('quote_lines_quantity_ck', sql`${t.quantity} between 1 and 1000000`),
    check('quote_lines_price_ck', sql`${t.unitPrice} between 0 and 10000000`),
    check(
      'quote_lines_amount_ck',
      sql`${t.amount} between floor(${t.quantity} * ${t.unitPrice}) and ceil(${t.quantity} * ${t.unitPrice})`,
    ),
  ],
);
