import { asc, eq } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { areas, tenantSettings, user } from '../../platform/db/schema/index.ts';
import { type CsvEncoding, encodeCsv, writeCsv } from './csv/csv-codec.ts';
import { csvColumns, customerToCsvRow } from './csv/customer-csv-columns.ts';
import { areaJoin, type CustomerListFilters, customerListCondition } from './customer-query.ts';
import { customers } from './tables.ts';

export interface ExportCustomersCsvOptions {
  db: Db;
  actor: Actor;
  filters: CustomerListFilters;
  /** Default Shift_JIS, which Excel in Japan opens as is. */
  encoding?: CsvEncoding;
  now?: Date;
}

export interface CsvFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  rows: number;
  /** Characters Shift_JIS could not hold, written as 〓 (0 for UTF-8). */
  replacedCharacters: number;
}

/**
 * Every customer matching the list filters (within the actor's scope) as a CSV that imports
 * back unchanged: same columns as the import, ordered by code, CRLF, Shift_JIS by default
 * (characters outside Shift_JIS become 〓 — use encoding=utf8 to keep them) or UTF-8 with BOM.
 */
export async function exportCustomersCsv(options: ExportCustomersCsvOptions): Promise<CsvFile> {
  const { db, actor, filters } = options;
  const encoding = options.encoding ?? 'sjis';
  const { rows, timezone } = await withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select({
        code: customers.code,
        name: customers.name,
        nameKana: customers.nameKana,
        honorific: customers.honorific,
        postalCode: customers.postalCode,
        address: customers.address,
        phone: customers.phone,
        lat: customers.lat,
        lng: customers.lng,
        repId: customers.repId,
        areaId: customers.areaId,
        rank: customers.rank,
        status: customers.status,
        cadenceDays: customers.cadenceDays,
        cadenceToleranceDays: customers.cadenceToleranceDays,
        preferredWeekdays: customers.preferredWeekdays,
        timeWindows: customers.timeWindows,
        visitDurationMinutes: customers.visitDurationMinutes,
        preferences: customers.preferences,
        cautions: customers.cautions,
        notes: customers.notes,
        repEmail: user.email,
        areaName: areas.name,
      })
      .from(customers)
      .leftJoin(user, eq(user.id, customers.repId))
      .leftJoin(areas, areaJoin)
      .where(customerListCondition(actor, filters))
      .orderBy(asc(customers.code));
    const [settings] = await tx
      .select({ timezone: tenantSettings.timezone })
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, actor.tenantId));
    return { rows, timezone: settings?.timezone ?? 'Asia/Tokyo' };
  });

  const text = writeCsv([csvColumns, ...rows.map(customerToCsvRow)]);
  const { bytes, replaced } = encodeCsv(text, encoding);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(options.now ?? new Date());
  return {
    fileName: `customers-${day.replaceAll('-', '')}.csv`,
    contentType: `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'UTF-8'}`,
    bytes,
    rows: rows.length,
    replacedCharacters: replaced,
  };
}
