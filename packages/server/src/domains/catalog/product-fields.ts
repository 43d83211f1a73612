import { hiraganaToKatakana, isKatakanaReading, normalizeInput } from '../customers/japanese-text.ts';
import { type CatalogFieldErrors, type CatalogFieldIssue, catalogIssueText } from './catalog-errors.ts';
import { taxCategories } from './catalog-values.ts';
import { formatSen, toSenOrNull } from './money.ts';
import type { TaxCategory } from './tables.ts';

/** A product's editable fields as stored (the price in sen). */
export interface ProductFields {
  code: string;
  name: string;
  nameKana: string;
  category: string;
  unit: string;
  unitPriceSen: number;
  taxCategory: TaxCategory;
  active: boolean;
}

/** The fields before the rules: what the API or a CSV row gives over what is stored. */
export interface ProductDraft {
  code: string;
  name: string;
  nameKana: string;
  category: string;
  unit: string;
  /** Decimal yen: a JSON number, a CSV cell, or the stored value as a string. */
  unitPrice: number | string | null;
  taxCategory: string;
  active: boolean;
}

export const MAX_CODE = 32;
export const MAX_NAME = 200;
export const MAX_CATEGORY = 50;
export const MAX_UNIT = 20;

const CODE = /^[\x21-\x7E]+$/;

/** The stored product as a draft (for a PATCH or a CSV row to change some fields of). */
export function draftOf(fields: ProductFields): ProductDraft {
  const { unitPriceSen, ...rest } = fields;
  return { ...rest, unitPrice: formatSen(unitPriceSen) };
}

/**
 * Checks and normalises a product: the code (ASCII, no spaces, ≤ 32; full-width letters are
 * folded), the name and unit (required), the furigana (katakana; hiragana is converted), the
 * unit price (0..10,000,000 yen, at most two decimals), the tax category. Every refused field is
 * named with a message in both languages.
 */
export function validateProductFields(draft: ProductDraft): {
  value: ProductFields;
  errors: CatalogFieldErrors;
} {
  const errors: CatalogFieldErrors = {};
  const add = (field: string, issue: CatalogFieldIssue, max?: number) => {
    errors[field] ??= catalogIssueText(issue, max === undefined ? {} : { max });
  };
  const text = (field: string, raw: string, max: number, required: boolean) => {
    const value = raw.trim();
    if (required && value === '') add(field, 'required');
    else if (value.length > max) add(field, 'too_long', max);
    return value;
  };
  const code = normalizeInput(draft.code);
  if (code === '') add('code', 'required');
  else if (code.length > MAX_CODE || !CODE.test(code)) add('code', 'code_format');
  const nameKana = hiraganaToKatakana(normalizeInput(draft.nameKana));
  if (nameKana.length > MAX_NAME) add('nameKana', 'too_long', MAX_NAME);
  else if (!isKatakanaReading(nameKana)) add('nameKana', 'kana_only');
  const sen = draft.unitPrice === null ? null : toSenOrNull(draft.unitPrice);
  if (draft.unitPrice === null || draft.unitPrice === '') add('unitPrice', 'required');
  else if (sen === null) add('unitPrice', 'price_format');
  if (!(taxCategories as readonly string[]).includes(draft.taxCategory)) add('taxCategory', 'invalid_choice');
  const value: ProductFields = {
    code,
    name: text('name', draft.name, MAX_NAME, true),
    nameKana,
    category: text('category', draft.category, MAX_CATEGORY, false),
    unit: text('unit', draft.unit, MAX_UNIT, true),
    unitPriceSen: sen ?? 0,
    taxCategory: draft.taxCategory as TaxCategory,
    active: draft.active,
  };
  return { value, errors };
}

/** Whether two products' fields are the same. */
export const sameProductFields = (a: ProductFields, b: ProductFields) =>
  (Object.keys(a) as (keyof ProductFields)[]).every((k) => a[k] === b[k]);
