import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { customers } from '../customers/tables.ts';
import { todayIn } from '../planning/working-days.ts';
import { followups } from './tables.ts';

export type FollowupRow = typeof followups.$inferSelect;

/** A followup as the API shows it (contracts: Followup). */
export interface FollowupView {
  id: string;
  customerId: string;
  customerName: string;
  visitId: string | null;
  title: string;
  dueDate: string;
  owner: FollowupRow['owner'];
  assigneeId: string | null;
  assigneeName: string | null;
  status: FollowupRow['status'];
  overdue: boolean;
  doneAt: string | null;
  doneBy: string | null;
  doneByName: string | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

/**
 * The followups an actor may see, as a WHERE condition (tenant included): those of customers
 * of their reps' scope (a rep their own, a manager their team's, an admin all) and those
 * assigned to them. Row-level security enforces the same rule underneath.
 */
export function followupScope(actor: Actor): SQL {
  const inTenant = eq(followups.tenantId, actor.tenantId);
  const mine = eq(followups.assigneeId, actor.userId);
  switch (actor.role) {
    case 'admin':
      return inTenant;
    case 'rep':
      return and(inTenant, sql`(${followups.repId} = ${actor.userId} or ${mine})`) as SQL;
    case 'manager':
      if (!actor.teamId) return and(inTenant, mine) as SQL;
      return and(
        inTenant,
        sql`(${followups.repId} in (select ${staffProfiles.userId} from ${staffProfiles}
          where ${staffProfiles.tenantId} = ${actor.tenantId} and ${staffProfiles.teamId} = ${actor.teamId})
          or ${mine})`,
      ) as SQL;
  }
}

const assignee = alias(staffProfiles, 'assignee');
const doneByStaff = alias(staffProfiles, 'done_by_staff');

/** Followups matching `where` (within the actor's scope), by due date, at most `limit`. */
export async function selectFollowups(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  options: { limit?: number; order?: 'due' | 'done'; today?: string } = {},
): Promise<FollowupView[]> {
  const today = options.today ?? todayIn();
  const rows = await tx
    .select({
      f: followups,
      customerName: customers.name,
      assigneeName: assignee.displayName,
      doneByName: doneByStaff.displayName,
    })
    .from(followups)
    .leftJoin(
      customers,
      and(eq(customers.tenantId, followups.tenantId), eq(customers.id, followups.customerId)),
    )
    .leftJoin(
      assignee,
      and(eq(assignee.tenantId, followups.tenantId), eq(assignee.userId, followups.assigneeId)),
    )
    .leftJoin(
      doneByStaff,
      and(eq(doneByStaff.tenantId, followups.tenantId), eq(doneByStaff.userId, followups.doneBy)),
    )
    .where(and(followupScope(actor), where))
    .orderBy(
      ...(options.order === 'done'
        ? [sql`${followups.doneAt} desc`, asc(followups.id)]
        : [asc(followups.dueDate), asc(followups.createdAt), asc(followups.id)]),
    )
    .limit(options.limit ?? 1000);
  return rows.map(({ f, customerName, assigneeName, doneByName }) => ({
    id: f.id,
    customerId: f.customerId,
    customerName: customerName ?? '',
    visitId: f.visitId,
    title: f.title,
    dueDate: f.dueDate,
    owner: f.owner,
    assigneeId: f.assigneeId,
    assigneeName: assigneeName ?? null,
    status: f.status,
    overdue: f.status === 'open' && f.dueDate < today,
    doneAt: f.doneAt?.toISOString() ?? null,
    doneBy: f.doneBy,
    doneByName: doneByName ?? null,
    createdBy: f.createdBy,
    createdAt: f.createdAt.toISOString(),
    version: f.version,
  }));
}

export async function loadFollowup(tx: Tx, actor: Actor, id: string): Promise<FollowupView | null> {
  return (await selectFollowups(tx, actor, eq(followups.id, id), { limit: 1 }))[0] ?? null;
}

/** The followups a visit's log made, by due date. */
export const followupsOfVisits = (tx: Tx, actor: Actor, visitIds: readonly string[]) =>
  visitIds.length === 0
    ? Promise.resolve([])
    : selectFollowups(tx, actor, inArray(followups.visitId, [...visitIds]));
