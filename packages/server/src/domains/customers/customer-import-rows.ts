import type { ContactFields, CustomerFields } from './customer-fields.ts';
import type { GeoPrecision } from './customer-values.ts';

/** How long a preview can be committed. */
export const IMPORT_TTL_MS = 30 * 60 * 1000;
/** The most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 50_000;

/** One validated CSV row as stored with the preview, ready to write. */
export interface ImportRow {
  /** 1-based data row number. */
  row: number;
  action: 'create' | 'update' | 'unchanged';
  /** The customer to update (action update/unchanged). */
  customerId: string | null;
  /** Its version at preview time: the commit refuses if it moved. */
  version: number | null;
  /** null: generate the next code at commit. */
  code: string | null;
  fields: CustomerFields;
  /**
   * How the row's position was reached when the row sets it (geocoded at preview, or 緯度/経度
   * given → manual); absent: the stored precision stays.
   */
  position?: { geoPrecision: GeoPrecision; geocodedAt: string | null };
  /**
   * The primary contact when the row changes it (先方担当者 columns): `id` the stored one (null:
   * add it), `after` null: remove it. Absent: the contacts stay as stored.
   */
  contact?: { id: string | null; before: ContactFields | null; after: ContactFields | null };
}

/** A stored contact, as the import compares it. */
export interface StoredContact extends ContactFields {
  id: string;
}

/** JSON with object keys sorted: jsonb hands time windows back as {end, start}. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Same values, whatever the key order. */
export function sameFields(a: CustomerFields, b: CustomerFields): boolean {
  return (Object.keys(a) as (keyof CustomerFields)[]).every((k) => canonical(a[k]) === canonical(b[k]));
}
