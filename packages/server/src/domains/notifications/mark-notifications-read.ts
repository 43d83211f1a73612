import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { type NotificationView, toNotificationView } from './list-notifications.ts';
import { notificationNotFound } from './notification-errors.ts';
import { notifications } from './tables.ts';

const mine = (actor: Actor) =>
  and(eq(notifications.tenantId, actor.tenantId), eq(notifications.recipientId, actor.userId));

/** Marks one of the caller's notifications read (again: unchanged). 404 when not theirs. */
export async function markNotificationRead(tx: Tx, actor: Actor, id: string): Promise<NotificationView> {
  await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(actor), eq(notifications.id, id), isNull(notifications.readAt)));
  const [row] = await tx
    .select()
    .from(notifications)
    .where(and(mine(actor), eq(notifications.id, id)));
  if (!row) throw notificationNotFound();
  return toNotificationView(row);
}

/** Marks every unread notification of the caller read; answers how many were unread. */
export async function markAllNotificationsRead(tx: Tx, actor: Actor): Promise<{ marked: number }> {
  const marked = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
