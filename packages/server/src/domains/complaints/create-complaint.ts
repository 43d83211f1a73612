import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { customers } from '../customers/tables.ts';
import { visits } from '../visits/tables.ts';
import {
  customerUnknown,
  idTaken,
  ownerNotAllowed,
  visitIdWithoutVisit,
  visitUnknown,
} from './complaint-errors.ts';
import { mayOwn } from './complaint-owners.ts';
import type { CreateComplaintBody } from './complaint-schemas.ts';
import { type ComplaintView, loadComplaint, tokyoDate } from './complaint-view.ts';
import { dueDateFor } from './due-date.ts';
import { complaintActions, complaints } from './tables.ts';

export const COMPLAINTS_TABLE = 'complaints';

export interface CreateComplaintOptions {
  db: Db;
  actor: Actor;
  input: z.output<typeof CreateComplaintBody>;
  /** Now (tests may pin it). */
  now?: Date;
}

/**
 * Records a complaint or inquiry of a customer the actor may see, status 受付 (open), due the
 * severity's working days after today (Asia/Tokyo), owned by `ownerId` or the customer's rep.
 * The first history entry is `created`. Audited (its customer's history holds it).
 */
export async function createComplaint({ db, actor, input, now = new Date() }: CreateComplaintOptions) {
  if (input.visitId !== undefined && input.source !== 'visit') throw visitIdWithoutVisit();
  try {
    return await withTenant(db, actor, (tx) => insertComplaint(tx, actor, input, now));
  } catch (error) {
    if (isUniqueViolation(error, 'complaints_tenant_id_id_pk')) throw idTaken();
    throw error;
  }
}

/**
 * The complaint's insert inside the caller's transaction: the visit log registers the 不満 it
 * heard through this in its own transaction. Same checks and audit as `createComplaint`.
 */
export async function insertComplaint(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof CreateComplaintBody>,
  now = new Date(),
): Promise<ComplaintView> {
  const [customer] = await tx
    .select({ id: customers.id, repId: customers.repId })
    .from(customers)
    .where(and(customerScope(actor), eq(customers.id, input.customerId)));
  if (!customer) throw customerUnknown();
  if (input.visitId !== undefined) {
    const [visit] = await tx
      .select({ id: visits.id })
      .from(visits)
      .where(
        and(
          eq(visits.tenantId, actor.tenantId),
          eq(visits.id, input.visitId),
          eq(visits.customerId, customer.id),
        ),
      );
    if (!visit) throw visitUnknown();
  }
  const ownerId = input.ownerId ?? customer.repId ?? actor.userId;
  if (!(await mayOwn(tx, actor, ownerId, customer.repId))) throw ownerNotAllowed();

  const values = {
    tenantId: actor.tenantId,
    id: input.id,
    customerId: customer.id,
    source: input.source,
    visitId: input.visitId ?? null,
    kind: input.kind,
    category: input.category,
    severity: input.severity,
    title: input.title,
    detail: input.detail ?? '',
    status: 'open' as const,
    ownerId,
    receivedAt: now,
    dueDate: dueDateFor(tokyoDate(now), input.severity),
    createdBy: actor.userId,
  };
  await tx.insert(complaints).values(values);
  await tx.insert(complaintActions).values({
    tenantId: actor.tenantId,
    id: randomUUID(),
    complaintId: input.id,
    type: 'created',
    note: '',
    fromStatus: null,
    toStatus: 'open',
    ownerId,
    actorId: actor.userId,
    createdAt: now,
  });
  const { tenantId: _t, ...audited } = values;
  await recordAudit(tx, actor, [
    {
      table: COMPLAINTS_TABLE,
      recordId: input.id,
      action: 'create',
      before: null,
      after: { ...audited, receivedAt: now.toISOString() },
      subject: { table: 'customers', id: customer.id },
    },
  ]);
  return (await loadComplaint(tx, actor, input.id)) as ComplaintView;
}
