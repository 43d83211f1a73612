import { csvColumns } from '@kayoi/server/contracts';
import type { ImportRowError } from '../api/customer-import-api.ts';

/** The CSV header row the server accepts, in order. */
export const IMPORT_COLUMNS = csvColumns;

/**
 * An empty import template: the header row only, UTF-8 with a byte order mark so Excel detects the
 * encoding, CRLF line ending.
 */
export const buildImportTemplate = (): string => `\uFEFF${IMPORT_COLUMNS.join(',')}\r\n`;

/** Errors grouped by data row, then column, for highlighting preview cells. */
export const indexImportErrors = (errors: ImportRowError[]): Map<number, Map<string, string>> => {
  const index = new Map<number, Map<string, string>>();
  for (const error of errors) {
    const columns = index.get(error.row) ?? new Map<string, string>();
    const existing = columns.get(error.column);
    columns.set(error.column, existing ? `${existing} / ${error.message}` : error.message);
    index.set(error.row, columns);
  }
  return index;
};

/** Errors in reading order: by row, then by the column's position in the header. */
export const sortImportErrors = (errors: ImportRowError[]): ImportRowError[] => {
  const position = (column: string) => {
    const found = (IMPORT_COLUMNS as readonly string[]).indexOf(column);
    return found === -1 ? IMPORT_COLUMNS.length : found;
  };
  return [...errors].sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
};
