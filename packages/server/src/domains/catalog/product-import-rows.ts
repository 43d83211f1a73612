import type { ProductFields } from './product-fields.ts';

/** How long a preview can be committed. */
export const PRODUCT_IMPORT_TTL_MS = 30 * 60 * 1000;
/** The most data rows one catalog file may hold. */
export const MAX_PRODUCT_IMPORT_ROWS = 10_000;
/** How many rows' changes one preview answer carries. */
export const MAX_PRODUCT_PREVIEW_ROWS = 200;

/** One validated CSV row as stored with the preview, ready to write. */
export interface ProductImportRow {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  action: 'create' | 'update' | 'unchanged';
  /** The product to update (update/unchanged); null for a new one. */
  productId: string | null;
  /** Its version at preview time: the commit refuses when it moved. */
  version: number | null;
  fields: ProductFields;
  /** The stored fields at preview (update/unchanged), for the audit trail. */
  before: ProductFields | null;
}
