import { and, desc } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { type CsvEncoding, encodeCsv, writeCsv } from '../customers/csv/csv-codec.ts';
import { guardFormula } from '../customers/csv/customer-csv-columns.ts';
import { todayIn } from '../planning/working-days.ts';
import { type OrderFilters, orderConditions } from './list-orders.ts';
import { orderStatusLabels } from './order-values.ts';
import { selectOrders } from './order-view.ts';
import { orders } from './tables.ts';

/** The most rows one export writes (newest first). */
export const MAX_EXPORT_ROWS = 20_000;

export const orderCsvColumns = [
  '受注番号',
  '受注日',
  '状態',
  '顧客コード',
  '顧客名',
  '件名',
  '納期',
  '税抜合計',
  '消費税',
  '合計',
  'キャンセル理由',
] as const;

const tokyoDay = (at: Date) => todayIn('Asia/Tokyo', at);

/**
 * The filtered orders as CSV for the desk (Excel): UTF-8 with a BOM, or Shift_JIS where
 * unrepresentable characters become 〓 (counted). Cells that look like formulas are guarded.
 */
export async function exportOrdersCsv(options: {
  db: Db;
  actor: Actor;
  filters: OrderFilters;
  encoding: CsvEncoding;
  now?: Date;
}) {
  const rows = await withTenant(options.db, options.actor, (tx) =>
    selectOrders(tx, options.actor, and(orderConditions(options.filters)))
      .orderBy(desc(orders.orderedAt), desc(orders.id))
      .limit(MAX_EXPORT_ROWS),
  );
  const table = [
    [...orderCsvColumns],
    ...rows.map((row) => [
      row.orderNo,
      tokyoDay(row.orderedAt),
      orderStatusLabels[row.status].ja,
      row.customerCode,
      row.customerName,
      row.subject,
      row.deliveryDate ?? '',
      String(row.subtotalStandard + row.subtotalReduced),
      String(row.taxStandard + row.taxReduced),
      String(row.total),
      row.cancelReason ?? '',
    ]),
  ].map((cells) => cells.map(guardFormula));
  const { bytes, replaced } = encodeCsv(writeCsv(table), options.encoding);
  const day = tokyoDay(options.now ?? new Date()).replaceAll('-', '');
  return {
    bytes,
    replacedCharacters: replaced,
    fileName: `orders-${day}.csv`,
    contentType: options.encoding === 'sjis' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8',
  };
}
