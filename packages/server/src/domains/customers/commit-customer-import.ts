import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { importForbidden } from './customer-errors.ts';
import type { ImportRow } from './customer-import-rows.ts';
import { customerScope } from './customer-scope.ts';
import { isUniqueViolation, nextCustomerCode } from './customer-writes.ts';
import { importRefused } from './import-errors.ts';
import { customerImports, customers } from './tables.ts';

export interface CommitCustomerImportOptions {
  db: Db;
  actor: Actor;
  importId: string;
  now?: Date;
}

/**
 * Writes a previewed import in one transaction: creates the new customers and updates the
 * changed ones (matched by code at preview). All or nothing: refused when the preview had
 * errors, expired, was already committed, belongs to someone else, or when a customer moved
 * since the preview; any failure part-way writes nothing.
 */
export async function commitCustomerImport(
  options: CommitCustomerImportOptions,
): Promise<{ created: number; updated: number }> {
  const { db, actor, importId } = options;
  if (actor.role === 'rep') throw importForbidden();
  const now = options.now ?? new Date();
  try {
    return await withTenant(db, actor, async (tx) => {
      const [stored] = await tx
        .select()
        .from(customerImports)
        .where(
          and(
            eq(customerImports.tenantId, actor.tenantId),
            eq(customerImports.id, importId),
            eq(customerImports.createdBy, actor.userId),
          ),
        )
        .for('update');
      if (!stored) throw importRefused('not_found');
      if (stored.status === 'committed') throw importRefused('already_committed');
      if (stored.errors.length > 0) throw importRefused('has_errors');
      if (stored.expiresAt.getTime() < now.getTime()) throw importRefused('expired');

      const rows = stored.rows as unknown as ImportRow[];
      const updates = rows.filter((r) => r.action === 'update');
      // Only rows that write must still match what was previewed; an unchanged row writes nothing.
      const expected = updates;
      const current = new Map<string, number>();
      for (let i = 0; i < expected.length; i += 1000) {
        const ids = expected.slice(i, i + 1000).map((r) => r.customerId as string);
        const found = await tx
          .select({ id: customers.id, version: customers.version })
          .from(customers)
          .where(and(customerScope(actor), inArray(customers.id, ids)));
        for (const c of found) current.set(c.id, c.version);
      }
      if (expected.some((r) => current.get(r.customerId as string) !== r.version))
        throw importRefused('stale');

      const creates = rows.filter((r) => r.action === 'create');
      let nextNumber = creates.some((r) => r.code === null)
        ? Number((await nextCustomerCode(tx)).slice(2))
        : 0;
      const values = creates.map((r) => {
        let code = r.code;
        if (code === null) code = `C-${String(nextNumber++).padStart(6, '0')}`;
        return { tenantId: actor.tenantId, id: randomUUID(), code, ...r.fields };
      });
      for (let i = 0; i < values.length; i += 500)
        await tx.insert(customers).values(values.slice(i, i + 500));

      for (const r of updates) {
        await tx
          .update(customers)
          .set({ ...r.fields, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
          .where(
            and(
              customerScope(actor),
              eq(customers.id, r.customerId as string),
              eq(customers.version, r.version as number),
            ),
          );
      }
      await tx
        .update(customerImports)
        .set({ status: 'committed', committedAt: now })
        .where(and(eq(customerImports.tenantId, actor.tenantId), eq(customerImports.id, importId)));
      return { created: creates.length, updated: updates.length };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'customers_code_uq')) throw importRefused('code_taken');
    throw error;
  }
}
