import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { catalogIssueText, catalogValidationFailed, idTaken } from './catalog-errors.ts';
import type { PriceListEntryView } from './catalog-schemas.ts';
import {
  auditedEntry,
  customerVisible,
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

export interface CreatePriceEntryInput {
  id?: string | undefined;
  customerId?: string | undefined;
  rank?: 'A' | 'B' | 'C' | undefined;
  productId: string;
  unitPrice?: number | undefined;
  discountPercent?: number | undefined;
  effectiveFrom: string;
  effectiveTo?: string | null | undefined;
  note?: string | undefined;
}

export interface CreatePriceEntryOptions {
  db: Db;
  actor: Actor;
  input: CreatePriceEntryInput;
}

/**
 * Adds a price list entry: for one customer the actor may see (managers: their team's; admins:
 * all), or for a whole rank (admins only), a special unit price or a discount percent on one
 * product from a date (to a date, or open-ended). Entries of the same target, product and kind
 * may not overlap (422 naming effectiveFrom and the other period). Audited in the customer's
 * history.
 */
export async function createPriceEntry({
  db,
  actor,
  input,
}: CreatePriceEntryOptions): Promise<PriceListEntryView> {
  assertCatalogWriter(actor);
  const id = input.id ?? randomUUID();
  const checked = validatePriceEntry(input);
  const errors = checked.errors;
  const customerId = input.customerId?.trim() || null;
  const rank = input.rank ?? null;
  if ((customerId === null) === (rank === null)) errors.customerId ??= catalogIssueText('one_target');
  else if (rank !== null && actor.role !== 'admin') errors.rank ??= catalogIssueText('rank_admin_only');
  try {
    return await withTenant(db, actor, async (tx) => {
      const product = await lockProduct(tx, actor, input.productId);
      if (!product) errors.productId ??= catalogIssueText('product_unknown');
      if (customerId !== null && !(await customerVisible(tx, actor, customerId)))
        errors.customerId ??= catalogIssueText('customer_unknown');
      if (Object.keys(errors).length === 0) {
        const clash = await findOverlap(tx, actor, {
          id,
          customerId,
          rank,
          productId: input.productId,
          kind: checked.value.unitPriceSen !== null ? 'price' : 'discount',
          effectiveFrom: checked.value.effectiveFrom,
          effectiveTo: checked.value.effectiveTo,
        });
        if (clash) errors.effectiveFrom = overlapText(clash);
      }
      if (Object.keys(errors).length > 0) throw catalogValidationFailed(errors);
      await tx.insert(priceListEntries).values({
        tenantId: actor.tenantId,
        id,
        customerId,
        customerRank: rank,
        productId: input.productId,
        ...entryValues(checked.value),
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, [
        {
          table: PRICE_ENTRIES_TABLE,
          recordId: id,
          action: 'create',
          before: null,
          after: auditedEntry({ customerId, rank, productId: input.productId }, checked.value),
          ...(entrySubject(customerId) && { subject: entrySubject(customerId) }),
        },
      ]);
      return (await loadEntry(tx, actor, id)) as PriceListEntryView;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'price_list_entries_tenant_id_id_pk')) throw idTaken();
    throw error;
  }
}
