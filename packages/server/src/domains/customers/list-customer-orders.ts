import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
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
}

export type PurchaseOrder = PurchaseOrderView;

/** A customer's purchase history, newest first, with lines; 404 when not the actor's to see. */
export async function listCustomerOrders(options: ListCustomerOrdersOptions): Promise<PurchaseOrder[]> {
  const { db, actor, customerId } = options;
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  return withTenant(db, actor, async (tx) => {
    const [visible] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(customerScope(actor), eq(customers.id, customerId)));
    if (!visible) throw customerNotFound();

    const head = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, actor.tenantId), eq(orders.customerId, customerId)))
      .orderBy(desc(orders.orderedAt), desc(orders.orderNo))
      .limit(limit);
    if (head.length === 0) return [];
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
    return head.map((o) => ({
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
        unitPrice: l.unitPrice,
        taxRate: l.taxRate === 8 ? 8 : 10,
        amount: l.amount,
      })),
    }));
  });
}
