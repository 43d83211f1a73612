import { desc } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { type CsvEncoding, encodeCsv, writeCsv } from '../customers/csv/csv-codec.ts';
import { guardFormula } from '../customers/csv/customer-csv-columns.ts';
import { todayIn } from '../planning/working-days.ts';
import { type QuoteFilters, quoteConditions } from './list-quotes.ts';
import { quoteStatusLabels } from './quote-values.ts';
import { documentNumber, selectQuotes, viewStatus } from './quote-view.ts';
import { quotes } from './tables.ts';

export const MAX_EXPORT_ROWS = 20_000;

export const quoteCsvColumns = [
  '見積番号',
  '版',
  '状態',
  '顧客コード',
  '顧客名',
  '件名',
  '提出日',
  '有効期限',
  '税抜(10%)',
  '消費税(10%)',
  '税抜(8%)',
  '消費税(8%)',
  '合計',
  '失注理由',
] as const;

/** The filtered quotes as CSV: UTF-8 with a BOM, or Shift_JIS (unrepresentable characters become 〓). */
export async function exportQuotesCsv(options: {
  db: Db;
  actor: Actor;
  filters: QuoteFilters;
  encoding: CsvEncoding;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const today = todayIn('Asia/Tokyo', now);
  const rows = await withTenant(options.db, options.actor, (tx) =>
    selectQuotes(tx, options.actor, quoteConditions(options.filters, today))
      .orderBy(desc(quotes.createdAt), desc(quotes.id))
      .limit(MAX_EXPORT_ROWS),
  );
  const table = [
    [...quoteCsvColumns],
    ...rows.map(({ quote: q, customerCode, customerName }) => [
      documentNumber(q.quoteNo, q.revision),
      String(q.revision),
      quoteStatusLabels[viewStatus(q.status, q.validUntil, today)].ja,
      customerCode,
      customerName,
      q.subject,
      q.issuedAt ? todayIn('Asia/Tokyo', q.issuedAt) : '',
      q.validUntil ?? '',
      String(q.subtotalStandard),
      String(q.taxStandard),
      String(q.subtotalReduced),
      String(q.taxReduced),
      String(q.total),
      q.lostReason ?? '',
    ]),
  ].map((cells) => cells.map(guardFormula));
  const { bytes, replaced } = encodeCsv(writeCsv(table), options.encoding);
  return {
    bytes,
    replacedCharacters: replaced,
    fileName: `quotes-${today.replaceAll('-', '')}.csv`,
    contentType: options.encoding === 'sjis' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8',
  };
}
