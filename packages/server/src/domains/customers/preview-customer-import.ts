import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { type Actor, type Locale, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { areas } from '../../platform/db/schema/index.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { UNSTORABLE_GLOBAL, unstorableText } from '../../platform/http/unstorable-text.ts';
import { type CsvEncoding, decodeCsv, parseCsv, toShiftJisRepertoire } from './csv/csv-codec.ts';
import { type CsvColumn, columnOfField, csvColumns, csvRowToCustomer } from './csv/customer-csv-columns.ts';
import { fieldIssueText, importForbidden } from './customer-errors.ts';
import {
  type CustomerFields,
  customerDefaults,
  editableFieldNames,
  validateCustomerFields,
} from './customer-fields.ts';
import { IMPORT_TTL_MS, type ImportRow, MAX_IMPORT_ROWS, sameFields } from './customer-import-rows.ts';
import { customerScope } from './customer-scope.ts';
import { codesInUse, definedOnly } from './customer-writes.ts';
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
}

export interface ImportPreview {
  importId: string;
  totalRows: number;
  validRows: number;
  /** Every refused cell: 1-based data row (0 = header), the Japanese column name, a message. */
  errors: { row: number; column: string; message: string }[];
  /** The first rows as they will be written. */
  sample: {
    row: number;
    action: ImportRow['action'];
    code: string | null;
    name: string;
    repId: string | null;
    areaId: string | null;
  }[];
  /** How many rows create, update, or change nothing. */
  summary: { create: number; update: number; unchanged: number };
  encoding: CsvEncoding;
}

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
  const decoded = decodeCsv(options.file, options.encoding ?? 'auto');
  const [rawHeader = [], ...body] = parseCsv(decoded.text);
  const errors: StoredImportError[] = [];
  // A NUL (or a broken UTF-16 half) cannot be stored: refuse the cell, by row and column.
  const storable = (cell: string) => cell.replace(UNSTORABLE_GLOBAL, '');
  const header = rawHeader.map(storable);
  const dataRows = body
    .map((cells, i) => ({ row: i + 1, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ row, cells }) => ({
      row,
      cells: cells.map((cell, i) => {
        const clean = storable(cell);
        if (clean !== cell) errors.push({ row, column: header[i] || `${i + 1}`, message: unstorableText });
        return clean;
      }),
    }));

  const headerIndex = new Map(header.map((h, i) => [normalizeInput(h), i]));
  for (const column of csvColumns) {
    if (!headerIndex.has(column)) {
      errors.push({
        row: 0,
        column,
        message: text(`「${column}」列がありません。`, `Column "${column}" is missing.`),
      });
    }
  }
  if (dataRows.length === 0) {
    errors.push({
      row: 0,
      column: csvColumns[0],
      message: text('データ行がありません。', 'The file has no data rows.'),
    });
  }
  if (dataRows.length > MAX_IMPORT_ROWS) {
    errors.push({
      row: 0,
      column: csvColumns[0],
      message: text(
        `一度に取り込めるのは${MAX_IMPORT_ROWS}行までです。`,
        `At most ${MAX_IMPORT_ROWS} rows per file.`,
      ),
    });
  }

  const importId = randomUUID();
  const rows: ImportRow[] = [];
  await withTenant(db, actor, async (tx) => {
    if (!errors.some((e) => e.row === 0)) {
      const parsed = dataRows.map(({ row, cells }) => ({
        row,
        ...csvRowToCustomer((column: CsvColumn) => cells[headerIndex.get(column) as number] ?? ''),
      }));
      const codes = [...new Set(parsed.map((p) => p.code).filter((c) => c !== ''))];
      const staff = await loadAssignableStaff(tx, actor);
      const staffByEmail = new Map(staff.map((s) => [s.email.toLowerCase(), s]));
      const areaByName = new Map(
        (
          await tx
            .select({ id: areas.id, name: areas.name })
            .from(areas)
            .where(eq(areas.tenantId, actor.tenantId))
        ).map((a) => [normalizeInput(a.name), a.id]),
      );
      const visible = new Map<string, { id: string; version: number; fields: CustomerFields }>();
      for (let i = 0; i < codes.length; i += 1000) {
        const found = await tx
          .select()
          .from(customers)
          .where(and(customerScope(actor), inArray(customers.code, codes.slice(i, i + 1000))));
        for (const c of found) {
          const fields = Object.fromEntries(
            editableFieldNames.map((k) => [k, c[k]]),
          ) as unknown as CustomerFields;
          visible.set(c.code, { id: c.id, version: c.version, fields });
        }
      }
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

        let repId: string | null = null;
        if (p.repEmail !== '') {
          const member = staffByEmail.get(p.repEmail);
          if (!member) add('担当者メール', fieldIssueText('rep_unknown_email', { value: p.repEmail }));
          else if (member.userId !== existing?.fields.repId && !canAssignTo(actor, member)) {
            add('担当者メール', fieldIssueText('rep_not_assignable'));
          } else repId = member.userId;
        } else if (actor.role !== 'admin') {
          add('担当者メール', fieldIssueText('rep_required'));
        }
        let areaId: string | null = null;
        if (p.areaName !== '') {
          areaId = areaByName.get(p.areaName) ?? null;
          if (!areaId) add('エリア', fieldIssueText('area_unknown', { value: p.areaName }));
        }

        const base = existing?.fields ?? customerDefaults;
        const merged: CustomerFields = { ...base, ...definedOnly(p.fields), repId, areaId };
        if (existing && decoded.encoding === 'sjis') {
          for (const k of foldableFields) {
            const stored = existing.fields[k];
            if (merged[k] !== stored && toShiftJisRepertoire(stored).text === merged[k]) merged[k] = stored;
          }
        }
        const checked = validateCustomerFields(merged, undefined, p.code || undefined);
        for (const [path, message] of Object.entries(checked.errors)) add(columnOfField(path), message);

        if (rowErrors.length > 0) {
          errors.push(...rowErrors);
          continue;
        }
        rows.push({
          row: p.row,
          action: existing ? (sameFields(checked.value, existing.fields) ? 'unchanged' : 'update') : 'create',
          customerId: existing?.id ?? null,
          version: existing?.version ?? null,
          code: checked.code ?? null,
          fields: checked.value,
        });
      }
    }

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
  return {
    importId,
    totalRows: dataRows.length,
    validRows: rows.length,
    errors: errors.map((e) => ({ row: e.row, column: e.column, message: e.message[locale] })),
    sample: rows.slice(0, 20).map((r) => ({
      row: r.row,
      action: r.action,
      code: r.code,
      name: r.fields.name,
      repId: r.fields.repId,
      areaId: r.fields.areaId,
    })),
    summary: { create: count('create'), update: count('update'), unchanged: count('unchanged') },
    encoding: decoded.encoding,
  };
}
