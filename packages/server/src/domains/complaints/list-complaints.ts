import type { z } from '@hono/zod-openapi';
import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { todayIn } from '../planning/working-days.ts';
import { badCursor, complaintNotFound } from './complaint-errors.ts';
import type { ComplaintDetail, ComplaintListQuery, ComplaintPage } from './complaint-schemas.ts';
import { byNewest, loadActions, loadComplaint, selectComplaints, toComplaintView } from './complaint-view.ts';
import { complaints } from './tables.ts';

const encodeCursor = (c: { receivedAt: string; id: string }) =>
  Buffer.from(`${c.receivedAt}|${c.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || extra !== undefined || Number.isNaN(Date.parse(at))) throw badCursor();
  return { at: new Date(at).toISOString(), id };
}

export interface ListComplaintsOptions {
  db: Db;
  actor: Actor;
  query: z.output<typeof ComplaintListQuery>;
}

/**
 * Complaints and inquiries of the customers the actor may see, newest received first, a page at
 * a time (keyset on received at and id): by status (active = open or in progress), kind,
 * customer, overdue (past due and not resolved) and scope (mine: the caller owns them).
 */
export async function listComplaints({ db, actor, query }: ListComplaintsOptions) {
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const today = todayIn();
  const conditions: (SQL | undefined)[] = [
    query.status === 'active'
      ? inArray(complaints.status, ['open', 'in_progress'])
      : query.status
        ? eq(complaints.status, query.status)
        : undefined,
    query.kind ? eq(complaints.kind, query.kind) : undefined,
    query.customerId ? eq(complaints.customerId, query.customerId) : undefined,
    query.overdue === 'true'
      ? and(inArray(complaints.status, ['open', 'in_progress']), lt(complaints.dueDate, today))
      : query.overdue === 'false'
        ? sql`not (${complaints.status} in ('open', 'in_progress') and ${complaints.dueDate} < ${today})`
        : undefined,
    query.scope === 'mine' ? eq(complaints.ownerId, actor.userId) : undefined,
    after
      ? sql`(${complaints.receivedAt}, ${complaints.id}) < (${after.at}::timestamptz, ${after.id})`
      : undefined,
  ];
  return withTenant(db, actor, async (tx): Promise<z.output<typeof ComplaintPage>> => {
    const rows = await selectComplaints(tx, actor, and(...conditions))
      .orderBy(...byNewest)
      .limit(limit + 1);
    const more = rows.length > limit;
    if (more) rows.pop();
    const items = rows.map((r) => toComplaintView(r, today));
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor(last) : null };
  });
}

/** One complaint with its history; 404 when it is not the actor's to see. */
export async function getComplaint({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return withTenant(db, actor, async (tx): Promise<z.output<typeof ComplaintDetail>> => {
    const complaint = await loadComplaint(tx, actor, id);
    if (!complaint) throw complaintNotFound();
    return { ...complaint, actions: await loadActions(tx, actor, id) };
  });
}
