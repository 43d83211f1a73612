import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { moveOpenComplaints } from '../complaints/move-open-complaints.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { reassignCustomers } from '../customers/reassign-customers.ts';
import { customers } from '../customers/tables.ts';
import { moveOpenFollowups } from '../followups/move-open-followups.ts';
import { notify } from '../notifications/notify.ts';
import { firstCommonDate } from './cadence-load.ts';
import {
  customerNotInBook,
  duplicateCustomer,
  handoverIdTaken,
  receiverNotAssignable,
} from './handover-errors.ts';
import type { CommitHandoverBody, Handover } from './handover-schemas.ts';
import { selectSheets } from './list-handover-sheets.ts';
import { workingDatesOf } from './preview-handover.ts';
import { customerAssignments, handoverSheets, handovers } from './tables.ts';

type Input = z.output<typeof CommitHandoverBody>;

const alreadyTheirs = () => {
  const text = {
    ja: '選んだ顧客はすでにこの担当者の顧客です。',
    en: 'The chosen customers already belong to this rep.',
  };
  return new AppError(422, 'validation_failed', text, { customers: text });
};

/**
 * Commits a handover in one transaction (all or nothing): each customer goes to the receiving
 * rep through the customers domain (versioned: a customer changed since the preview is 409 and
 * nothing moves; audited), the outgoing rep's open promises move with it (followups domain),
 * the move is kept in who-had-it-when, and the new rep gets one sheet per customer (the
 * outgoing side's note, an introduction visit on the first day both work) and one notification
 * for the whole batch. Customers already with the receiving rep are left out.
 */
export async function commitHandover({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  input: Input;
  now?: Date;
}): Promise<z.output<typeof Handover>> {
  const seen = new Set<string>();
  input.customers.forEach((c, i) => {
    if (seen.has(c.id)) throw duplicateCustomer(i);
    seen.add(c.id);
  });
  const ids = input.customers.map((c) => c.id);
  // Who has each customer now, for the introduction dates (read before the write; the write
  // checks every version again).
  const current = await withTenant(db, actor, (tx) =>
    tx
      .select({ id: customers.id, repId: customers.repId })
      .from(customers)
      .where(and(customerScope(actor), inArray(customers.id, ids))),
  );
  const repOf = new Map(current.map((c) => [c.id, c.repId]));
  input.customers.forEach((c, i) => {
    if (!repOf.has(c.id)) throw customerNotInBook(i);
  });
  const dates = await workingDatesOf(
    db,
    actor,
    [input.toRepId, ...current.flatMap((c) => (c.repId ? [c.repId] : []))],
    now,
  );
  const introDateFor = (fromRepId: string | null) => {
    const receiver = dates.get(input.toRepId) ?? [];
    return fromRepId ? firstCommonDate(receiver, dates.get(fromRepId) ?? []) : (receiver[0] ?? null);
  };

  try {
    return await withTenant(db, actor, async (tx) => {
      const context = { handoverId: input.id };
      const moved = await reassignCustomers(tx, actor, {
        customers: input.customers,
        toRepId: input.toRepId,
        context,
      });
      if (moved === null) throw receiverNotAssignable();
      if (moved.length === 0) throw alreadyTheirs();
      await tx.insert(handovers).values({
        tenantId: actor.tenantId,
        id: input.id,
        toRepId: input.toRepId,
        customerCount: moved.length,
        createdBy: actor.userId,
        createdAt: now,
      });
      const noteOf = new Map(input.customers.map((c) => [c.id, c.note?.trim() ?? '']));
      for (const customer of moved) {
        const followupsMoved = await moveOpenFollowups(tx, actor, {
          customerId: customer.id,
          fromRepId: customer.fromRepId,
          toRepId: input.toRepId,
          context,
        });
        const complaintsMoved = await moveOpenComplaints(tx, actor, {
          customerId: customer.id,
          fromRepId: customer.fromRepId,
          toRepId: input.toRepId,
          note: '引き継ぎ / Handover',
          context,
          now,
        });
        await tx.insert(customerAssignments).values({
          tenantId: actor.tenantId,
          id: randomUUID(),
          customerId: customer.id,
          fromRepId: customer.fromRepId,
          toRepId: input.toRepId,
          handoverId: input.id,
          assignedBy: actor.userId,
          assignedAt: now,
        });
        const sheet = {
          tenantId: actor.tenantId,
          id: randomUUID(),
          handoverId: input.id,
          customerId: customer.id,
          fromRepId: customer.fromRepId,
          toRepId: input.toRepId,
          note: noteOf.get(customer.id) ?? '',
          introDate: introDateFor(customer.fromRepId),
          followupsMoved,
          complaintsMoved: complaintsMoved.length,
          createdAt: now,
        };
        await tx.insert(handoverSheets).values(sheet);
        await recordAudit(tx, actor, [
          {
            table: 'handover_sheets',
            recordId: sheet.id,
            action: 'create',
            before: null,
            after: {
              fromRepId: sheet.fromRepId,
              toRepId: sheet.toRepId,
              note: sheet.note,
              introDate: sheet.introDate,
              followupsMoved,
              complaintsMoved: complaintsMoved.length,
            },
            subject: { table: 'customers', id: customer.id },
            context,
          },
        ]);
      }
      const names = await tx
        .select({ userId: staffProfiles.userId, name: staffProfiles.displayName })
        .from(staffProfiles)
        .where(
          and(
            eq(staffProfiles.tenantId, actor.tenantId),
            inArray(staffProfiles.userId, [
              actor.userId,
              ...moved.flatMap((m) => (m.fromRepId ? [m.fromRepId] : [])),
            ]),
          ),
        );
      const nameOf = new Map(names.map((n) => [n.userId, n.name]));
      const fromReps = [...new Set(moved.map((m) => m.fromRepId))];
      await notify(tx, {
        tenantId: actor.tenantId,
        recipients: [input.toRepId],
        kind: 'handover_received',
        params: {
          count: moved.length,
          fromName: fromReps.length === 1 && fromReps[0] ? (nameOf.get(fromReps[0]) ?? '') : '',
          byName: nameOf.get(actor.userId) ?? '',
        },
        link: `/handovers?handover=${input.id}`,
      });
      const sheets = await selectSheets(tx, actor, eq(handoverSheets.handoverId, input.id), moved.length);
      return {
        id: input.id,
        toRepId: input.toRepId,
        customerCount: moved.length,
        createdAt: now.toISOString(),
        sheets,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'handovers_tenant_id_id_pk')) throw handoverIdTaken();
    throw error;
  }
}
