import type { z } from '@hono/zod-openapi';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { addDays } from '../planning/working-days.ts';
import { badCursor, orderNotFound } from './order-errors.ts';
import type { OrderListQuery, OrderPage } from './order-schemas.ts';
import { loadOrder, type OrderRow, type OrderView, selectOrders, toOrderSummary } from './order-view.ts';
import { orders } from './tables.ts';

const encodeCursor = (o: { orderedAt: string; id: string }) =>
  Buffer.from(`${o.orderedAt}|${o.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || extra !== undefined || Number.isNaN(Date.parse(at))) throw badCursor();
  return { at: new Date(at).toISOString(), id };
}

export type OrderFilters = Omit<z.output<typeof OrderListQuery>, 'cursor' | 'limit'>;

/** The list's WHERE for the filters (Asia/Tokyo days for from/to). */
export function orderConditions(filters: OrderFilters): SQL | undefined {
  return and(
    filters.status ? eq(orders.status, filters.status) : undefined,
    filters.customerId ? eq(orders.customerId, filters.customerId) : undefined,
    filters.repId ? eq(orders.repId, filters.repId) : undefined,
    filters.from
      ? sql`${orders.orderedAt} >= (${filters.from}::date)::timestamp at time zone 'Asia/Tokyo'`
      : undefined,
    filters.to
      ? sql`${orders.orderedAt} < (${addDays(filters.to, 1)}::date)::timestamp at time zone 'Asia/Tokyo'`
      : undefined,
  );
}

/** Orders in the actor's scope, newest first (keyset on orderedAt, id), `limit` at a time. */
export async function selectOrderPage(
  tx: Tx,
  actor: Actor,
  filters: OrderFilters,
  limit: number,
  cursor?: string,
): Promise<{ rows: OrderRow[]; more: boolean }> {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await selectOrders(
    tx,
    actor,
    and(
      orderConditions(filters),
      after ? sql`(${orders.orderedAt}, ${orders.id}) < (${after.at}::timestamptz, ${after.id})` : undefined,
    ),
  )
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  if (more) rows.pop();
  return { rows, more };
}

export interface ListOrdersOptions {
  db: Db;
  actor: Actor;
  query: z.output<typeof OrderListQuery>;
}

/** GET /api/orders: a page of the orders of the customers the actor may see. */
export async function listOrders({ db, actor, query }: ListOrdersOptions) {
  return withTenant(db, actor, async (tx): Promise<z.output<typeof OrderPage>> => {
    const { cursor, limit, ...filters } = query;
    const { rows, more } = await selectOrderPage(tx, actor, filters, limit ?? 50, cursor);
    const items = rows.map(toOrderSummary);
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor(last) : null };
  });
}

/** Counts of orders by status in the actor's scope (the desk). */
export async function countOrdersByStatus(tx: Tx, actor: Actor, filters: OrderFilters = {}) {
  const rows = await tx
    .select({ status: orders.status, n: sql<number>`count(*)::int` })
    .from(orders)
    .innerJoin(customers, and(eq(customers.tenantId, orders.tenantId), eq(customers.id, orders.customerId)))
    .where(and(customerScope(actor), eq(orders.tenantId, actor.tenantId), orderConditions(filters)))
    .groupBy(orders.status);
  const counts = { ordered: 0, arranged: 0, delivered: 0, invoiced: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export async function getOrder({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return withTenant(db, actor, async (tx): Promise<OrderView> => {
    const order = await loadOrder(tx, actor, id);
    if (!order) throw orderNotFound();
    return order;
  });
}
