import { and, eq, inArray, or } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { followups } from './tables.ts';

export interface MoveOpenFollowupsOptions {
  customerId: string;
  /** The outgoing rep: their open promises of this customer move (null: only the customer's). */
  fromRepId: string | null;
  toRepId: string;
  context?: Record<string, string>;
}

/**
 * Moves a handed-over customer's open promises to its new rep, in the caller's transaction:
 * every open followup of the customer now belongs to the new rep's book, and those the outgoing
 * rep was to keep are assigned to the new rep (a colleague's stay theirs). Versioned (+1) and
 * audited under the customer. Answers how many changed.
 */
export async function moveOpenFollowups(
  tx: Tx,
  actor: Actor,
  { customerId, fromRepId, toRepId, context }: MoveOpenFollowupsOptions,
): Promise<number> {
  const mine = fromRepId
    ? or(eq(followups.repId, fromRepId), eq(followups.assigneeId, fromRepId))
    : undefined;
  const open = await tx
    .select()
    .from(followups)
    .where(
      and(
        eq(followups.tenantId, actor.tenantId),
        eq(followups.customerId, customerId),
        eq(followups.status, 'open'),
        ...(mine ? [mine] : []),
      ),
    );
  const moving = open.filter((f) => f.repId !== toRepId || (fromRepId && f.assigneeId === fromRepId));
  for (const f of moving) {
    const assigneeId = fromRepId && f.assigneeId === fromRepId ? toRepId : f.assigneeId;
    await tx
      .update(followups)
      .set({ repId: toRepId, assigneeId, version: f.version + 1, updatedAt: new Date() })
      .where(and(eq(followups.tenantId, actor.tenantId), inArray(followups.id, [f.id])));
    await recordAudit(tx, actor, [
      {
        table: 'followups',
        recordId: f.id,
        action: 'update',
        before: { repId: f.repId, assigneeId: f.assigneeId },
        after: { repId: toRepId, assigneeId },
        subject: { table: 'customers', id: customerId },
        ...(context && { context }),
      },
    ]);
  }
  return moving.length;
}
