import { and, eq, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { todayIn } from '../planning/working-days.ts';
import { type FollowupView, selectFollowups } from './followup-view.ts';
import { followups } from './tables.ts';

export interface ListFollowupsQuery {
  scope?: 'mine' | 'team' | undefined;
  status?: 'open' | 'overdue' | 'done' | undefined;
  customerId?: string | undefined;
  limit?: number | undefined;
}

/**
 * GET /api/followups: mine = assigned to the caller; team = every followup the caller may see
 * (a rep's customers, a manager's team's, an admin's company). Open and overdue by due date,
 * done by when it was done (newest first).
 */
export async function listFollowups(
  tx: Tx,
  actor: Actor,
  query: ListFollowupsQuery,
  today = todayIn(),
): Promise<{ items: FollowupView[]; truncated: boolean }> {
  const limit = query.limit ?? 100;
  const status = query.status ?? 'open';
  const conditions: (SQL | undefined)[] = [
    (query.scope ?? 'mine') === 'mine' ? eq(followups.assigneeId, actor.userId) : undefined,
    eq(followups.status, status === 'done' ? 'done' : 'open'),
    status === 'overdue' ? lt(followups.dueDate, today) : undefined,
    query.customerId ? eq(followups.customerId, query.customerId) : undefined,
  ];
  const rows = await selectFollowups(tx, actor, and(...conditions), {
    limit: limit + 1,
    order: status === 'done' ? 'done' : 'due',
    today,
  });
  return { items: rows.slice(0, limit), truncated: rows.length > limit };
}
