import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { customerNotFound } from './customer-errors.ts';
import { customerScope } from './customer-scope.ts';
import { type Customer, loadCustomer } from './customer-view.ts';
import { CUSTOMERS_TABLE } from './customer-writes.ts';
import { customers } from './tables.ts';

export interface ArchiveCustomerOptions {
  db: Db;
  actor: Actor;
  id: string;
  /** The version the caller read. */
  version: number;
}

/**
 * Archives a customer: it leaves the list (unless includeArchived) but keeps its history.
 * Needs the current version like any update (409 with the server's copy when stale); archiving
 * twice keeps the first date. Audited as `archive`.
 */
export async function archiveCustomer({ db, actor, id, version }: ArchiveCustomerOptions): Promise<Customer> {
  return withTenant(db, actor, async (tx) => {
    const before = await loadCustomer(tx, actor, id);
    await updateVersioned(tx, {
      table: customers,
      where: and(customerScope(actor), eq(customers.id, id)) as ReturnType<typeof customerScope>,
      version,
      set: { archivedAt: sql`coalesce(${customers.archivedAt}, now())` },
      current: () => loadCustomer(tx, actor, id),
      notFound: customerNotFound,
    });
    const after = (await loadCustomer(tx, actor, id)) as Customer;
    await recordAudit(tx, actor, [
      {
        table: CUSTOMERS_TABLE,
        recordId: id,
        action: 'archive',
        before: { archivedAt: before?.archivedAt ?? null },
        after: { archivedAt: after.archivedAt },
      },
    ]);
    return after;
  });
}
