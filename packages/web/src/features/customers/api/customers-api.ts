import { apiFetch, buildQuery } from '../../../lib/http.ts';
import { offlineFirst, snapshotKeys } from '../../offline/snapshots.ts';
import { type CustomerFilters, toCustomerQueryParams } from '../utils/customer-filters.ts';
import type {
  Area,
  Customer,
  CustomerFigures,
  CustomerHistory,
  CustomerInput,
  CustomerList,
  ExportCheck,
  Order,
  PositionIssues,
  UserSummary,
} from './customer-types.ts';

export const PAGE_SIZE = 50;
export const HISTORY_PAGE_SIZE = 50;

export const listCustomers = (
  filters: CustomerFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CustomerList> =>
  apiFetch<CustomerList>(
    `/api/customers${buildQuery({ ...toCustomerQueryParams(filters), cursor, limit: PAGE_SIZE })}`,
    { signal },
  );

/** One customer's カルテ; with no signal, the copy the morning download stored for the day's stops. */
export const getCustomer = (id: string, signal?: AbortSignal): Promise<Customer> =>
  offlineFirst(snapshotKeys.customer(id), () =>
    apiFetch<Customer>(`/api/customers/${encodeURIComponent(id)}`, { signal }),
  );

export const ORDERS_PAGE_SIZE = 50;

export const listCustomerOrders = (
  id: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<{ items: Order[]; nextCursor: string | null }> =>
  apiFetch<{ items: Order[]; nextCursor: string | null }>(
    `/api/customers/${encodeURIComponent(id)}/orders${buildQuery({ limit: ORDERS_PAGE_SIZE, cursor })}`,
    { signal },
  );

/** The カルテ's figures per period and what the customer usually buys. */
export const getCustomerFigures = (id: string, signal?: AbortSignal): Promise<CustomerFigures> =>
  apiFetch<CustomerFigures>(`/api/customers/${encodeURIComponent(id)}/figures`, { signal });

export const getCustomerHistory = (
  id: string,
  before: number | null,
  signal?: AbortSignal,
): Promise<CustomerHistory> =>
  apiFetch<CustomerHistory>(
    `/api/customers/${encodeURIComponent(id)}/history${buildQuery({ limit: HISTORY_PAGE_SIZE, before })}`,
    { signal },
  );

// Writes take the Idempotency-Key of the user action they belong to (see createIdempotentAction).

export const createCustomer = (input: CustomerInput, idempotencyKey?: string): Promise<Customer> =>
  apiFetch<Customer>('/api/customers', { method: 'POST', body: input, idempotencyKey });

export const updateCustomer = (
  id: string,
  input: Partial<CustomerInput> & { version: number },
  idempotencyKey?: string,
): Promise<Customer> =>
  apiFetch<Customer>(`/api/customers/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: input,
    idempotencyKey,
  });

export const archiveCustomer = (id: string, version: number, idempotencyKey?: string): Promise<Customer> =>
  apiFetch<Customer>(`/api/customers/${encodeURIComponent(id)}/archive`, {
    method: 'POST',
    body: { version },
    idempotencyKey,
  });

/** Brings an archived customer back (managers and admins). */
export const restoreCustomer = (id: string, version: number, idempotencyKey?: string): Promise<Customer> =>
  apiFetch<Customer>(`/api/customers/${encodeURIComponent(id)}/restore`, {
    method: 'POST',
    body: { version },
    idempotencyKey,
  });

/** What a Shift_JIS export of these filters would write as 〓, by row. */
export const checkExport = (filters: CustomerFilters, signal?: AbortSignal): Promise<ExportCheck> => {
  const { sort: _sort, ...query } = toCustomerQueryParams(filters);
  return apiFetch<ExportCheck>(`/api/customers/export-check${buildQuery(query)}`, { signal });
};

/** 位置を再取得: geocodes the customer's address again (with the version read). */
export const relocateCustomer = (id: string, version: number, idempotencyKey?: string): Promise<Customer> =>
  apiFetch<Customer>(`/api/customers/${encodeURIComponent(id)}/geocode`, {
    method: 'POST',
    body: { version },
    idempotencyKey,
  });

/** How many customers of the caller's book have no usable position. */
export const getPositionIssues = (signal?: AbortSignal): Promise<PositionIssues> =>
  apiFetch<PositionIssues>('/api/customers/position-issues', { signal });

export const listAreas = (): Promise<{ items: Area[] }> => apiFetch<{ items: Area[] }>('/api/areas');

export const listReps = (): Promise<{ items: UserSummary[] }> =>
  apiFetch<{ items: UserSummary[] }>('/api/users?role=rep');
