import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { type Actor, type Locale, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { areas } from '../../platform/db/schema/index.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { type Geocoder, offGeocoder } from '../../platform/geo/geocoder.ts';
import { UNSTORABLE_GLOBAL, unstorableText } from '../../platform/http/unstorable-text.ts';
import {
  type CsvEncoding,
  decodeCsv,
  notTextReason,
  parseCsv,
  toShiftJisRepertoire,
} from './csv/csv-codec.ts';
import {
  type CsvColumn,
  type CsvContact,
  clearedValues,
  columnOfField,
  csvColumns,
  csvContactFields,
  csvRowToCustomer,
  customerCells,
} from './csv/customer-csv-columns.ts';
import { fieldIssueText, importForbidden } from './customer-errors.ts';
import {
  type ContactFields,
  type CustomerFields,
  customerDefaults,
  editableFieldNames,
  validateCustomerFields,
} from './customer-fields.ts';
import {
  type CustomerPosition,
  locateAddress,
  mapBounded,
  positionGiven,
  positionPlan,
} from './customer-geocoding.ts';
import {
  IMPORT_TTL_MS,
  type ImportRow,
  MAX_IMPORT_ROWS,
  type StoredContact,
  sameFields,
} from './customer-import-rows.ts';
import { customerScope } from './customer-scope.ts';
import type { GeoPrecision } from './customer-values.ts';
import { codesInUse, definedOnly } from './customer-writes.ts';
import { loadPrimaryContacts } from './export-customers-csv.ts';
import { notCsv } from './import-errors.ts';
import { normalizeInput } from './japanese-text.ts';
import { canAssignTo, loadAssignableStaff } from './staff-directory.ts';
import { customerImports, customers, type StoredImportError } from './tables.ts';

export interface PreviewCustomerImportOptions {
  db: Db;
  actor: Actor;
  locale: Locale;
  file: Uint8Array;
  fileName?: string;
  /** auto (default): UTF-8 when the bytes are valid UTF-8 (BOM or not), else Shift_JIS. */
  encoding?: CsvEncoding | 'auto';
  now?: Date;
  /** Locates new and changed addresses (default: none). */
  geocoder?: Geocoder;
}

/** One field a row changes, as the CSV spells it: `before` is null for a new customer. */
export interface ImportFieldChange {
  column: CsvColumn;
  before: string | null;
  after: string;
}

export interface ImportPreview {
  importId: string;
  /** Data rows (blank lines apart). */
  totalRows: number;
  /** Rows that can be imported. */
  validRows: number;
  /** Rows that cannot: totalRows − validRows. */
  errorRows: number;
  /**
   * Every refused cell: the row as a spreadsheet numbers it (the header is row 1, the first
   * data row 2; 0 = the file as a whole), the Japanese column name, a message.
   */
  errors: { row: number; column: string; message: string }[];
  /**
   * The rows as they will be written, each with its field-by-field changes: every row that
   * creates or updates, up to {@link MAX_PREVIEW_ROWS}, then unchanged ones up to the same bound.
   */
  sample: {
    row: number;
    action: ImportRow['action'];
    code: string | null;
    name: string;
    repId: string | null;
    areaId: string | null;
    changes: ImportFieldChange[];
  }[];
  /** How many rows create, update, or change nothing (all rows, not only the sample). */
  summary: { create: number; update: number; unchanged: number };
  /** Header cells that name no column (the first 20): their cells are not read. */
  ignoredColumns: string[];
  encoding: CsvEncoding;
  /** Rows geocoded at preview (a new or changed address without 緯度/経度) and what was found. */
  geocoding: { asked: number; banchi: number; chome: number; city: number; notFound: number; failed: number };
}

/** Addresses geocoded at once during a preview, and the time all of them may take together. */
export const IMPORT_GEOCODE_CONCURRENCY = 4;
export const IMPORT_GEOCODE_BUDGET_MS = 60_000;

/** How many rows' changes one preview answer carries. */
export const MAX_PREVIEW_ROWS = 200;

/** Text fields that Shift_JIS may have folded (〜→～, emoji→〓): unchanged if they fold to the file's value. */
const foldableFields = [
  'name',
  'nameKana',
  'address',
  'phone',
  'postalCode',
  'preferences',
  'cautions',
  'notes',
] as const;

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

/**
 * Reads and checks a customer CSV without changing any customer: every row is validated with
 * the create/update rules (rep by email within the actor's reach, area by name, codes unique in
 * the file and not held by customers outside the actor's reach). The checked rows are stored
 * server-side (customer_imports) for {@link commitCustomerImport}. Managers and admins only.
 */
export async function previewCustomerImport(options: PreviewCustomerImportOptions): Promise<ImportPreview> {
  const { db, actor, locale } = options;
  if (actor.role === 'rep') throw importForbidden();
  const now = options.now ?? new Date();
  const notText = notTextReason(options.file);
  if (notText) throw notCsv(notText);
  const decoded = decodeCsv(options.file, options.encoding ?? 'auto');
  const [rawHeader = [], ...body] = parseCsv(decoded.text, { keepEmptyLines: true });
  const errors: StoredImportError[] = [];
  // A NUL (or a broken UTF-16 half) cannot be stored: refuse the cell, by row and column.
  const storable = (cell: string) => cell.replace(UNSTORABLE_GLOBAL, '');
  const header = rawHeader.map(storable);
  const known = new Set<string>(csvColumns);
  const headerIndex = new Map<CsvColumn, number>();
  const ignoredColumns: string[] = [];
  header.forEach((raw, i) => {
    const name = normalizeInput(raw);
    if (!known.has(name)) {
      if (name !== '' && ignoredColumns.length < 20) ignoredColumns.push(raw.trim().slice(0, 40));
    } else if (headerIndex.has(name as CsvColumn)) {
      errors.push({
        row: HEADER_ROW,
        column: name,
        message: text(`「${name}」列が2つあります。`, `Column "${name}" appears twice.`),
      });
    } else headerIndex.set(name as CsvColumn, i);
  });
  if (headerIndex.size === 0) throw notCsv(decoded.text.includes('\uFFFD') ? 'binary' : 'no_header');
  if (!headerIndex.has('会社名') && !headerIndex.has('顧客コード')) {
    errors.push({
      row: HEADER_ROW,
      column: '会社名',
      message: text(
        '「会社名」列がありません（新しい顧客に必要です。既存の顧客を更新するには「顧客コード」列が必要です）。',
        'Column "会社名" is missing (new customers need it; updating existing ones needs "顧客コード").',
      ),
    });
  }
  const dataRows = body
    // Record i of the body is the spreadsheet's row i + 2 (the header is row 1).
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ row, cells }) => ({
      row,
      cells: cells.map((cell, i) => {
        const clean = storable(cell);
        if (clean !== cell) errors.push({ row, column: header[i] || `${i + 1}`, message: unstorableText });
        return clean;
      }),
    }));

  if (dataRows.length === 0) {
    errors.push({
      row: FILE_ROW,
      column: csvColumns[0],
      message: text('データ行がありません。', 'The file has no data rows.'),
    });
  }
  if (dataRows.length > MAX_IMPORT_ROWS) {
    errors.push({
      row: FILE_ROW,
      column: csvColumns[0],
      message: text(
        `一度に取り込めるのは${MAX_IMPORT_ROWS}行までです。`,
        `At most ${MAX_IMPORT_ROWS} rows per file.`,
      ),
    });
  }
  const fileErrors = errors.some((e) => e.row <= HEADER_ROW);

  const importId = randomUUID();
  const rows: ImportRow[] = [];
  const changesByRow = new Map<number, ImportFieldChange[]>();
  /** Rows whose new address is geocoded after the checks (outside the transaction). */
  const toLocate: ImportRow[] = [];
  const storedById = new Map<string, CustomerFields>();
  /** The stored primary contact of each customer the file updates. */
  let storedContacts = new Map<string, StoredContact>();
  let describe: Describe = () => [];
  await withTenant(db, actor, async (tx) => {
    if (!fileErrors) {
      const parsed = dataRows.map(({ row, cells }) => ({
        row,
        ...csvRowToCustomer((column: CsvColumn) => {
          const i = headerIndex.get(column);
          return i === undefined ? undefined : (cells[i] ?? '');
        }),
      }));
      const codes = [...new Set(parsed.map((p) => p.code).filter((c) => c !== ''))];
      const staff = await loadAssignableStaff(tx, actor);
      const staffByEmail = new Map(staff.map((s) => [s.email.toLowerCase(), s]));
      const tenantAreas = await tx
        .select({ id: areas.id, name: areas.name })
        .from(areas)
        .where(eq(areas.tenantId, actor.tenantId));
      const areaByName = new Map(tenantAreas.map((a) => [normalizeInput(a.name), a.id]));
      describe = cellDescriber(staff, tenantAreas);
      const visible = new Map<
        string,
        { id: string; version: number; fields: CustomerFields; geoPrecision: GeoPrecision }
      >();
      for (let i = 0; i < codes.length; i += 1000) {
        const found = await tx
          .select()
          .from(customers)
          .where(and(customerScope(actor), inArray(customers.code, codes.slice(i, i + 1000))));
        for (const c of found) {
          const fields = Object.fromEntries(
            editableFieldNames.map((k) => [k, c[k]]),
          ) as unknown as CustomerFields;
          visible.set(c.code, { id: c.id, version: c.version, fields, geoPrecision: c.geoPrecision });
        }
      }
      if (parsed.some((p) => p.contactColumns))
        storedContacts = await loadPrimaryContacts(
          tx,
          actor.tenantId,
          [...visible.values()].map((v) => v.id),
        );
      const taken = await codesInUse(
        tx,
        codes.filter((c) => !visible.has(c)),
      );

      const seen = new Map<string, number>();
      for (const p of parsed) {
        const rowErrors: StoredImportError[] = p.errors.map((e) => ({ row: p.row, ...e }));
        const add = (column: string, message: LocalizedText) => {
          if (!rowErrors.some((e) => e.column === column)) rowErrors.push({ row: p.row, column, message });
        };
        const existing = p.code ? visible.get(p.code) : undefined;
        if (p.code) {
          if (seen.has(p.code))
            add('顧客コード', fieldIssueText('code_duplicate_in_file', { value: p.code }));
          else seen.set(p.code, p.row);
          if (!existing && taken.has(p.code))
            add('顧客コード', fieldIssueText('code_taken', { value: p.code }));
        }

        const base = existing?.fields ?? customerDefaults;
        if (!existing && (p.fields.name ?? '').trim() === '')
          add('会社名', text('新しい顧客には会社名が必要です。', 'A new customer needs a name (会社名).'));

        let repId = base.repId;
        if (p.repEmail !== '') {
          const member = staffByEmail.get(p.repEmail);
          if (!member) add('担当者メール', fieldIssueText('rep_unknown_email', { value: p.repEmail }));
          else if (member.userId !== existing?.fields.repId && !canAssignTo(actor, member)) {
            add('担当者メール', fieldIssueText('rep_not_assignable'));
          } else repId = member.userId;
        } else if (p.cleared.includes('repId')) repId = null;
        if (repId === null && actor.role !== 'admin') add('担当者メール', fieldIssueText('rep_required'));
        let areaId = base.areaId;
        if (p.areaName !== '') {
          areaId = areaByName.get(p.areaName) ?? null;
          if (!areaId) add('エリア', fieldIssueText('area_unknown', { value: p.areaName }));
        } else if (p.cleared.includes('areaId')) areaId = null;

        const merged: CustomerFields = { ...base, ...definedOnly(p.fields), repId, areaId };
        for (const field of p.cleared)
          (merged as unknown as Record<string, unknown>)[field] = clearedValues[field];
        if (existing && decoded.encoding === 'sjis') {
          for (const k of foldableFields) {
            const stored = existing.fields[k];
            if (merged[k] !== stored && toShiftJisRepertoire(stored).text === merged[k]) merged[k] = stored;
          }
        }
        // 緯度/経度 in the file place the pin (manual); a new or changed address without them is
        // geocoded once the rows are checked; otherwise the stored position stays.
        const given =
          (p.fields.lat !== undefined ||
            p.fields.lng !== undefined ||
            p.cleared.includes('lat') ||
            p.cleared.includes('lng')) &&
          positionGiven(existing?.fields ?? null, { lat: merged.lat, lng: merged.lng });
        const plan = positionPlan(
          existing ? { ...existing.fields, geoPrecision: existing.geoPrecision } : null,
          merged,
          given,
        );
        if (plan?.geocode) {
          merged.lat = null;
          merged.lng = null;
        }
        // 先方担当者 columns: the primary contact, cell by cell over the stored one.
        const storedContact = existing ? (storedContacts.get(existing.id) ?? null) : null;
        let contactAfter: ContactFields | null | undefined;
        if (p.contactColumns && (Object.keys(p.contact).length > 0 || p.contactCleared.length > 0)) {
          const next: ContactFields = storedContact
            ? { ...storedContact }
            : { name: '', nameKana: '', title: '', phone: '', email: '', isPrimary: true };
          for (const k of csvContactFields) {
            if (p.contactCleared.includes(k)) next[k] = '';
            const value = p.contact[k];
            if (value !== undefined) next[k] = k === 'email' ? normalizeInput(value) : value;
            // As for the customer's text: a value Shift_JIS folded (𠮷→〓) keeps the stored one.
            if (
              storedContact &&
              decoded.encoding === 'sjis' &&
              next[k] !== storedContact[k] &&
              toShiftJisRepertoire(storedContact[k]).text === next[k]
            )
              next[k] = storedContact[k];
          }
          if (p.contactCleared.includes('name') && Object.keys(p.contact).length === 0) contactAfter = null;
          else if (csvContactFields.every((k) => next[k].trim() === '')) contactAfter = null;
          else if (next.name.trim() === '')
            add(
              '先方担当者',
              text(
                '先方担当者の氏名を入力してください（役職・電話・メールだけでは登録できません）。',
                'The contact needs a name (先方担当者) besides its title, phone or e-mail.',
              ),
            );
          else contactAfter = next;
        }
        const checked = validateCustomerFields(
          merged,
          contactAfter ? [contactAfter] : undefined,
          p.code || undefined,
        );
        if (existing) {
          // As with PATCH: a stored value that predates a rule does not block a row that leaves it alone.
          const touched = new Set<string>([...Object.keys(p.fields), ...p.cleared]);
          const storedErrors = validateCustomerFields(existing.fields).errors;
          for (const path of Object.keys(checked.errors)) {
            const field = path.split('.')[0] as string;
            if (!touched.has(field) && storedErrors[path]?.en === checked.errors[path]?.en)
              delete checked.errors[path];
          }
        }
        for (const [path, message] of Object.entries(checked.errors)) add(columnOfField(path), message);

        if (rowErrors.length > 0) {
          errors.push(...rowErrors);
          continue;
        }
        const cleanContact = contactAfter ? (checked.contacts?.[0] ?? null) : contactAfter;
        const contact =
          cleanContact === undefined || sameContact(storedContact, cleanContact)
            ? undefined
            : {
                id: storedContact?.id ?? null,
                before: storedContact ? contactOnly(storedContact) : null,
                after: cleanContact ? contactOnly(cleanContact) : null,
              };
        const action = existing
          ? sameFields(checked.value, existing.fields) && !contact
            ? 'unchanged'
            : 'update'
          : 'create';
        const written: ImportRow = {
          row: p.row,
          action,
          customerId: existing?.id ?? null,
          version: existing?.version ?? null,
          code: checked.code ?? null,
          fields: checked.value,
        };
        if (contact) written.contact = contact;
        if (plan && !plan.geocode) written.position = { geoPrecision: plan.geoPrecision, geocodedAt: null };
        if (plan?.geocode && action !== 'unchanged') toLocate.push(written);
        if (existing) storedById.set(existing.id, existing.fields);
        rows.push(written);
      }
    }
  });

  // Geocoding runs between the two transactions: no connection is held while the service answers.
  const geocoding = { asked: 0, banchi: 0, chome: 0, city: 0, notFound: 0, failed: 0 };
  if (errors.length === 0 && toLocate.length > 0) {
    const geocoder = options.geocoder ?? offGeocoder;
    const deadline = Date.now() + IMPORT_GEOCODE_BUDGET_MS;
    const found = await mapBounded(toLocate, IMPORT_GEOCODE_CONCURRENCY, (r) =>
      Date.now() > deadline || r.fields.address === ''
        ? Promise.resolve<CustomerPosition>({ lat: null, lng: null, geoPrecision: 'none', geocodedAt: null })
        : locateAddress(geocoder, r.fields.address),
    );
    toLocate.forEach((r, i) => {
      const position = found[i] as CustomerPosition;
      r.fields = { ...r.fields, lat: position.lat, lng: position.lng };
      r.position = {
        geoPrecision: position.geoPrecision,
        geocodedAt: position.geocodedAt?.toISOString() ?? null,
      };
      if (r.fields.address === '') return;
      geocoding.asked++;
      if (
        position.geoPrecision === 'banchi' ||
        position.geoPrecision === 'chome' ||
        position.geoPrecision === 'city'
      )
        geocoding[position.geoPrecision]++;
      else if (position.geocodedAt) geocoding.notFound++;
      else geocoding.failed++;
    });
  }
  for (const r of rows) {
    if (r.action === 'unchanged' || changesByRow.size >= MAX_PREVIEW_ROWS) continue;
    const before = r.customerId ? (storedById.get(r.customerId) ?? null) : null;
    const contactBefore = r.contact
      ? r.contact.before
      : r.customerId
        ? (storedContacts.get(r.customerId) ?? null)
        : null;
    const contactAfter = r.contact ? r.contact.after : contactBefore;
    changesByRow.set(
      r.row,
      diffCells(describe, before ? { fields: before, contact: contactBefore } : null, {
        fields: r.fields,
        contact: contactAfter,
      }),
    );
  }

  await withTenant(db, actor, async (tx) => {
    // Previews nobody committed are dropped once expired (RLS: only the caller's own).
    await tx
      .delete(customerImports)
      .where(and(eq(customerImports.tenantId, actor.tenantId), lt(customerImports.expiresAt, now)));
    errors.sort(
      (a, b) =>
        a.row - b.row ||
        csvColumns.indexOf(a.column as CsvColumn) - csvColumns.indexOf(b.column as CsvColumn),
    );
    await tx.insert(customerImports).values({
      tenantId: actor.tenantId,
      id: importId,
      createdBy: actor.userId,
      encoding: decoded.encoding,
      fileName: options.fileName ?? '',
      totalRows: dataRows.length,
      validRows: rows.length,
      errors,
      // A file with errors cannot be committed: keep only what the answer needs.
      rows: errors.length > 0 ? [] : (rows as unknown as Record<string, unknown>[]),
      expiresAt: new Date(now.getTime() + IMPORT_TTL_MS),
    });
  });

  const count = (action: ImportRow['action']) => rows.filter((r) => r.action === action).length;
  // Rows that change something first (up to the bound), then unchanged ones, in file order.
  const changed = rows.filter((r) => changesByRow.has(r.row));
  const unchanged = rows
    .filter((r) => r.action === 'unchanged')
    .slice(0, Math.max(0, MAX_PREVIEW_ROWS - changed.length));
  const sample = [...changed, ...unchanged].sort((a, b) => a.row - b.row);
  return {
    importId,
    totalRows: dataRows.length,
    validRows: rows.length,
    errorRows: dataRows.length - rows.length,
    errors: errors.map((e) => ({ row: e.row, column: e.column, message: e.message[locale] })),
    sample: sample.map((r) => ({
      row: r.row,
      action: r.action,
      code: r.code,
      name: r.fields.name,
      repId: r.fields.repId,
      areaId: r.fields.areaId,
      changes: changesByRow.get(r.row) ?? [],
    })),
    summary: { create: count('create'), update: count('update'), unchanged: count('unchanged') },
    ignoredColumns,
    encoding: decoded.encoding,
    geocoding,
  };
}

