import { and, eq, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { customerNotFound, versionConflict } from './customer-errors.ts';
import { customerScope } from './customer-scope.ts';
import { type Customer, loadCustomer } from './customer-view.ts';
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
 * Needs the current version like any update; archiving twice keeps the first date.
 */
export async function archiveCustomer({ db, actor, id, version }: ArchiveCustomerOptions): Promise<Customer> {
  return withTenant(db, actor, async (tx) => {
    const updated = await tx
      .update(customers)
      .set({
        archivedAt: sql`coalesce(${customers.archivedAt}, now())`,
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(customerScope(actor), eq(customers.id, id), eq(customers.version, version)))
      .returning({ id: customers.id });
    if (updated.length === 0) {
      const [visible] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(and(customerScope(actor), eq(customers.id, id)));
      throw visible ? versionConflict() : customerNotFound();
    }
    return (await loadCustomer(tx, actor, id)) as Customer;
  });
}
