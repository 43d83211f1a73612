import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { notify } from '../notifications/notify.ts';
import {
  complaintNotFound,
  idTaken,
  invalidTransition,
  noteRequired,
  ownerNotAllowed,
  ownerRequired,
} from './complaint-errors.ts';
import { mayOwn } from './complaint-owners.ts';
import type { ComplaintActionBody, ComplaintDetail } from './complaint-schemas.ts';
import type { complaintStatuses } from './complaint-values.ts';
import { loadActions, loadComplaint, tokyoDate } from './complaint-view.ts';
import { COMPLAINTS_TABLE } from './create-complaint.ts';
import { dueDateFor } from './due-date.ts';
import { complaintActions, complaints } from './tables.ts';

type Status = (typeof complaintStatuses)[number];
type Input = z.output<typeof ComplaintActionBody>;

/** The status each action leads to from each status it applies in (absent = illegal). */
const transitions: Record<Input['type'], Partial<Record<Status, Status>>> = {
  note: { open: 'open', in_progress: 'in_progress', resolved: 'resolved', confirmed: 'confirmed' },
  start: { open: 'in_progress' },
  resolve: { open: 'resolved', in_progress: 'resolved' },
  confirm: { resolved: 'confirmed' },
  reopen: { resolved: 'in_progress', confirmed: 'in_progress' },
  reassign: { open: 'open', in_progress: 'in_progress', resolved: 'resolved' },
};

export interface ActOnComplaintOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: Input;
  now?: Date;
}

/**
 * Applies one action to a complaint the actor may see and appends it to the history (both or
 * neither): 404 when not theirs to see, 409 `version_conflict` on a stale version, 409
 * `invalid_transition` (field `type`) when the action does not apply in the current status,
 * 422 naming `note` or `ownerId` when the action needs it. A reopen counts the due date again
 * from today. Audited as a status change (or update for a reassign).
 */
export async function actOnComplaint({ db, actor, id, input, now = new Date() }: ActOnComplaintOptions) {
  try {
    return await withTenant(db, actor, async (tx): Promise<z.output<typeof ComplaintDetail>> => {
      const current = await loadComplaint(tx, actor, id);
      if (!current) throw complaintNotFound();
      // A named owner must be one who may own it, whatever the action (checked before anything else).
      if (input.ownerId !== undefined && !(await mayOwn(tx, actor, input.ownerId, current.repId)))
        throw ownerNotAllowed();
      if (current.version !== input.version) throw versionConflict(current);
      const to = transitions[input.type][current.status];
      if (!to) throw invalidTransition(input.type, current.status);
      const note = input.note?.trim() ?? '';
      if ((input.type === 'resolve' || input.type === 'reopen') && note === '')
        throw noteRequired(input.type);
      let ownerId = current.ownerId;
      if (input.type === 'reassign') {
        if (!input.ownerId) throw ownerRequired();
        ownerId = input.ownerId;
      }

      const set: Partial<typeof complaints.$inferInsert> = { status: to, ownerId };
      if (input.type === 'resolve') set.resolvedAt = now;
      if (input.type === 'confirm') set.confirmedAt = now;
      if (input.type === 'reopen') {
        set.resolvedAt = null;
        set.confirmedAt = null;
        set.dueDate = dueDateFor(tokyoDate(now), current.severity);
      }
      await updateVersioned(tx, {
        table: complaints,
        where: and(eq(complaints.tenantId, actor.tenantId), eq(complaints.id, id)) as never,
        version: input.version,
        set,
        current: () => loadComplaint(tx, actor, id),
        notFound: complaintNotFound,
      });
      await tx.insert(complaintActions).values({
        tenantId: actor.tenantId,
        id: input.id,
        complaintId: id,
        type: input.type,
        note,
        fromStatus: current.status,
        toStatus: to,
        ownerId,
        actorId: actor.userId,
        createdAt: now,
      });
      if (input.type !== 'note') {
        const pick = (c: { status: string; ownerId: string | null; dueDate: string }) => ({
          status: c.status,
          ownerId: c.ownerId,
          dueDate: c.dueDate,
        });
        await recordAudit(tx, actor, [
          {
            table: COMPLAINTS_TABLE,
            recordId: id,
            action: input.type === 'reassign' ? 'update' : 'status_change',
            before: pick(current),
            after: pick({ status: to, ownerId, dueDate: set.dueDate ?? current.dueDate }),
            subject: { table: 'customers', id: current.customerId },
            context: { action: input.type },
          },
        ]);
      }
      // Handed to someone else (escalated to a manager, or to another colleague): they hear of it.
      if (input.type === 'reassign' && ownerId && ownerId !== current.ownerId && ownerId !== actor.userId)
        await notify(tx, {
          tenantId: actor.tenantId,
          recipients: [ownerId],
          kind: 'complaint_escalated',
          params: {
            title: current.title,
            customerName: current.customerName ?? '',
            severity: current.severity,
          },
          link: `/customers/${current.customerId}`,
          dedupeKey: `complaint_escalated:${input.id}`,
        });
      const after = (await loadComplaint(tx, actor, id))!;
      return { ...after, actions: await loadActions(tx, actor, id) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'complaint_actions_tenant_id_id_pk')) throw idTaken();
    throw error;
  }
}
