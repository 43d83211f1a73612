import type { z } from '@hono/zod-openapi';
import { and, desc, eq, gte, ilike, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { customers } from '../customers/tables.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { badCursor, quoteNotFound } from './quote-errors.ts';
import type { QuoteListQuery, QuotePage } from './quote-schemas.ts';
import { loadQuote, type QuoteRow, type QuoteView, selectQuotes, toQuoteSummary } from './quote-view.ts';
import { quotes } from './tables.ts';

const encodeCursor = (c: { createdAt: Date; id: string }) =>
  Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || extra !== undefined || Number.isNaN(Date.parse(at))) throw badCursor();
  return { at: new Date(at).toISOString(), id };
}

export type QuoteFilters = Omit<z.output<typeof QuoteListQuery>, 'cursor' | 'limit'>;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
const tokyoStart = (day: string) => sql`(${day}::date)::timestamp at time zone 'Asia/Tokyo'`;

/**
 * The search's WHERE: status (期限切れ = submitted past validUntil), customer, rep, the day it was
 * issued (a draft: created) from/to in Asia/Tokyo, total between, text in number, subject or
 * customer name. Only each number's latest revision unless `allRevisions` (or status superseded).
 */
export function quoteConditions(filters: QuoteFilters, today = todayIn()): SQL | undefined {
  const day = sql`coalesce(${quotes.issuedAt}, ${quotes.createdAt})`;
  const q = filters.q?.trim();
  return and(
    filters.status === 'expired'
      ? and(eq(quotes.status, 'submitted'), sql`${quotes.validUntil} < ${today}`)
      : filters.status === 'submitted'
        ? and(
            eq(quotes.status, 'submitted'),
            sql`(${quotes.validUntil} is null or ${quotes.validUntil} >= ${today})`,
          )
        : filters.status
          ? eq(quotes.status, filters.status)
          : undefined,
    filters.allRevisions === 'true' || filters.status === 'superseded'
      ? undefined
      : ne(quotes.status, 'superseded'),
    filters.customerId ? eq(quotes.customerId, filters.customerId) : undefined,
    filters.repId ? eq(quotes.repId, filters.repId) : undefined,
    filters.from ? sql`${day} >= ${tokyoStart(filters.from)}` : undefined,
    filters.to ? sql`${day} < ${tokyoStart(addDays(filters.to, 1))}` : undefined,
    filters.minTotal !== undefined ? gte(quotes.total, filters.minTotal) : undefined,
    filters.maxTotal !== undefined ? lte(quotes.total, filters.maxTotal) : undefined,
    q
      ? or(
          ilike(quotes.quoteNo, likePattern(q)),
          ilike(quotes.subject, likePattern(q)),
          ilike(customers.name, likePattern(q)),
        )
      : undefined,
  );
}

export async function selectQuotePage(
  tx: Tx,
  actor: Actor,
  filters: QuoteFilters,
  limit: number,
  cursor?: string,
  today = todayIn(),
): Promise<{ rows: QuoteRow[]; more: boolean }> {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await selectQuotes(
    tx,
    actor,
    and(
      quoteConditions(filters, today),
      after ? sql`(${quotes.createdAt}, ${quotes.id}) < (${after.at}::timestamptz, ${after.id})` : undefined,
    ),
  )
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  if (more) rows.pop();
  return { rows, more };
}

/** GET /api/quotes: the quotes of the customers the actor may see, newest first, a page at a time. */
export async function listQuotes({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.output<typeof QuoteListQuery>;
}) {
  const today = todayIn();
  return withTenant(db, actor, async (tx): Promise<z.output<typeof QuotePage>> => {
    const { cursor, limit, ...filters } = query;
    const { rows, more } = await selectQuotePage(tx, actor, filters, limit ?? 50, cursor, today);
    const last = rows[rows.length - 1];
    return {
      items: rows.map((row) => toQuoteSummary(row, today)),
      nextCursor: more && last ? encodeCursor(last.quote) : null,
    };
  });
}

export async function getQuote({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return withTenant(db, actor, async (tx): Promise<QuoteView> => {
    const quote = await loadQuote(tx, actor, id);
    if (!quote) throw quoteNotFound();
    return quote;
  });
}
