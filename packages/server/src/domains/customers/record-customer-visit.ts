import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { customers } from './tables.ts';

/**
 * A finished visit (checked out) is the customer's last visit when it is newer than the one on
 * file: `customers.last_visit_at` is what the planner's cadence counts from. Not a user's edit
 * of the customer: the customer's version is left alone (no conflict with someone editing it).
 */
export async function recordCustomerVisit(tx: Tx, actor: Actor, customerId: string, at: Date): Promise<void> {
  await tx
    .update(customers)
    .set({
      lastVisitAt: sql`greatest(coalesce(${customers.lastVisitAt}, '-infinity'::timestamptz), ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(customers.tenantId, actor.tenantId), eq(customers.id, customerId)));
}
