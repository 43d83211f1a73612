import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { areas, tenantSettings, user } from '../../platform/db/schema/index.ts';
import { type CsvEncoding, encodeCsv, shiftJisMisses, writeCsv } from './csv/csv-codec.ts';
import { csvColumns, customerToCsvRow } from './csv/customer-csv-columns.ts';
import type { StoredContact } from './customer-import-rows.ts';
import { areaJoin, type CustomerListFilters, customerListCondition } from './customer-query.ts';
import { customerContacts, customers } from './tables.ts';

/**
 * Each customer's primary contact: the one flagged primary, else the first in the list's order.
 */
export async function loadPrimaryContacts(
  tx: Tx,
  tenantId: string,
  customerIds: readonly string[],
): Promise<Map<string, StoredContact>> {
  const primary = new Map<string, StoredContact>();
  for (let i = 0; i < customerIds.length; i += 1000) {
    const found = await tx
      .select()
      .from(customerContacts)
      .where(
        and(
          eq(customerContacts.tenantId, tenantId),
          inArray(customerContacts.customerId, customerIds.slice(i, i + 1000)),
        ),
      )
      .orderBy(desc(customerContacts.isPrimary), asc(customerContacts.sortOrder), asc(customerContacts.id));
    for (const c of found) {
      if (primary.has(c.customerId)) continue;
      primary.set(c.customerId, {
        id: c.id,
        name: c.name,
        nameKana: c.nameKana,
        title: c.title,
        phone: c.phone,
        email: c.email,
        isPrimary: c.isPrimary,
      });
    }
  }
  return primary;
}

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
  const encoding = options.encoding ?? 'sjis';
  const { rows, timezone } = await readExportRows(options);
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

/** The most affected rows one check lists (the count covers all). */
export const MAX_LISTED_ROWS = 100;

export interface ShiftJisCheck {
  /** Rows the export would write. */
  rows: number;
  /** Rows holding a character Shift_JIS would write as 〓. */
  affectedRows: number;
  /** Characters that would be lost, distinct, first 30. */
  characters: string[];
  /** The affected rows (first {@link MAX_LISTED_ROWS}): code, name and each column with what it loses. */
  affected: { code: string; name: string; columns: { column: string; characters: string[] }[] }[];
}

/**
 * What a Shift_JIS export of these filters would lose, before it is downloaded: the rows and
 * columns holding characters outside CP932 (𠮷, emoji, —), which the file would write as 〓.
 */
export async function checkShiftJisExport(options: ExportCustomersCsvOptions): Promise<ShiftJisCheck> {
  const { rows } = await readExportRows(options);
  const characters = new Set<string>();
  const affected: ShiftJisCheck['affected'] = [];
  let affectedRows = 0;
  for (const row of rows) {
    const cells = customerToCsvRow(row);
    const columns: { column: string; characters: string[] }[] = [];
    cells.forEach((cell, i) => {
      const misses = shiftJisMisses(cell);
      if (misses.length > 0)
        columns.push({ column: csvColumns[i] as string, characters: misses.slice(0, 10) });
    });
    if (columns.length === 0) continue;
    affectedRows++;
    for (const c of columns) for (const ch of c.characters) if (characters.size < 30) characters.add(ch);
    if (affected.length < MAX_LISTED_ROWS) affected.push({ code: row.code, name: row.name, columns });
  }
  return { rows: rows.length, affectedRows, characters: [...characters], affected };
}

async function readExportRows({ db, actor, filters }: ExportCustomersCsvOptions) {
  return withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select({
        id: customers.id,
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
    const contacts = await loadPrimaryContacts(
      tx,
      actor.tenantId,
      rows.map((r) => r.id),
    );
    const withContacts = rows.map((r) => ({ ...r, contact: contacts.get(r.id) ?? null }));
    const [settings] = await tx
      .select({ timezone: tenantSettings.timezone })
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, actor.tenantId));
    return { rows: withContacts, timezone: settings?.timezone ?? 'Asia/Tokyo' };
  });
}
