import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { type Actor, type Locale, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { UNSTORABLE_GLOBAL, unstorableText } from '../../platform/http/unstorable-text.ts';
import {
  type CsvEncoding,
  decodeCsv,
  notTextReason,
  parseCsv,
  toShiftJisRepertoire,
} from '../customers/csv/csv-codec.ts';
import { notCsv } from '../customers/import-errors.ts';
import { normalizeInput } from '../customers/japanese-text.ts';
import { catalogIssueText, noCatalogHeader } from './catalog-errors.ts';
import type { ProductImportPreviewView } from './catalog-schemas.ts';
import {
  columnOfProductField,
  csvRowToProduct,
  type ProductCsvColumn,
  productCells,
  productCsvColumns,
} from './product-csv.ts';
import { draftOf, type ProductFields, sameProductFields, validateProductFields } from './product-fields.ts';
import {
  MAX_PRODUCT_IMPORT_ROWS,
  MAX_PRODUCT_PREVIEW_ROWS,
  PRODUCT_IMPORT_TTL_MS,
  type ProductImportRow,
} from './product-import-rows.ts';
import { fieldsOfRow } from './product-view.ts';
import { assertCatalogWriter, newProductDraft } from './product-writes.ts';
import { productImports, products } from './tables.ts';

export interface PreviewProductImportOptions {
  db: Db;
  actor: Actor;
  locale: Locale;
  file: Uint8Array;
  fileName?: string;
  /** auto (default): UTF-8 when the bytes are valid UTF-8 (BOM or not), else Shift_JIS. */
  encoding?: CsvEncoding | 'auto';
  now?: Date;
}

type StoredError = { row: number; column: string; message: LocalizedText };

/** Row numbers of problems that are not one data row's: the header (row 1) and the whole file (0). */
const HEADER_ROW = 1;
const FILE_ROW = 0;

/** Text fields Shift_JIS may have folded (〜→～, 𠮷→〓): unchanged when they fold to the file's value. */
const foldable = ['name', 'nameKana', 'category', 'unit'] as const;

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

/**
 * Reads and checks a catalog CSV without changing any product (managers and admins). Columns as
 * the export writes them, by header, any order; 商品コード names the product: a code in the
 * catalog updates it (a blank cell keeps the stored value, (削除) empties フリガナ or 分類), a new
 * code creates one (商品名, 単位 and 単価 required). Every row is checked with the rules of the
 * API; the answer lists each refused cell by spreadsheet row and column in the caller's
 * language, and each row's changes old → new. The checked rows are stored server-side for
 * {@link commitProductImport}. A file that is not CSV text is refused as such (422 not_csv).
 */
export async function previewProductImport(
  options: PreviewProductImportOptions,
): Promise<ProductImportPreviewView> {
  const { db, actor, locale } = options;
  assertCatalogWriter(actor);
  const now = options.now ?? new Date();
  const notText = notTextReason(options.file);
  if (notText) throw notCsv(notText);
  const decoded = decodeCsv(options.file, options.encoding ?? 'auto');
  const [rawHeader = [], ...body] = parseCsv(decoded.text, { keepEmptyLines: true });
  const errors: StoredError[] = [];
  const storable = (cell: string) => cell.replace(UNSTORABLE_GLOBAL, '');
  const header = rawHeader.map(storable);
  const known = new Set<string>(productCsvColumns);
  const headerIndex = new Map<ProductCsvColumn, number>();
  const ignoredColumns: string[] = [];
  header.forEach((raw, i) => {
    const name = normalizeInput(raw);
    if (!known.has(name)) {
      if (name !== '' && ignoredColumns.length < 20) ignoredColumns.push(raw.trim().slice(0, 40));
    } else if (headerIndex.has(name as ProductCsvColumn)) {
      errors.push({
        row: HEADER_ROW,
        column: name,
        message: text(`「${name}」列が2つあります。`, `Column "${name}" appears twice.`),
      });
    } else headerIndex.set(name as ProductCsvColumn, i);
  });
  if (headerIndex.size === 0) {
    if (decoded.text.includes('\uFFFD')) throw notCsv('binary');
    throw noCatalogHeader();
  }
  if (!headerIndex.has('商品コード'))
    errors.push({
      row: HEADER_ROW,
      column: '商品コード',
      message: text(
        '「商品コード」列がありません（どの商品の行かを決める列です）。',
        'Column "商品コード" is missing (it says which product a row is).',
      ),
    });
  const dataRows = body
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
  if (dataRows.length === 0)
    errors.push({
      row: FILE_ROW,
      column: '商品コード',
      message: text('データ行がありません。', 'The file has no data rows.'),
    });
  if (dataRows.length > MAX_PRODUCT_IMPORT_ROWS)
    errors.push({
      row: FILE_ROW,
      column: '商品コード',
      message: text(
        `一度に取り込めるのは${MAX_PRODUCT_IMPORT_ROWS}行までです。`,
        `At most ${MAX_PRODUCT_IMPORT_ROWS} rows per file.`,
      ),
    });
  const fileErrors = errors.some((e) => e.row <= HEADER_ROW);

  const importId = randomUUID();
  const rows: ProductImportRow[] = [];
  await withTenant(db, actor, async (tx) => {
    if (!fileErrors) {
      const parsed = dataRows.map(({ row, cells }) => ({
        row,
        ...csvRowToProduct((column) => {
          const i = headerIndex.get(column);
          return i === undefined ? undefined : (cells[i] ?? '');
        }),
      }));
      const codes = [...new Set(parsed.map((p) => p.code).filter((c) => c !== ''))];
      const stored = new Map<string, { id: string; version: number; fields: ProductFields }>();
      for (let i = 0; i < codes.length; i += 1000) {
        const found = await tx
          .select()
          .from(products)
          .where(
            and(eq(products.tenantId, actor.tenantId), inArray(products.code, codes.slice(i, i + 1000))),
          );
        for (const p of found) stored.set(p.code, { id: p.id, version: p.version, fields: fieldsOfRow(p) });
      }
      const seen = new Set<string>();
      for (const p of parsed) {
        const rowErrors: StoredError[] = p.errors.map((e) => ({ row: p.row, ...e }));
        const add = (column: string, message: LocalizedText) => {
          if (!rowErrors.some((e) => e.column === column)) rowErrors.push({ row: p.row, column, message });
        };
        if (p.code === '') add('商品コード', catalogIssueText('required'));
        else if (seen.has(p.code))
          add('商品コード', catalogIssueText('code_duplicate_in_file', { value: p.code }));
        seen.add(p.code);
        const existing = stored.get(p.code);
        const base = existing ? draftOf(existing.fields) : { ...newProductDraft, code: p.code };
        const draft = { ...base, ...p.fields, code: existing ? existing.fields.code : p.code };
        for (const field of p.cleared) draft[field] = '';
        if (existing && decoded.encoding === 'sjis') {
          for (const k of foldable) {
            const was = existing.fields[k];
            if (draft[k] !== was && toShiftJisRepertoire(was).text === draft[k]) draft[k] = was;
          }
        }
        const checked = validateProductFields(draft);
        if (existing) {
          // A stored value that predates a rule does not block a row that leaves it alone.
          const touched = new Set<string>([...Object.keys(p.fields), ...p.cleared]);
          const storedErrors = validateProductFields(draftOf(existing.fields)).errors;
          for (const field of Object.keys(checked.errors))
            if (!touched.has(field) && storedErrors[field]?.en === checked.errors[field]?.en)
              delete checked.errors[field];
        }
        for (const [field, message] of Object.entries(checked.errors))
          add(columnOfProductField(field), message);
        if (rowErrors.length > 0) {
          errors.push(...rowErrors);
          continue;
        }
        rows.push({
          row: p.row,
          action: existing
            ? sameProductFields(existing.fields, checked.value)
              ? 'unchanged'
              : 'update'
            : 'create',
          productId: existing?.id ?? null,
          version: existing?.version ?? null,
          fields: checked.value,
          before: existing?.fields ?? null,
        });
      }
    }
    // Previews nobody committed are dropped once expired (RLS: only the caller's own).
    await tx
      .delete(productImports)
      .where(and(eq(productImports.tenantId, actor.tenantId), lt(productImports.expiresAt, now)));
    errors.sort(
      (a, b) =>
        a.row - b.row ||
        productCsvColumns.indexOf(a.column as ProductCsvColumn) -
          productCsvColumns.indexOf(b.column as ProductCsvColumn),
    );
    await tx.insert(productImports).values({
      tenantId: actor.tenantId,
      id: importId,
      createdBy: actor.userId,
      encoding: decoded.encoding,
      fileName: (options.fileName ?? '').slice(0, 255),
      totalRows: dataRows.length,
      validRows: rows.length,
      errors,
      // A file with errors cannot be committed: keep only what the answer needs.
      rows: errors.length > 0 ? [] : (rows as unknown as Record<string, unknown>[]),
      expiresAt: new Date(now.getTime() + PRODUCT_IMPORT_TTL_MS),
    });
  });

  const count = (action: ProductImportRow['action']) => rows.filter((r) => r.action === action).length;
  const changed = rows.filter((r) => r.action !== 'unchanged').slice(0, MAX_PRODUCT_PREVIEW_ROWS);
  const unchanged = rows
    .filter((r) => r.action === 'unchanged')
    .slice(0, Math.max(0, MAX_PRODUCT_PREVIEW_ROWS - changed.length));
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
      code: r.fields.code,
      name: r.fields.name,
      changes: diffCells(r.before, r.fields),
    })),
    summary: { create: count('create'), update: count('update'), unchanged: count('unchanged') },
    ignoredColumns,
    encoding: decoded.encoding,
  };
}

/** What a row changes, column by column (a new product: every column it fills, before null). */
function diffCells(before: ProductFields | null, after: ProductFields) {
  const was = productCells(before ?? validateProductFields(newProductDraft).value);
  const now = productCells(after);
  const changes: { column: string; before: string | null; after: string }[] = [];
  productCsvColumns.forEach((column, i) => {
    if (column === '商品コード') return;
    if (before && was[i] === now[i]) return;
    if (!before && (now[i] ?? '') === '') return;
    changes.push({ column, before: before ? (was[i] as string) : null, after: now[i] as string });
  });
  return changes;
}
