import { asc, eq } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { tenantSettings } from '../../platform/db/schema/index.ts';
import { type CsvEncoding, encodeCsv, writeCsv } from '../customers/csv/csv-codec.ts';
import { productCsvColumns, productToCsvRow } from './product-csv.ts';
import { type ProductFilters, productListCondition } from './product-query.ts';
import { fieldsOfRow } from './product-view.ts';
import { products } from './tables.ts';

export interface ExportProductsCsvOptions {
  db: Db;
  actor: Actor;
  filters: ProductFilters;
  /** Default Shift_JIS, which Excel in Japan opens as is. */
  encoding?: CsvEncoding;
  now?: Date;
}

/**
 * The filtered catalog as a CSV that imports back unchanged: the import's columns, by code,
 * CRLF, Shift_JIS by default (characters outside it become 〓, counted) or UTF-8 with a BOM.
 * Bundles' components and price lists are not in it (they are edited on screen).
 */
export async function exportProductsCsv(options: ExportProductsCsvOptions) {
  const encoding = options.encoding ?? 'sjis';
  const { rows, timezone } = await withTenant(options.db, options.actor, async (tx) => {
    const found = await tx
      .select()
      .from(products)
      .where(productListCondition(options.actor, options.filters))
      .orderBy(asc(products.code));
    const [settings] = await tx
      .select({ timezone: tenantSettings.timezone })
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, options.actor.tenantId));
    return { rows: found, timezone: settings?.timezone ?? 'Asia/Tokyo' };
  });
  const text = writeCsv([productCsvColumns, ...rows.map((r) => productToCsvRow(fieldsOfRow(r)))]);
  const { bytes, replaced } = encodeCsv(text, encoding);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(options.now ?? new Date());
  return {
    fileName: `products-${day.replaceAll('-', '')}.csv`,
    contentType: `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'UTF-8'}`,
    bytes,
    rows: rows.length,
    replacedCharacters: replaced,
  };
}
