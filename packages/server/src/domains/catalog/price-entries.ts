import { and, eq, gte, isNotNull, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { customers } from '../customers/tables.ts';
import { type CatalogFieldErrors, catalogIssueText } from './catalog-errors.ts';
import type { PriceListEntryView } from './catalog-schemas.ts';
import { discountedSen, formatSen, senOf, senToNumber, toBasisPointsOrNull, toSenOrNull } from './money.ts';
import { priceListEntries, products } from './tables.ts';

export const PRICE_ENTRIES_TABLE = 'price_list_entries';

/** An entry's changeable fields, as stored. */
export interface PriceEntryFields {
  unitPriceSen: number | null;
  discountBasisPoints: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date YYYY-MM-DD between 2000 and 2199. */
export function isCivilDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const MAX_NOTE = 500;

/**
 * Checks an entry's price and dates: exactly one of a special price (0..10,000,000 yen, two
 * decimals) and a discount (0 < % ≤ 100, two decimals), real dates, the end not before the start.
 */
export function validatePriceEntry(raw: {
  unitPrice?: number | null | undefined;
  discountPercent?: number | null | undefined;
  effectiveFrom: string;
  effectiveTo?: string | null | undefined;
  note?: string | undefined;
}): { value: PriceEntryFields; errors: CatalogFieldErrors } {
  const errors: CatalogFieldErrors = {};
  const hasPrice = raw.unitPrice !== null && raw.unitPrice !== undefined;
  const hasDiscount = raw.discountPercent !== null && raw.discountPercent !== undefined;
  let unitPriceSen: number | null = null;
  let discountBasisPoints: number | null = null;
  if (hasPrice === hasDiscount) errors.unitPrice = catalogIssueText('one_kind');
  else if (hasPrice) {
    unitPriceSen = toSenOrNull(raw.unitPrice as number);
    if (unitPriceSen === null) errors.unitPrice = catalogIssueText('price_format');
  } else {
    discountBasisPoints = toBasisPointsOrNull(raw.discountPercent as number);
    if (discountBasisPoints === null) errors.discountPercent = catalogIssueText('discount_format');
  }
  const effectiveFrom = raw.effectiveFrom.trim();
  const effectiveTo = raw.effectiveTo?.trim() || null;
  if (!isCivilDate(effectiveFrom)) errors.effectiveFrom = catalogIssueText('date_format');
  if (effectiveTo !== null && !isCivilDate(effectiveTo)) errors.effectiveTo = catalogIssueText('date_format');
  else if (effectiveTo !== null && !errors.effectiveFrom && effectiveTo < effectiveFrom)
    errors.effectiveTo = catalogIssueText('date_order');
  const note = (raw.note ?? '').trim();
  if (note.length > MAX_NOTE) errors.note = catalogIssueText('too_long', { max: MAX_NOTE });
  return { value: { unitPriceSen, discountBasisPoints, effectiveFrom, effectiveTo, note }, errors };
}

/** The row values of an entry's fields. */
export const entryValues = (f: PriceEntryFields) => ({
  unitPrice: f.unitPriceSen === null ? null : formatSen(f.unitPriceSen),
  discountPercent: f.discountBasisPoints === null ? null : formatSen(f.discountBasisPoints),
  effectiveFrom: f.effectiveFrom,
  effectiveTo: f.effectiveTo,
  note: f.note,
});

/** What an entry's audit rows compare. */
export const auditedEntry = (
  target: { customerId: string | null; rank: string | null; productId: string },
  f: PriceEntryFields,
) => ({
  customerId: target.customerId,
  rank: target.rank,
  productId: target.productId,
  unitPrice: f.unitPriceSen === null ? null : senToNumber(f.unitPriceSen),
  discountPercent: f.discountBasisPoints === null ? null : senToNumber(f.discountBasisPoints),
  effectiveFrom: f.effectiveFrom,
  effectiveTo: f.effectiveTo,
  note: f.note,
});

/** The audit subject: a customer's entry belongs to the customer's history, a rank's to itself. */
export const entrySubject = (customerId: string | null) =>
  customerId === null ? undefined : { table: 'customers', id: customerId };

/**
 * Another entry of the same target (customer or rank), product and kind (price or discount)
 * whose period meets [from, to]: entries of one kind never overlap, so a date has one price.
 * Call with the product's row locked (writes to one product's entries queue behind it).
 */
export async function findOverlap(
  tx: Tx,
  actor: Actor,
  entry: {
    id: string;
    customerId: string | null;
    rank: string | null;
    productId: string;
    kind: 'price' | 'discount';
    effectiveFrom: string;
    effectiveTo: string | null;
  },
): Promise<{ effectiveFrom: string; effectiveTo: string | null } | null> {
  const conditions: (SQL | undefined)[] = [
    eq(priceListEntries.tenantId, actor.tenantId),
    eq(priceListEntries.productId, entry.productId),
    ne(priceListEntries.id, entry.id),
    entry.customerId !== null
      ? eq(priceListEntries.customerId, entry.customerId)
      : eq(priceListEntries.customerRank, entry.rank as 'A' | 'B' | 'C'),
    entry.kind === 'price'
      ? isNotNull(priceListEntries.unitPrice)
      : isNotNull(priceListEntries.discountPercent),
    or(isNull(priceListEntries.effectiveTo), gte(priceListEntries.effectiveTo, entry.effectiveFrom)),
    entry.effectiveTo === null ? undefined : lte(priceListEntries.effectiveFrom, entry.effectiveTo),
  ];
  const [clash] = await tx
    .select({ effectiveFrom: priceListEntries.effectiveFrom, effectiveTo: priceListEntries.effectiveTo })
    .from(priceListEntries)
    .where(and(...conditions))
    .limit(1);
  return clash ?? null;
}

/** The overlap message: names the other entry's period. */
export const overlapText = (clash: { effectiveFrom: string; effectiveTo: string | null }) =>
  catalogIssueText('period_overlap', { value: `${clash.effectiveFrom}〜${clash.effectiveTo ?? ''}` });

/** Locks the product's row (entry writes of one product queue) and says whether it exists. */
export async function lockProduct(tx: Tx, actor: Actor, productId: string) {
  const [row] = await tx
    .select({ id: products.id, unitPrice: products.unitPrice })
    .from(products)
    .where(and(eq(products.tenantId, actor.tenantId), eq(products.id, productId)))
    .for('update');
  return row ?? null;
}

/** Whether the actor may see (and so price) the customer. */
export async function customerVisible(tx: Tx, actor: Actor, customerId: string) {
  const [row] = await tx
    .select({ id: customers.id, rank: customers.rank })
    .from(customers)
    .where(and(customerScope(actor), eq(customers.id, customerId)));
  return row ?? null;
}

/** The select of entries with their customer and product, in the actor's reach. */
export function entryQuery(tx: Tx, actor: Actor, where: SQL | undefined) {
  return tx
    .select({
      entry: priceListEntries,
      customerCode: customers.code,
      customerName: customers.name,
      productCode: products.code,
      productName: products.name,
      productUnit: products.unit,
      productPrice: products.unitPrice,
      productTax: products.taxCategory,
    })
    .from(priceListEntries)
    .innerJoin(
      products,
      and(eq(products.tenantId, priceListEntries.tenantId), eq(products.id, priceListEntries.productId)),
    )
    .leftJoin(
      customers,
      and(eq(customers.tenantId, priceListEntries.tenantId), eq(customers.id, priceListEntries.customerId)),
    )
    .where(
      and(
        eq(priceListEntries.tenantId, actor.tenantId),
        // A customer's entries only when the actor may see the customer (RLS says the same).
        or(isNull(priceListEntries.customerId), and(isNotNull(customers.id), customerScope(actor))),
        where,
      ),
    );
}

type EntryRow = Awaited<ReturnType<typeof entryQuery>>[number];

/** A stored entry as the API shows it. */
export function toEntryView(r: EntryRow): PriceListEntryView {
  const e = r.entry;
  const listSen = senOf(r.productPrice);
  const priceSen = e.unitPrice === null ? null : senOf(e.unitPrice);
  const bp = e.discountPercent === null ? null : senOf(e.discountPercent);
  return {
    id: e.id,
    customer:
      e.customerId === null
        ? null
        : { id: e.customerId, code: r.customerCode ?? '', name: r.customerName ?? '' },
    rank: e.customerRank,
    product: {
      id: e.productId,
      code: r.productCode,
      name: r.productName,
      unit: r.productUnit,
      unitPrice: senToNumber(listSen),
      taxCategory: r.productTax,
    },
    kind: priceSen !== null ? 'price' : 'discount',
    unitPrice: priceSen === null ? null : senToNumber(priceSen),
    discountPercent: bp === null ? null : senToNumber(bp),
    effectiveUnitPrice: senToNumber(priceSen ?? discountedSen(listSen, bp ?? 0)),
    effectiveFrom: e.effectiveFrom,
    effectiveTo: e.effectiveTo,
    note: e.note,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** One entry in the actor's reach, or null. */
export async function loadEntry(tx: Tx, actor: Actor, id: string): Promise<PriceListEntryView | null> {
  const [row] = await entryQuery(tx, actor, eq(priceListEntries.id, id));
  return row ? toEntryView(row) : null;
}

/** The stored fields of an entry row. */
export const entryFieldsOf = (e: typeof priceListEntries.$inferSelect): PriceEntryFields => ({
  unitPriceSen: e.unitPrice === null ? null : senOf(e.unitPrice),
  discountBasisPoints: e.discountPercent === null ? null : senOf(e.discountPercent),
  effectiveFrom: e.effectiveFrom,
  effectiveTo: e.effectiveTo,
  note: e.note,
});
