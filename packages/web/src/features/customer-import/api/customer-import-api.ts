import { apiFetch } from '../../../lib/http.ts';

export type ImportEncoding = 'auto' | 'sjis' | 'utf8';

export interface ImportRowError {
  /** The row as a spreadsheet shows the file: the header is row 1, the first data row 2; 0 = the whole file. */
  row: number;
  column: string;
  message: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

/** One column a row changes, as the CSV spells it; `before` is null for a new customer. */
export interface ImportFieldChange {
  column: string;
  before: string | null;
  after: string;
}

/** A row as it will be written, with what it changes. */
export interface ImportSampleRow {
  row: number;
  action: ImportAction;
  code: string | null;
  name: string;
  changes: ImportFieldChange[];
}

export interface ImportPreview {
  importId: string;
  totalRows: number;
  validRows: number;
  /** Rows that cannot be imported (not the number of errors). */
  errorRows: number;
  errors: ImportRowError[];
  /** Every creating or updating row up to 200, then unchanged ones up to the same bound. */
  sample: ImportSampleRow[];
  summary: { create: number; update: number; unchanged: number };
  /** Header cells the import does not know (their cells are not read). */
  ignoredColumns: string[];
  /** Rows with a new or changed address (no 緯度/経度) geocoded at preview, and what was found. */
  geocoding?: {
    asked: number;
    banchi: number;
    chome: number;
    city: number;
    notFound: number;
    failed: number;
  };
}

export interface ImportResult {
  created: number;
  updated: number;
}

/** Uploads the CSV for a dry run: nothing is saved, every bad row and column is reported. */
export const previewCustomerImport = (file: File, encoding: ImportEncoding): Promise<ImportPreview> => {
  const body = new FormData();
  body.set('file', file);
  body.set('encoding', encoding);
  return apiFetch<ImportPreview>('/api/customers/import/preview', { method: 'POST', body });
};

/** Saves a previewed import in one transaction. */
export const commitCustomerImport = (importId: string, idempotencyKey?: string): Promise<ImportResult> =>
  apiFetch<ImportResult>(`/api/customers/import/${encodeURIComponent(importId)}/commit`, {
    method: 'POST',
    body: {},
    idempotencyKey,
  });
