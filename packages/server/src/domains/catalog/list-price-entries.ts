import { and, desc, eq, gte, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Signer } from '../../platform/signer.ts';
import { catalogIssueText, catalogValidationFailed, customerNotFoundForPrices } from './catalog-errors.ts';
import type { PriceListEntryView } from './catalog-schemas.ts';
import { customerVisible, entryQuery, isCivilDate, toEntryView } from './price-entries.ts';
import { priceListEntries } from './tables.ts';

export interface ListPriceEntriesOptions {
  db: Db;
  actor: Actor;
  filters: {
    productId?: string | undefined;
    customerId?: string | undefined;
    rank?: 'A' | 'B' | 'C' | undefined;
    /** YYYY-MM-DD: only entries in effect that day. */
    on?: string | undefined;
  };
  cursor?: string | undefined;
  signer: Signer;
  /** 1..200, default 100. */
  limit?: number | undefined;
}

const badCursor = () => {
  const text = {
    ja: 'ページ位置が不正です。最初のページから読み直してください。',
    en: 'Invalid page cursor. Start again from the first page.',
  };
  return new AppError(422, 'validation_failed', text, { cursor: text });
};

/**
 * The price list entries in the actor's reach (their customers' and every rank's), filtered,
 * latest start first, keyset-paginated. A customer outside the actor's reach has no entries.
 */
export async function listPriceEntries(
  options: ListPriceEntriesOptions,
): Promise<{ items: PriceListEntryView[]; nextCursor: string | null }> {
  const { db, actor, filters, signer } = options;
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 200);
  if (filters.on !== undefined && !isCivilDate(filters.on))
    throw catalogValidationFailed({ on: catalogIssueText('date_format') });
  let after: { f: string; i: string } | undefined;
  if (options.cursor) {
    const payload = signer.verify(options.cursor);
    try {
      after = payload === null ? undefined : (JSON.parse(payload) as { f: string; i: string });
    } catch {
      after = undefined;
    }
    if (!after || typeof after.f !== 'string' || typeof after.i !== 'string' || !isCivilDate(after.f))
      throw badCursor();
  }
  const conditions: (SQL | undefined)[] = [];
  if (filters.productId) conditions.push(eq(priceListEntries.productId, filters.productId));
  if (filters.customerId) conditions.push(eq(priceListEntries.customerId, filters.customerId));
  if (filters.rank) conditions.push(eq(priceListEntries.customerRank, filters.rank));
  if (filters.on)
    conditions.push(
      lte(priceListEntries.effectiveFrom, filters.on),
      or(isNull(priceListEntries.effectiveTo), gte(priceListEntries.effectiveTo, filters.on)),
    );
  if (after)
    conditions.push(
      or(
        lt(priceListEntries.effectiveFrom, after.f),
        and(eq(priceListEntries.effectiveFrom, after.f), lt(priceListEntries.id, after.i)),
      ),
    );
  return withTenant(db, actor, async (tx) => {
    const rows = await entryQuery(tx, actor, and(...conditions))
      .orderBy(desc(priceListEntries.effectiveFrom), desc(priceListEntries.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1)?.entry;
    return {
      items: page.map(toEntryView),
      nextCursor:
        rows.length > limit && last
          ? signer.sign(JSON.stringify({ f: last.effectiveFrom, i: last.id }))
          : null,
    };
  });
}

export interface GetCustomerPricesOptions {
  db: Db;
  actor: Actor;
  customerId: string;
  /** YYYY-MM-DD (Asia/Tokyo). */
  date: string;
}

/**
 * The entries that price a customer on `date` or later: its own and its rank's, not yet ended.
 * 404 when the actor cannot see the customer.
 */
export async function getCustomerPrices({ db, actor, customerId, date }: GetCustomerPricesOptions) {
  if (!isCivilDate(date)) throw catalogValidationFailed({ date: catalogIssueText('date_format') });
  return withTenant(db, actor, async (tx) => {
    const customer = await customerVisible(tx, actor, customerId);
    if (!customer) throw customerNotFoundForPrices();
    const rows = await entryQuery(
      tx,
      actor,
      and(
        or(eq(priceListEntries.customerId, customerId), eq(priceListEntries.customerRank, customer.rank)),
        or(isNull(priceListEntries.effectiveTo), gte(priceListEntries.effectiveTo, date)),
      ),
    ).orderBy(priceListEntries.productId, priceListEntries.effectiveFrom);
    return { date, rank: customer.rank, entries: rows.map(toEntryView) };
  });
}
