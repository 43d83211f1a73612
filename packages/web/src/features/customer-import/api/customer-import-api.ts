import { apiFetch } from '../../../lib/http.ts';

export type ImportEncoding = 'auto' | 'sjis' | 'utf8';

export interface ImportRowError {
  /** 1-based data row (the header is not counted). */
  row: number;
  column: string;
  message: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

/** One of the first parsed rows, as it will be written. */
export interface ImportSampleRow {
  row?: number;
  action?: ImportAction;
  code?: string | null;
  name?: string;
  [column: string]: unknown;
}

export interface ImportPreview {
  importId: string;
  totalRows: number;
  validRows: number;
  /** Row 0 names a problem with the header (a missing column, no data rows). */
  errors: ImportRowError[];
  sample: ImportSampleRow[];
  summary?: { create: number; update: number; unchanged: number };
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
