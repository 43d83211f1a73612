import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import {
  bulkOrderTransition,
  bulkOrderUnknown,
  orderNotFound,
  orderTransition,
  reasonRequired,
} from './order-errors.ts';
import type { BulkStatusBody, OrderStatusBody } from './order-schemas.ts';
import type { orderStatuses } from './order-values.ts';
import { loadOrder, ORDERS_TABLE, type OrderView, visibleOrders } from './order-view.ts';
import { orderStatusHistory, orders } from './tables.ts';

type Status = (typeof orderStatuses)[number];
const chain: readonly Status[] = ['ordered', 'arranged', 'delivered', 'invoiced'];

/**
 * Whether an order may go from one status to another: forward along 受注 → 手配済 → 納品済 →
 * 請求済 (a step may be skipped: a stock item is delivered without arranging), or キャンセル from
 * any status before 請求済. Never backwards, never out of キャンセル.
 */
export function mayMove(from: Status, to: Status): boolean {
  if (from === 'cancelled' || from === 'invoiced') return false;
  if (to === 'cancelled') return true;
  return chain.indexOf(to) > chain.indexOf(from);
}

async function applyStatus(
  tx: Tx,
  actor: Actor,
  current: { id: string; status: Status; customerId: string },
  to: Status,
  reason: string | null,
  now: Date,
) {
  await tx.insert(orderStatusHistory).values({
    tenantId: actor.tenantId,
    id: randomUUID(),
    orderId: current.id,
    fromStatus: current.status,
    toStatus: to,
    reason,
    actorId: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, actor, [
    {
      table: ORDERS_TABLE,
      recordId: current.id,
      action: 'status_change',
      before: { status: current.status },
      after: { status: to, ...(reason ? { cancelReason: reason } : {}) },
      subject: { table: 'customers', id: current.customerId },
    },
  ]);
}

export interface ChangeOrderStatusOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: z.output<typeof OrderStatusBody>;
  now?: Date;
}

/**
 * Moves one order the actor may see to a status (send the version read): 409 `version_conflict`
 * on a stale version, 409 `invalid_transition` naming `status` for a move `mayMove` refuses,
 * 422 naming `reason` for a cancel without one. Who and when go to the order's history.
 */
export async function changeOrderStatus({
  db,
  actor,
  id,
  input,
  now = new Date(),
}: ChangeOrderStatusOptions) {
  return withTenant(db, actor, async (tx): Promise<OrderView> => {
    const current = await loadOrder(tx, actor, id);
    if (!current) throw orderNotFound();
    if (current.version !== input.version) throw versionConflict(current);
    if (!mayMove(current.status, input.status)) throw orderTransition(current.status, input.status);
    const reason = input.reason?.trim() || null;
    if (input.status === 'cancelled' && !reason) throw reasonRequired();
    await updateVersioned(tx, {
      table: orders,
      where: and(eq(orders.tenantId, actor.tenantId), eq(orders.id, id)) as never,
      version: input.version,
      set: { status: input.status, ...(input.status === 'cancelled' ? { cancelReason: reason } : {}) },
      current: () => loadOrder(tx, actor, id),
      notFound: orderNotFound,
    });
    await applyStatus(tx, actor, { ...current, customerId: current.customer.id }, input.status, reason, now);
    return (await loadOrder(tx, actor, id)) as OrderView;
  });
}

export interface BulkOrderStatusOptions {
  db: Db;
  actor: Actor;
  input: z.output<typeof BulkStatusBody>;
  now?: Date;
}

/**
 * The desk's bulk change: every listed order (≤ 200) the actor may see moves to `status`, or none
 * does — 422 naming `ids.N` for an order not found, 409 naming `ids.N` for one that cannot move
 * there. Each order gets its history entry and audit row.
 */
export async function bulkOrderStatus({ db, actor, input, now = new Date() }: BulkOrderStatusOptions) {
  const ids = [...new Set(input.ids)];
  const reason = input.reason?.trim() || null;
  if (input.status === 'cancelled' && !reason) throw reasonRequired();
  return withTenant(db, actor, async (tx) => {
    const rows = await visibleOrders(tx, actor, ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) {
      const index = input.ids.indexOf(id);
      const row = byId.get(id);
      if (!row) throw bulkOrderUnknown(index);
      if (!mayMove(row.status, input.status)) throw bulkOrderTransition(index, row.status, input.status);
    }
    await tx
      .update(orders)
      .set({
        status: input.status,
        ...(input.status === 'cancelled' ? { cancelReason: reason } : {}),
        updatedAt: now,
        version: sql`${orders.version} + 1`,
      })
      .where(and(eq(orders.tenantId, actor.tenantId), inArray(orders.id, ids)));
    for (const id of ids) {
      const row = byId.get(id);
      if (row) await applyStatus(tx, actor, row, input.status, reason, now);
    }
    return { updated: ids.length, ids };
  });
}
