import type { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { user } from '../../platform/db/schema/index.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import type { RoundingMode } from '../quotes/quote-totals.ts';
import { toSen } from '../quotes/quote-totals.ts';
import type { Order, OrderSummary } from './order-schemas.ts';
import { rateFigures } from './price-lines.ts';
import { orderLines, orderStatusHistory, orders } from './tables.ts';

export type OrderView = z.output<typeof Order>;
export type OrderSummaryView = z.output<typeof OrderSummary>;

export const ORDERS_TABLE = 'orders';

/** Decimal yen text (numeric(14,2)) → the JSON number the API shows, through integer sen. */
export const priceNumber = (text: string) => toSen(text) / 100;

export const selectOrders = (tx: Tx, actor: Actor, where?: SQL) =>
  tx
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      status: orders.status,
      customerId: orders.customerId,
      customerName: customers.name,
      customerCode: customers.code,
      repId: orders.repId,
      quoteId: orders.quoteId,
      subject: orders.subject,
      total: orders.total,
      orderedAt: orders.orderedAt,
      deliveryDate: orders.deliveryDate,
      deliveryPlace: orders.deliveryPlace,
      paymentTerms: orders.paymentTerms,
      note: orders.note,
      rounding: orders.rounding,
      cancelReason: orders.cancelReason,
      subtotalStandard: orders.subtotalStandard,
      subtotalReduced: orders.subtotalReduced,
      taxStandard: orders.taxStandard,
      taxReduced: orders.taxReduced,
      version: orders.version,
      createdAt: orders.createdAt,
      updatedAt: orders.updatedAt,
    })
    .from(orders)
    .innerJoin(customers, and(eq(customers.tenantId, orders.tenantId), eq(customers.id, orders.customerId)))
    .where(and(customerScope(actor), eq(orders.tenantId, actor.tenantId), where));

export type OrderRow = Awaited<ReturnType<typeof selectOrders>>[number];

export const toOrderSummary = (row: OrderRow): OrderSummaryView => ({
  id: row.id,
  orderNo: row.orderNo,
  status: row.status,
  customer: { id: row.customerId, name: row.customerName },
  repId: row.repId,
  quoteId: row.quoteId,
  subject: row.subject,
  total: row.total,
  orderedAt: row.orderedAt.toISOString(),
  deliveryDate: row.deliveryDate,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/** The order as the API shows it, or null when the actor may not see it. */
export async function loadOrder(tx: Tx, actor: Actor, id: string): Promise<OrderView | null> {
  const [row] = await selectOrders(tx, actor, eq(orders.id, id));
  if (!row) return null;
  const lines = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.tenantId, actor.tenantId), eq(orderLines.orderId, id)))
    .orderBy(asc(orderLines.lineNo));
  const history = await tx
    .select({
      fromStatus: orderStatusHistory.fromStatus,
      toStatus: orderStatusHistory.toStatus,
      reason: orderStatusHistory.reason,
      actorId: orderStatusHistory.actorId,
      actorName: user.name,
      at: orderStatusHistory.createdAt,
    })
    .from(orderStatusHistory)
    .leftJoin(user, eq(user.id, orderStatusHistory.actorId))
    .where(and(eq(orderStatusHistory.tenantId, actor.tenantId), eq(orderStatusHistory.orderId, id)))
    .orderBy(asc(orderStatusHistory.createdAt), asc(orderStatusHistory.id));
  const quoteNo = row.quoteId ? await quoteNumberOf(tx, actor, row.quoteId) : null;
  return {
    ...toOrderSummary(row),
    customer: { id: row.customerId, name: row.customerName, code: row.customerCode },
    quoteNo,
    deliveryPlace: row.deliveryPlace,
    paymentTerms: row.paymentTerms,
    note: row.note,
    lines: lines.map((line) => ({
      lineNo: line.lineNo,
      kind: line.kind,
      productId: line.productId,
      productCode: line.productCode === '' ? null : line.productCode,
      name: line.productName,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: priceNumber(line.unitPrice),
      taxRate: line.taxRate === 8 ? 8 : 10,
      amount: line.amount,
      note: line.note,
    })),
    ...rateFigures(
      row,
      lines.map((line) => line.taxRate),
    ),
    rounding: row.rounding as RoundingMode,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
    history: history.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
  };
}

/** The order ids among `ids` the actor may see. */
export async function visibleOrders(tx: Tx, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return selectOrders(tx, actor, inArray(orders.id, [...ids]));
}

async function quoteNumberOf(tx: Tx, actor: Actor, quoteId: string): Promise<string | null> {
  // Read by name: the orders domain does not import the quotes domain's tables (quotes import orders).
  const [row] = await queryRows<{ quote_no: string; revision: number }>(
    tx,
    sql`select quote_no, revision from quotes where tenant_id = ${actor.tenantId} and id = ${quoteId}`,
  );
  if (!row) return null;
  return row.revision > 1 ? `${row.quote_no}-${row.revision}` : row.quote_no;
}