/** Row numbers of problems that are not one data row's: the header (row 1) and the whole file (0). */
const HEADER_ROW = 1;
const FILE_ROW = 0;

type Describe = (fields: CustomerFields, contact: CsvContact | null) => string[];

const contactOnly = (c: ContactFields): ContactFields => ({
  name: c.name,
  nameKana: c.nameKana,
  title: c.title,
  phone: c.phone,
  email: c.email,
  isPrimary: c.isPrimary,
});

/** Whether the row leaves the primary contact as stored (null: none). */
function sameContact(stored: ContactFields | null, after: ContactFields | null): boolean {
  if (stored === null || after === null) return stored === after;
  return (
    csvContactFields.every((k) => stored[k] === after[k]) &&
    stored.nameKana === after.nameKana &&
    stored.isPrimary === after.isPrimary
  );
}

/** The cells a customer's fields show as, with the rep's name and the area's name. */
function cellDescriber(
  staff: readonly { userId: string; name: string }[],
  tenantAreas: readonly { id: string; name: string }[],
): Describe {
  const repName = new Map(staff.map((s) => [s.userId, s.name]));
  const areaName = new Map(tenantAreas.map((a) => [a.id, a.name]));
  return (fields, contact) =>
    customerCells({
      ...fields,
      contact,
      code: '',
      repEmail: fields.repId === null ? '' : (repName.get(fields.repId) ?? fields.repId),
      areaName: fields.areaId === null ? '' : (areaName.get(fields.areaId) ?? ''),
    });
}

/**
 * What a row changes, column by column: against the stored customer, or, for a new one, the
 * columns that differ from the defaults (before is then null).
 */
function diffCells(
  describe: Describe,
  before: { fields: CustomerFields; contact: CsvContact | null } | null,
  after: { fields: CustomerFields; contact: CsvContact | null },
): ImportFieldChange[] {
  const was = before ? describe(before.fields, before.contact) : describe(customerDefaults, null);
  const now = describe(after.fields, after.contact);
  const changes: ImportFieldChange[] = [];
  csvColumns.forEach((column, i) => {
    if (column === '顧客コード' || was[i] === now[i]) return;
    changes.push({ column, before: before ? (was[i] as string) : null, after: now[i] as string });
  });
  return changes;
}
