import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { versionConflict } from '../../platform/errors.ts';
import { catalogIssueText, catalogValidationFailed, priceEntryNotFound } from './catalog-errors.ts';
import {
  auditedEntry,
  entryFieldsOf,
  entrySubject,
  loadEntry,
  PRICE_ENTRIES_TABLE,
} from './price-entries.ts';
import { assertCatalogWriter } from './product-writes.ts';
import { priceListEntries } from './tables.ts';

export interface DeletePriceEntryOptions {
  db: Db;
  actor: Actor;
  id: string;
  /** The version the caller read: a stale one gets 409 and deletes nothing. */
  version: number;
}

/**
 * Removes a price list entry (the customer pays the next price in line from then on; quotes
 * already written keep their prices). Audited with what it was. 404 for an entry the actor
 * cannot see; a rank's entry is removed by admins only.
 */
export async function deletePriceEntry({
  db,
  actor,
  id,
  version,
}: DeletePriceEntryOptions): Promise<{ id: string }> {
  assertCatalogWriter(actor);
  return withTenant(db, actor, async (tx) => {
    const current = await loadEntry(tx, actor, id);
    if (!current) throw priceEntryNotFound();
    if (current.version !== version) throw versionConflict(current);
    if (current.rank !== null && actor.role !== 'admin')
      throw catalogValidationFailed({ rank: catalogIssueText('rank_admin_only') });
    const [gone] = await tx
      .delete(priceListEntries)
      .where(
        and(
          eq(priceListEntries.tenantId, actor.tenantId),
          eq(priceListEntries.id, id),
          eq(priceListEntries.version, version),
        ),
      )
      .returning();
    if (!gone) throw versionConflict(await loadEntry(tx, actor, id));
    const subject = entrySubject(gone.customerId);
    await recordAudit(tx, actor, [
      {
        table: PRICE_ENTRIES_TABLE,
        recordId: id,
        action: 'delete',
        before: auditedEntry(
          { customerId: gone.customerId, rank: gone.customerRank, productId: gone.productId },
          entryFieldsOf(gone),
        ),
        after: null,
        ...(subject && { subject }),
      },
    ]);
    return { id };
  });
}
