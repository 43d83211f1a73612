/**
 * The catalog's fixed value lists. Pure data that imports nothing, so the web app can use it
 * through `@kayoi/server/contracts` without pulling in server code.
 */

/** 標準税率 10% or 軽減税率 8% (food and drink such as coffee and bottled water). */
export const taxCategories = ['standard', 'reduced'] as const;

/** The consumption tax rate (percent) of each tax category. */
export const taxRateOfCategory = { standard: 10, reduced: 8 } as const;

/** Where a unit price came from: the catalog, a special price for the customer (or its rank), a discount. */
export const priceSources = ['list', 'customer_price', 'discount'] as const;

/**
 * The catalog CSV's columns, in order: export writes them, import reads them (by header, any
 * order; 商品コード is required, a blank cell or a missing column keeps the stored value).
 */
export const productCsvColumns = [
  '商品コード',
  '商品名',
  'フリガナ',
  '分類',
  '単位',
  '単価',
  '税区分',
  '状態',
] as const;
