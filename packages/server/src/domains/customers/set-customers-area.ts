import { and, inArray, sql } from 'drizzle-orm';
import { type AuditEntry, recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { customerScope } from './customer-scope.ts';
import { CUSTOMERS_TABLE } from './customer-writes.ts';
import { customers } from './tables.ts';

/** One customer's move: from the area it is in now to `areaId` (null: no area). */
export interface CustomerAreaChange {
  customerId: string;
  areaId: string | null;
}

export interface SetCustomersAreaOptions {
  /** The caller's transaction (the area's apply runs in one with its own checks). */
  tx: Tx;
  actor: Actor;
  changes: readonly CustomerAreaChange[];
  /** Why, on every audit row: e.g. { areaApply: areaId }. */
  context?: Record<string, string>;
}

const CHUNK = 1000;

/**
 * Moves customers the actor may edit to other areas in bulk: each changed customer gets its new
 * area_id, version + 1 (an editor holding the old version gets 409 on save, as after any other
 * edit) and an audit row (areaId before → after) in its history. Customers outside the actor's
 * scope, archived ones and those already in the target area are left alone. Returns how many
 * changed.
 *
 * @example
 * await setCustomersArea({ tx, actor, changes: [{ customerId, areaId: kitaku.id }], context: { areaApply: kitaku.id } });
 */
export async function setCustomersArea({
  tx,
  actor,
  changes,
  context,
}: SetCustomersAreaOptions): Promise<number> {
  if (changes.length === 0) return 0;
  const target = new Map(changes.map((c) => [c.customerId, c.areaId]));
  const ids = [...target.keys()];
  const audit: AuditEntry[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const current = await tx
      .select({ id: customers.id, areaId: customers.areaId })
      .from(customers)
      .where(and(customerScope(actor), inArray(customers.id, chunk), sql`${customers.archivedAt} is null`))
      .for('update');
    const byTarget = new Map<string | null, string[]>();
    for (const row of current) {
      const next = target.get(row.id) ?? null;
      if (next === row.areaId) continue;
      byTarget.set(next, [...(byTarget.get(next) ?? []), row.id]);
      audit.push({
        table: CUSTOMERS_TABLE,
        recordId: row.id,
        action: 'update',
        before: { areaId: row.areaId },
        after: { areaId: next },
        ...(context ? { context } : {}),
      });
    }
    for (const [areaId, moved] of byTarget)
      await tx
        .update(customers)
        .set({ areaId, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
        .where(and(customerScope(actor), inArray(customers.id, moved)));
  }
  await recordAudit(tx, actor, audit);
  return audit.length;
}
