import { and, count } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { areas, customers, staffProfiles } from '../../platform/db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  afterCursor,
  areaJoin,
  type CustomerListFilters,
  type CustomerSort,
  customerListCondition,
  orderBy,
  repJoin,
  sortKeyColumns,
  sortPlans,
  summaryColumns,
} from './customer-query.ts';
import { type CustomerSummary, toSummary } from './customer-view.ts';

export interface ListCustomersOptions {
  db: Db;
  actor: Actor;
  filters: CustomerListFilters;
  sort?: CustomerSort;
  /** Opaque cursor from a previous page's nextCursor. */
  cursor?: string | undefined;
  /** 1..200, default 50. */
  limit?: number;
}

export interface CustomerPage {
  items: CustomerSummary[];
  nextCursor: string | null;
  /** How many customers match the filters (all pages). */
  total: number;
}

interface CursorPayload {
  s: CustomerSort;
  k: string[];
}

/** PostgreSQL's text form of a timestamptz (or -infinity): anything else would fail the cast. */
const TIMESTAMP = /^(-infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2})$/;

const encodeCursor = (payload: CursorPayload) => Buffer.from(JSON.stringify(payload)).toString('base64url');

function decodeCursor(cursor: string, sort: CustomerSort): string[] {
  try {
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
    const keys = sortPlans[sort].keys;
    if (
      payload.s === sort &&
      Array.isArray(payload.k) &&
      payload.k.length === keys.length &&
      payload.k.every(
        (v, i) => typeof v === 'string' && (keys[i]?.type !== 'timestamptz' || TIMESTAMP.test(v)),
      )
    ) {
      return payload.k;
    }
  } catch {
    // fall through
  }
  const text = {
    ja: 'ページ位置が不正です。最初のページから読み直してください。',
    en: 'Invalid page cursor. Start again from the first page.',
  };
  throw new AppError(422, 'validation_failed', text, { cursor: text });
}

/**
 * One page of the customer book the actor may see, filtered, sorted, with keyset pagination:
 * the cursor holds the last row's sort key and id, so pages never skip or repeat rows when
 * keys tie, and the cost of a page does not grow with its depth.
 */
export async function listCustomers(options: ListCustomersOptions): Promise<CustomerPage> {
  const { db, actor, filters, cursor } = options;
  const sort = options.sort ?? 'name';
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const afterKeys = cursor ? decodeCursor(cursor, sort) : undefined;
  const where = customerListCondition(actor, filters);

  return withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select({ ...summaryColumns, ...sortKeyColumns(sort) })
      .from(customers)
      .leftJoin(staffProfiles, repJoin)
      .leftJoin(areas, areaJoin)
      .where(afterKeys ? and(where, afterCursor(sort, afterKeys)) : where)
      .orderBy(...orderBy(sort))
      .limit(limit + 1);
    const [counted] = await tx.select({ total: count() }).from(customers).where(where);

    const page = rows.slice(0, limit);
    const last = page.at(-1) as Record<string, unknown> | undefined;
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ s: sort, k: sortPlans[sort].keys.map((_, i) => String(last[`k${i}`])) })
        : null;
    return { items: page.map(toSummary), nextCursor, total: counted?.total ?? 0 };
  });
}
