import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { customerNotFound } from './customer-errors.ts';
import { customerScope } from './customer-scope.ts';
import { loadCustomer } from './customer-view.ts';
import { CUSTOMERS_TABLE } from './customer-writes.ts';
import { canAssignTo, loadAssignableStaff, type StaffMember } from './staff-directory.ts';
import { customers } from './tables.ts';

export interface ReassignCustomersOptions {
  /** Each customer with the version the caller read (a stale one is 409 `version_conflict`). */
  customers: readonly { id: string; version: number }[];
  toRepId: string;
  /** Why, in each audit row: e.g. { handoverId }. */
  context?: Record<string, string>;
}

export interface ReassignedCustomer {
  id: string;
  fromRepId: string | null;
}

/**
 * Gives customers of the actor's book to another rep, in the caller's transaction (a handover
 * commits all or none): each change is versioned and audited as an update of `repId` under the
 * customer, so the カルテ's history says who had it when. Returns null when `toRepId` is not one
 * the actor may assign to (a manager stays in their team, a deactivated person gets nobody);
 * 404 for a customer outside the actor's book, 409 for a stale version.
 */
export async function reassignCustomers(
  tx: Tx,
  actor: Actor,
  { customers: targets, toRepId, context }: ReassignCustomersOptions,
): Promise<ReassignedCustomer[] | null> {
  const staff = await loadAssignableStaff(tx, actor);
  if (
    !canAssignTo(
      actor,
      staff.find((s) => s.userId === toRepId),
    )
  )
    return null;
  const moved: ReassignedCustomer[] = [];
  for (const target of targets) {
    const current = await loadCustomer(tx, actor, target.id);
    if (!current || current.archivedAt !== null) throw customerNotFound();
    if (current.repId === toRepId) continue;
    await updateVersioned(tx, {
      table: customers,
      where: and(customerScope(actor), eq(customers.id, target.id)) as ReturnType<typeof customerScope>,
      version: target.version,
      set: { repId: toRepId },
      current: () => loadCustomer(tx, actor, target.id),
      notFound: customerNotFound,
    });
    await recordAudit(tx, actor, [
      {
        table: CUSTOMERS_TABLE,
        recordId: target.id,
        action: 'update',
        before: { repId: current.repId },
        after: { repId: toRepId },
        ...(context && { context }),
      },
    ]);
    moved.push({ id: target.id, fromRepId: current.repId });
  }
  return moved;
}

/** The staff the actor may hand customers to (reps and managers, active), for pickers and checks. */
export async function listAssignableStaff(tx: Tx, actor: Actor): Promise<StaffMember[]> {
  return (await loadAssignableStaff(tx, actor)).filter((s) => canAssignTo(actor, s));
}

/** The actor's customers (not archived) matching a selection: ids, an area, a rep; at most `limit`. */
export async function selectCustomersForHandover(
  tx: Tx,
  actor: Actor,
  selection: {
    customerIds?: readonly string[] | undefined;
    areaId?: string | undefined;
    fromRepId?: string | undefined;
  },
  limit: number,
) {
  const conditions = [customerScope(actor), isNull(customers.archivedAt)];
  if (selection.customerIds) conditions.push(inArray(customers.id, [...selection.customerIds]));
  if (selection.areaId) conditions.push(eq(customers.areaId, selection.areaId));
  if (selection.fromRepId) conditions.push(eq(customers.repId, selection.fromRepId));
  return tx
    .select({
      id: customers.id,
      code: customers.code,
      name: customers.name,
      repId: customers.repId,
      areaId: customers.areaId,
      cadenceDays: customers.cadenceDays,
      version: customers.version,
    })
    .from(customers)
    .where(and(...conditions))
    .orderBy(customers.code)
    .limit(limit + 1);
}
