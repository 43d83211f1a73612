import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { orderLines, orders } from '../orders/tables.ts';
import { customerNotFound } from './customer-errors.ts';
import type { PurchaseOrderView } from './customer-schemas.ts';
import { customerScope } from './customer-scope.ts';
import { customers } from './tables.ts';

export interface ListCustomerOrdersOptions {
  db: Db;
  actor: Actor;
  customerId: string;
  /** 1..200, default 50. */
  limit?: number;
  /** nextCursor of the previous page: the orders older than its last one. */
  cursor?: string | undefined;
}

/** A page of orders and where the next one starts (null on the last page). */
export interface OrderPage {
  items: PurchaseOrder[];
  nextCursor: string | null;
}

const badCursor = () => {
  const text = { ja: 'ページの指定が正しくありません。', en: 'The page cursor is not valid.' };
  return new AppError(422, 'validation_failed', text, { cursor: text });
};

/** `orderedAt|orderNo` of the last order shown (orders are read newest first, by both). */
const encodeCursor = (o: { orderedAt: Date; orderNo: string }) =>
  Buffer.from(`${o.orderedAt.toISOString()}|${o.orderNo}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; orderNo: string } {
  const [at, orderNo, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || orderNo === undefined || extra !== undefined || Number.isNaN(Date.parse(at))) throw badCursor();
  return { at: new Date(at).toISOString(), orderNo };
}

export type PurchaseOrder = PurchaseOrderView;

/**
 * A customer's purchase history, newest first, with lines, a page at a time (keyset on ordered
 * at and order number, so a page costs the same however deep); 404 when not the actor's to see.
 */
export async function listCustomerOrders(options: ListCustomerOrdersOptions): Promise<OrderPage> {
  const { db, actor, customerId } = options;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  return withTenant(db, actor, async (tx) => {
    const [visible] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(customerScope(actor), eq(customers.id, customerId)));
    if (!visible) throw customerNotFound();

    const head = await tx
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.tenantId, actor.tenantId),
          eq(orders.customerId, customerId),
          after
            ? sql`(${orders.orderedAt}, ${orders.orderNo}) < (${after.at}::timestamptz, ${after.orderNo})`
            : undefined,
        ),
      )
      .orderBy(desc(orders.orderedAt), desc(orders.orderNo))
      .limit(limit + 1);
    const more = head.length > limit;
    if (more) head.pop();
    if (head.length === 0) return { items: [], nextCursor: null };
    const lines = await tx
      .select()
      .from(orderLines)
      .where(
        and(
          eq(orderLines.tenantId, actor.tenantId),
          inArray(
            orderLines.orderId,
            head.map((o) => o.id),
          ),
        ),
      )
      .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo));
    const byOrder = new Map<string, (typeof lines)[number][]>();
    for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
    const items: PurchaseOrder[] = head.map((o) => ({
      id: o.id,
      orderNo: o.orderNo,
      orderedAt: o.orderedAt.toISOString(),
      status: o.status,
      subtotal: o.subtotalStandard + o.subtotalReduced,
      tax: o.taxStandard + o.taxReduced,
      total: o.total,
      lines: (byOrder.get(o.id) ?? []).map((l) => ({
        productCode: l.productCode,
        productName: l.productName,
        quantity: l.quantity,
        unit: l.unit,
        unitPrice: Number(l.unitPrice),
        taxRate: l.taxRate === 8 ? (8 as const) : (10 as const),
        amount: l.amount,
      })),
    }));
    const last = head[head.length - 1];
    return { items, nextCursor: more && last ? encodeCursor(last) : null };
  });
}
