import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { customers } from '../customers/tables.ts';
import type { HandoverSheetListQuery, HandoverSheetSummary } from './handover-schemas.ts';
import { customerAssignments, handoverSheets, handovers } from './tables.ts';

type Summary = z.output<typeof HandoverSheetSummary>;

const fromRep = alias(staffProfiles, 'from_rep');
const toRep = alias(staffProfiles, 'to_rep');
const byStaff = alias(staffProfiles, 'by_staff');
/** Sheets matching `where` (the tenant's; RLS keeps each caller to their scope), newest first. */
export async function selectSheets(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  limit: number,
): Promise<Summary[]> {
  const rows = await tx
    .select({
      id: handoverSheets.id,
      handoverId: handoverSheets.handoverId,
      customerId: handoverSheets.customerId,
      customerCode: sql<string>`coalesce(${customers.code}, '')`,
      customerName: sql<string>`coalesce(${customers.name}, '')`,
      fromRepId: handoverSheets.fromRepId,
      fromRepName: fromRep.displayName,
      toRepId: handoverSheets.toRepId,
      toRepName: sql<string>`coalesce(${toRep.displayName}, '')`,
      note: handoverSheets.note,
      introDate: handoverSheets.introDate,
      followupsMoved: handoverSheets.followupsMoved,
      complaintsMoved: handoverSheets.complaintsMoved,
      introAppointmentId: handoverSheets.introAppointmentId,
      createdAt: handoverSheets.createdAt,
      createdByName: byStaff.displayName,
    })
    .from(handoverSheets)
    .innerJoin(
      handovers,
      and(eq(handovers.tenantId, handoverSheets.tenantId), eq(handovers.id, handoverSheets.handoverId)),
    )
    .leftJoin(
      customers,
      and(eq(customers.tenantId, handoverSheets.tenantId), eq(customers.id, handoverSheets.customerId)),
    )
    .leftJoin(
      fromRep,
      and(eq(fromRep.tenantId, handoverSheets.tenantId), eq(fromRep.userId, handoverSheets.fromRepId)),
    )
    .leftJoin(
      toRep,
      and(eq(toRep.tenantId, handoverSheets.tenantId), eq(toRep.userId, handoverSheets.toRepId)),
    )
    .leftJoin(byStaff, and(eq(byStaff.tenantId, handovers.tenantId), eq(byStaff.userId, handovers.createdBy)))
    .where(and(eq(handoverSheets.tenantId, actor.tenantId), where))
    .orderBy(desc(handoverSheets.createdAt), asc(customers.code), asc(handoverSheets.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** GET /api/handovers/sheets: the caller's received sheets (or all they may see), newest first. */
export async function listHandoverSheets(
  tx: Tx,
  actor: Actor,
  query: z.output<typeof HandoverSheetListQuery>,
) {
  const limit = query.limit ?? 100;
  const conditions: SQL[] = [];
  if ((query.scope ?? 'mine') === 'mine') conditions.push(eq(handoverSheets.toRepId, actor.userId));
  if (query.handoverId) conditions.push(eq(handoverSheets.handoverId, query.handoverId));
  if (query.customerId) conditions.push(eq(handoverSheets.customerId, query.customerId));
  const rows = await selectSheets(tx, actor, and(...conditions), limit + 1);
  return { items: rows.slice(0, limit), truncated: rows.length > limit };
}

/** Who had a customer when (handovers), oldest first. */
export async function listAssignments(tx: Tx, actor: Actor, customerId: string) {
  const from = alias(staffProfiles, 'a_from');
  const to = alias(staffProfiles, 'a_to');
  const by = alias(staffProfiles, 'a_by');
  const rows = await tx
    .select({
      fromRepName: from.displayName,
      toRepName: sql<string>`coalesce(${to.displayName}, '')`,
      assignedAt: customerAssignments.assignedAt,
      assignedByName: by.displayName,
    })
    .from(customerAssignments)
    .leftJoin(
      from,
      and(eq(from.tenantId, customerAssignments.tenantId), eq(from.userId, customerAssignments.fromRepId)),
    )
    .leftJoin(
      to,
      and(eq(to.tenantId, customerAssignments.tenantId), eq(to.userId, customerAssignments.toRepId)),
    )
    .leftJoin(
      by,
      and(eq(by.tenantId, customerAssignments.tenantId), eq(by.userId, customerAssignments.assignedBy)),
    )
    .where(
      and(eq(customerAssignments.tenantId, actor.tenantId), eq(customerAssignments.customerId, customerId)),
    )
    .orderBy(asc(customerAssignments.assignedAt), asc(customerAssignments.id))
    .limit(50);
  return rows.map((r) => ({ ...r, assignedAt: r.assignedAt.toISOString() }));
}
