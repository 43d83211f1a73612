import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { todayIn } from '../planning/working-days.ts';
import { type Complaint, type ComplaintAction, MAX_ACTIONS_SHOWN } from './complaint-schemas.ts';
import { daysBetween } from './due-date.ts';
import { complaintActions, complaints } from './tables.ts';

export type ComplaintView = z.output<typeof Complaint>;
export type ComplaintActionView = z.output<typeof ComplaintAction>;

const owner = alias(staffProfiles, 'owner');

/** The civil date (Asia/Tokyo) of an instant. */
export const tokyoDate = (at: Date) => todayIn('Asia/Tokyo', at);

export const isOpenStatus = (status: string) => status === 'open' || status === 'in_progress';

/** Columns of a complaint as the API shows it, with its customer and owner. */
export const complaintColumns = {
  row: complaints,
  customerName: customers.name,
  customerCode: customers.code,
  repId: customers.repId,
  ownerName: owner.displayName,
};

type Row = {
  row: typeof complaints.$inferSelect;
  customerName: string;
  customerCode: string;
  repId: string | null;
  ownerName: string | null;
};

export function toComplaintView(r: Row, today = todayIn()): ComplaintView {
  const c = r.row;
  const receivedDate = tokyoDate(c.receivedAt);
  const overdue = isOpenStatus(c.status) && c.dueDate < today;
  return {
    id: c.id,
    customerId: c.customerId,
    customerName: r.customerName,
    customerCode: r.customerCode,
    repId: r.repId,
    source: c.source,
    visitId: c.visitId,
    kind: c.kind,
    category: c.category,
    severity: c.severity,
    title: c.title,
    detail: c.detail,
    status: c.status,
    ownerId: c.ownerId,
    ownerName: r.ownerName,
    receivedAt: c.receivedAt.toISOString(),
    receivedDate,
    dueDate: c.dueDate,
    ageDays: Math.max(0, daysBetween(receivedDate, today)),
    overdue,
    escalated: overdue,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    confirmedAt: c.confirmedAt?.toISOString() ?? null,
    createdBy: c.createdBy,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Complaints the actor may see (their customers'), matching `where`, in the given order. */
export function selectComplaints(tx: Tx, actor: Actor, where?: SQL) {
  return tx
    .select(complaintColumns)
    .from(complaints)
    .innerJoin(
      customers,
      and(eq(customers.tenantId, complaints.tenantId), eq(customers.id, complaints.customerId)),
    )
    .leftJoin(owner, and(eq(owner.tenantId, complaints.tenantId), eq(owner.userId, complaints.ownerId)))
    .where(and(eq(complaints.tenantId, actor.tenantId), customerScope(actor), where));
}

/** One complaint the actor may see, or null. */
export async function loadComplaint(tx: Tx, actor: Actor, id: string): Promise<ComplaintView | null> {
  const [row] = await selectComplaints(tx, actor, eq(complaints.id, id));
  return row ? toComplaintView(row) : null;
}

const actorProfile = alias(staffProfiles, 'actor_profile');

/** A complaint's history, oldest first (the newest MAX_ACTIONS_SHOWN when there are more). */
export async function loadActions(tx: Tx, actor: Actor, complaintId: string): Promise<ComplaintActionView[]> {
  const rows = await tx
    .select({ a: complaintActions, actorName: actorProfile.displayName })
    .from(complaintActions)
    .leftJoin(
      actorProfile,
      and(
        eq(actorProfile.tenantId, complaintActions.tenantId),
        eq(actorProfile.userId, complaintActions.actorId),
      ),
    )
    .where(and(eq(complaintActions.tenantId, actor.tenantId), eq(complaintActions.complaintId, complaintId)))
    .orderBy(desc(complaintActions.createdAt), desc(complaintActions.id))
    .limit(MAX_ACTIONS_SHOWN);
  return rows.reverse().map(({ a, actorName }) => ({
    id: a.id,
    type: a.type,
    note: a.note,
    fromStatus: a.fromStatus,
    toStatus: a.toStatus,
    ownerId: a.ownerId,
    actorId: a.actorId,
    actorName: actorName ?? '',
    at: a.createdAt.toISOString(),
  }));
}

export const byNewest = [desc(complaints.receivedAt), desc(complaints.id)] as const;
export const byDue = [asc(complaints.dueDate), asc(complaints.id)] as const;
