import { and, asc, eq, lt } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { customers } from '../customers/tables.ts';
import { notify } from '../notifications/notify.ts';
import { todayIn } from '../planning/working-days.ts';
import { followups } from './tables.ts';

/** At most this many overdue promises are looked at per check (the oldest first). */
const CHECKED = 50;

/**
 * The promise-overdue notifications, computed when the caller looks at their notifications: each
 * open followup assigned to the caller and due before today (Asia/Tokyo) notifies them once
 * (dedupe key per followup, so a promise overdue for weeks is one notification, not one a day).
 */
export async function notifyOverdueFollowups(tx: Tx, actor: Actor, now = new Date()): Promise<void> {
  const today = todayIn('Asia/Tokyo', now);
  const overdue = await tx
    .select({
      id: followups.id,
      title: followups.title,
      dueDate: followups.dueDate,
      customerId: followups.customerId,
      customerName: customers.name,
    })
    .from(followups)
    .leftJoin(
      customers,
      and(eq(customers.tenantId, followups.tenantId), eq(customers.id, followups.customerId)),
    )
    .where(
      and(
        eq(followups.tenantId, actor.tenantId),
        eq(followups.assigneeId, actor.userId),
        eq(followups.status, 'open'),
        lt(followups.dueDate, today),
      ),
    )
    .orderBy(asc(followups.dueDate), asc(followups.id))
    .limit(CHECKED);
  for (const f of overdue) {
    await notify(tx, {
      tenantId: actor.tenantId,
      recipients: [actor.userId],
      kind: 'promise_overdue',
      params: { title: f.title, customerName: f.customerName ?? '', dueDate: f.dueDate },
      link: `/customers/${f.customerId}`,
      dedupeKey: `promise_overdue:${f.id}`,
    });
  }
}
