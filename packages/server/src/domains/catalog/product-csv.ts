import type { LocalizedText } from '../../platform/errors.ts';
import { guardFormula, unguardFormula } from '../customers/csv/customer-csv-columns.ts';
import { csvClearMarkers } from '../customers/customer-values.ts';
import { normalizeInput } from '../customers/japanese-text.ts';
import { productCsvColumns } from './catalog-values.ts';
import { formatSen } from './money.ts';
import type { ProductFields } from './product-fields.ts';
import type { TaxCategory } from './tables.ts';

export { productCsvColumns };
export type ProductCsvColumn = (typeof productCsvColumns)[number];

const taxJa: Record<TaxCategory, string> = { standard: '標準10%', reduced: '軽減8%' };
const TAX_CELLS: Readonly<Record<string, TaxCategory>> = {
  '標準10%': 'standard',
  標準: 'standard',
  '10%': 'standard',
  '10': 'standard',
  standard: 'standard',
  '軽減8%': 'reduced',
  軽減: 'reduced',
  '8%': 'reduced',
  '8': 'reduced',
  reduced: 'reduced',
  '※': 'reduced',
};
const ACTIVE_CELLS: Readonly<Record<string, boolean>> = {
  有効: true,
  販売中: true,
  active: true,
  無効: false,
  停止: false,
  販売停止: false,
  inactive: false,
};

/** Which column a validation error on a product field belongs to. */
export function columnOfProductField(field: string): ProductCsvColumn {
  const map: Record<string, ProductCsvColumn> = {
    code: '商品コード',
    name: '商品名',
    nameKana: 'フリガナ',
    category: '分類',
    unit: '単位',
    unitPrice: '単価',
    taxCategory: '税区分',
    active: '状態',
  };
  return map[field] ?? '商品コード';
}

/** A product as the CSV's cells, unguarded (what the preview shows as old → new). */
export function productCells(p: ProductFields): string[] {
  return [
    p.code,
    p.name,
    p.nameKana,
    p.category,
    p.unit,
    formatSen(p.unitPriceSen),
    taxJa[p.taxCategory],
    p.active ? '有効' : '無効',
  ];
}

/** A product as an exported CSV row (formula-like cells guarded for Excel). */
export const productToCsvRow = (p: ProductFields) => productCells(p).map(guardFormula);

/** One CSV row read back: the fields it sets (a blank cell is left out: keep the stored value). */
export interface ParsedProductRow {
  code: string;
  fields: {
    name?: string;
    nameKana?: string;
    category?: string;
    unit?: string;
    /** The cell as typed, less thousands separators and ¥/円. */
    unitPrice?: string;
    taxCategory?: TaxCategory;
    active?: boolean;
  };
  /** Fields whose cell holds (削除) / (clear): emptied (only フリガナ and 分類 can be). */
  cleared: ('nameKana' | 'category')[];
  errors: { column: ProductCsvColumn; message: LocalizedText }[];
}

const clearMarkers = new Set<string>(csvClearMarkers);

/**
 * Reads one row: `cell(column)` gives the row's cell of that column, or undefined when the file
 * has no such column. Choices (税区分, 状態) are read in Japanese or English.
 */
export function csvRowToProduct(cell: (column: ProductCsvColumn) => string | undefined): ParsedProductRow {
  const row: ParsedProductRow = { code: '', fields: {}, cleared: [], errors: [] };
  const read = (column: ProductCsvColumn) => {
    const raw = cell(column);
    return raw === undefined ? '' : unguardFormula(raw).trim();
  };
  const refuse = (column: ProductCsvColumn, message: LocalizedText) => row.errors.push({ column, message });
  row.code = normalizeInput(read('商品コード'));
  const text = (column: ProductCsvColumn, field: 'name' | 'nameKana' | 'category' | 'unit') => {
    const value = read(column);
    if (value === '') return;
    if (clearMarkers.has(normalizeInput(value))) {
      if (field === 'nameKana' || field === 'category') row.cleared.push(field);
      else refuse(column, { ja: 'この列は空にできません。', en: 'This column cannot be emptied.' });
      return;
    }
    row.fields[field] = value;
  };
  text('商品名', 'name');
  text('フリガナ', 'nameKana');
  text('分類', 'category');
  text('単位', 'unit');
  const price = normalizeInput(read('単価'));
  if (price !== '')
    row.fields.unitPrice = price
      .replace(/^[¥￥]/, '')
      .replace(/円$/, '')
      .replaceAll(',', '');
  const tax = normalizeInput(read('税区分')).replaceAll(' ', '');
  if (tax !== '') {
    const category = TAX_CELLS[tax.toLowerCase()] ?? TAX_CELLS[tax];
    if (category) row.fields.taxCategory = category;
    else
      refuse('税区分', {
        ja: '税区分は「標準10%」か「軽減8%」で入力してください。',
        en: 'Tax category: 標準10% (standard) or 軽減8% (reduced).',
      });
  }
  const active = normalizeInput(read('状態'));
  if (active !== '') {
    const value = ACTIVE_CELLS[active.toLowerCase()] ?? ACTIVE_CELLS[active];
    if (value !== undefined) row.fields.active = value;
    else
      refuse('状態', {
        ja: '状態は「有効」か「無効」で入力してください。',
        en: 'Status: 有効 (on sale) or 無効 (off sale).',
      });
  }
  return row;
}
