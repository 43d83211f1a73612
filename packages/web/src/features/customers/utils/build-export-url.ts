import { buildQuery } from '../../../lib/http.ts';
import type { CustomerFilters } from './customer-filters.ts';
import { toCustomerQueryParams } from './customer-filters.ts';

export type ExportEncoding = 'sjis' | 'utf8';

/**
 * URL of the CSV export for the current filters. Shift_JIS is the default because Excel on
 * Japanese Windows opens it without garbling.
 * `buildExportUrl({ rank: 'A' }, 'sjis')` → `/api/customers/export.csv?encoding=sjis&rank=A&sort=name`.
 */
export const buildExportUrl = (filters: CustomerFilters, encoding: ExportEncoding = 'sjis'): string =>
  `/api/customers/export.csv${buildQuery({ encoding, ...toCustomerQueryParams(filters) })}`;
