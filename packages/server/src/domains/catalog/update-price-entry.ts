import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { versionConflict } from '../../platform/errors.ts';
import { catalogIssueText, catalogValidationFailed, priceEntryNotFound } from './catalog-errors.ts';
import type { PriceListEntryView } from './catalog-schemas.ts';
import { senToNumber } from './money.ts';
import {
  auditedEntry,
  entryFieldsOf,
  entrySubject,
  entryValues,
  findOverlap,
  loadEntry,
  lockProduct,
  overlapText,
  PRICE_ENTRIES_TABLE,
  validatePriceEntry,
} from './price-entries.ts';
import { assertCatalogWriter } from './product-writes.ts';
import { priceListEntries } from './tables.ts';

export interface UpdatePriceEntryInput {
  version: number;
  /** Giving one of the two switches the entry's kind (the other becomes null). */
  unitPrice?: number | null | undefined;
  discountPercent?: number | null | undefined;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | null | undefined;
  note?: string | undefined;
}

export interface UpdatePriceEntryOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdatePriceEntryInput;
}

/**
 * Changes an entry's price, discount, period or note (its customer or rank and its product
 * stay: make a new entry for another). Versioned and audited; the no-overlap rule as on create.
 * 404 for an entry the actor cannot see; a rank's entry is changed by admins only.
 */
export async function updatePriceEntry({
  db,
  actor,
  id,
  input,
}: UpdatePriceEntryOptions): Promise<PriceListEntryView> {
  assertCatalogWriter(actor);
  return withTenant(db, actor, async (tx) => {
    const current = await loadEntry(tx, actor, id);
    if (!current) throw priceEntryNotFound();
    if (current.version !== input.version) throw versionConflict(current);
    const [row] = await tx
      .select()
      .from(priceListEntries)
      .where(and(eq(priceListEntries.tenantId, actor.tenantId), eq(priceListEntries.id, id)));
    if (!row) throw priceEntryNotFound();
    const stored = entryFieldsOf(row);
    const switchesKind = input.unitPrice != null || input.discountPercent != null;
    const checked = validatePriceEntry({
      unitPrice: switchesKind
        ? input.unitPrice
        : stored.unitPriceSen === null
          ? null
          : senToNumber(stored.unitPriceSen),
      discountPercent: switchesKind
        ? input.discountPercent
        : stored.discountBasisPoints === null
          ? null
          : senToNumber(stored.discountBasisPoints),
      effectiveFrom: input.effectiveFrom ?? stored.effectiveFrom,
      effectiveTo: input.effectiveTo === undefined ? stored.effectiveTo : input.effectiveTo,
      note: input.note ?? stored.note,
    });
    const errors = checked.errors;
    if (row.customerRank !== null && actor.role !== 'admin')
      errors.rank ??= catalogIssueText('rank_admin_only');
    await lockProduct(tx, actor, row.productId);
    if (Object.keys(errors).length === 0) {
      const clash = await findOverlap(tx, actor, {
        id,
        customerId: row.customerId,
        rank: row.customerRank,
        productId: row.productId,
        kind: checked.value.unitPriceSen !== null ? 'price' : 'discount',
        effectiveFrom: checked.value.effectiveFrom,
        effectiveTo: checked.value.effectiveTo,
      });
      if (clash) errors.effectiveFrom = overlapText(clash);
    }
    if (Object.keys(errors).length > 0) throw catalogValidationFailed(errors);
    await updateVersioned(tx, {
      table: priceListEntries,
      where: and(eq(priceListEntries.tenantId, actor.tenantId), eq(priceListEntries.id, id)) as NonNullable<
        ReturnType<typeof and>
      >,
      version: input.version,
      set: entryValues(checked.value),
      current: () => loadEntry(tx, actor, id),
      notFound: priceEntryNotFound,
    });
    const target = { customerId: row.customerId, rank: row.customerRank, productId: row.productId };
    const subject = entrySubject(row.customerId);
    await recordAudit(tx, actor, [
      {
        table: PRICE_ENTRIES_TABLE,
        recordId: id,
        action: 'update',
        before: auditedEntry(target, stored),
        after: auditedEntry(target, checked.value),
        ...(subject && { subject }),
      },
    ]);
    return (await loadEntry(tx, actor, id)) as PriceListEntryView;
  });
}
