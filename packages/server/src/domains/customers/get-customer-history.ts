import { type HistoryEntry, listHistory } from '../../platform/audit/list-history.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { customerNotFound } from './customer-errors.ts';
import { loadCustomer } from './customer-view.ts';

export interface GetCustomerHistoryOptions {
  db: Db;
  actor: Actor;
  id: string;
  /** 1..200, default 50. */
  limit?: number | undefined;
  /** Entries older than this seq (the previous page's `nextBefore`). */
  before?: number | undefined;
}

export interface CustomerHistoryPage {
  items: HistoryEntry[];
  /** Pass as `before` for the next (older) page; null on the last. */
  nextBefore: number | null;
}

/**
 * The カルテ's history: every recorded change of the customer and its contacts, newest first,
 * with who made it and each field's before and after. Visible exactly when the customer is
 * (a rep their own customers, a manager their team's, an admin all); 404 otherwise.
 */
export async function getCustomerHistory(options: GetCustomerHistoryOptions): Promise<CustomerHistoryPage> {
  const { db, actor, id } = options;
  const limit = options.limit ?? 50;
  return withTenant(db, actor, async (tx) => {
    if (!(await loadCustomer(tx, actor, id))) throw customerNotFound();
    const items = await listHistory(tx, {
      tenantId: actor.tenantId,
      subjectTable: 'customers',
      subjectId: id,
      limit: limit + 1,
      before: options.before,
    });
    const page = items.slice(0, limit);
    return { items: page, nextBefore: items.length > limit ? (page.at(-1)?.seq ?? null) : null };
  });
}
