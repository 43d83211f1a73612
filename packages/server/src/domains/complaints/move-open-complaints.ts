import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { COMPLAINTS_TABLE } from './create-complaint.ts';
import { complaintActions, complaints } from './tables.ts';

export interface MoveOpenComplaintsOptions {
  customerId: string;
  /** The outgoing rep: the open complaints they own move (null: none, nobody owned them). */
  fromRepId: string | null;
  toRepId: string;
  /** The history line's note (e.g. 「引き継ぎ」). */
  note: string;
  context?: Record<string, string>;
  now?: Date;
}

/**
 * Moves a handed-over customer's open complaints (受付, 対応中) owned by the outgoing rep to its
 * new rep, in the caller's transaction: the owner changes (status and due date stay), versioned
 * (+1), a 担当変更 line in the complaint's history and an audit entry under the customer.
 * Complaints a manager or a colleague handles stay theirs. Answers the moved complaints.
 */
export async function moveOpenComplaints(
  tx: Tx,
  actor: Actor,
  { customerId, fromRepId, toRepId, note, context, now = new Date() }: MoveOpenComplaintsOptions,
): Promise<{ id: string; title: string }[]> {
  if (!fromRepId || fromRepId === toRepId) return [];
  const open = await tx
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.tenantId, actor.tenantId),
        eq(complaints.customerId, customerId),
        eq(complaints.ownerId, fromRepId),
        inArray(complaints.status, ['open', 'in_progress']),
      ),
    );
  for (const c of open) {
    await tx
      .update(complaints)
      .set({ ownerId: toRepId, version: c.version + 1, updatedAt: now })
      .where(and(eq(complaints.tenantId, actor.tenantId), eq(complaints.id, c.id)));
    await tx.insert(complaintActions).values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      complaintId: c.id,
      type: 'reassign',
      note: note.slice(0, 2000),
      fromStatus: c.status,
      toStatus: c.status,
      ownerId: toRepId,
      actorId: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, actor, [
      {
        table: COMPLAINTS_TABLE,
        recordId: c.id,
        action: 'update',
        before: { status: c.status, ownerId: c.ownerId, dueDate: c.dueDate },
        after: { status: c.status, ownerId: toRepId, dueDate: c.dueDate },
        subject: { table: 'customers', id: customerId },
        context: { action: 'reassign', ...context },
      },
    ]);
  }
  return open.map((c) => ({ id: c.id, title: c.title }));
}
