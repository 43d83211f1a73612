import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { customerNotFound, restoreForbidden } from './customer-errors.ts';
import { customerScope } from './customer-scope.ts';
import { type Customer, loadCustomer } from './customer-view.ts';
import { CUSTOMERS_TABLE } from './customer-writes.ts';
import { customers } from './tables.ts';

export interface RestoreCustomerOptions {
  db: Db;
  actor: Actor;
  id: string;
  /** The version the caller read. */
  version: number;
}

/**
 * Brings an archived customer back into the book (managers and admins; reps get 403). Needs the
 * current version like any update (409 with the server's copy when stale); restoring a customer
 * that is not archived changes nothing but its version. Audited as `status_change` of archivedAt.
 */
export async function restoreCustomer({ db, actor, id, version }: RestoreCustomerOptions): Promise<Customer> {
  if (actor.role === 'rep') throw restoreForbidden();
  return withTenant(db, actor, async (tx) => {
    const before = await loadCustomer(tx, actor, id);
    await updateVersioned(tx, {
      table: customers,
      where: and(customerScope(actor), eq(customers.id, id)) as ReturnType<typeof customerScope>,
      version,
      set: { archivedAt: null },
      current: () => loadCustomer(tx, actor, id),
      notFound: customerNotFound,
    });
    const after = (await loadCustomer(tx, actor, id)) as Customer;
    if (before?.archivedAt)
      await recordAudit(tx, actor, [
        {
          table: CUSTOMERS_TABLE,
          recordId: id,
          action: 'status_change',
          before: { archivedAt: before.archivedAt },
          after: { archivedAt: null },
        },
      ]);
    return after;
  });
}
