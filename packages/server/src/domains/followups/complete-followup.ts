import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { followupNotFound } from './followup-errors.ts';
import { type FollowupView, followupScope, loadFollowup } from './followup-view.ts';
import { followups } from './tables.ts';

/**
 * Marks a followup done (one tap): who and when are kept. Needs the version the caller read
 * (409 `version_conflict` with the server's copy when stale); one already done is answered as it
 * is. Audited as a status change under the customer.
 */
export async function completeFollowup(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
): Promise<FollowupView> {
  return withTenant(db, actor, async (tx) => {
    const before = await loadFollowup(tx, actor, id);
    if (!before) throw followupNotFound();
    if (before.status === 'done') return before;
    await updateVersioned(tx, {
      table: followups,
      where: and(followupScope(actor), eq(followups.id, id)) as NonNullable<ReturnType<typeof and>>,
      version,
      set: { status: 'done', doneAt: sql`now()`, doneBy: actor.userId },
      current: () => loadFollowup(tx, actor, id),
      notFound: followupNotFound,
    });
    const after = (await loadFollowup(tx, actor, id)) as FollowupView;
    await recordAudit(tx, actor, [
      {
        table: 'followups',
        recordId: id,
        action: 'status_change',
        before: { status: before.status, doneAt: null, doneBy: null },
        after: { status: after.status, doneAt: after.doneAt, doneBy: after.doneBy },
        subject: { table: 'customers', id: before.customerId },
      },
    ]);
    return after;
  });
}
