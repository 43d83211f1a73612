import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { NotificationKind } from './notify.ts';
import { notifications } from './tables.ts';

/** A notification as the API shows it (contracts: Notification). */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string;
  createdAt: string;
  readAt: string | null;
}

const mine = (actor: Actor) =>
  and(eq(notifications.tenantId, actor.tenantId), eq(notifications.recipientId, actor.userId));

export const toNotificationView = (row: typeof notifications.$inferSelect): NotificationView => ({
  id: row.id,
  kind: row.kind,
  params: row.params,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** How many of the caller's notifications are unread (the shell's badge). */
export async function countUnread(tx: Tx, actor: Actor): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(actor), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** The caller's notifications, unread first, newest first, at most `limit` (default 30). */
export async function listNotifications(
  tx: Tx,
  actor: Actor,
  { limit = 30 }: { limit?: number | undefined },
) {
  const rows = await tx
    .select()
    .from(notifications)
    .where(mine(actor))
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), asc(notifications.id))
    .limit(limit + 1);
  return {
    items: rows.slice(0, limit).map(toNotificationView),
    unreadCount: await countUnread(tx, actor),
    truncated: rows.length > limit,
  };
}
