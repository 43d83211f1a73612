import { apiFetch, buildQuery } from '../../../lib/http.ts';
import { type CustomerFilters, toCustomerQueryParams } from '../utils/customer-filters.ts';
import type { Area, Customer, CustomerInput, CustomerList, Order, UserSummary } from './customer-types.ts';

export const PAGE_SIZE = 50;

export const listCustomers = (
  filters: CustomerFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CustomerList> =>
  apiFetch<CustomerList>(
    `/api/customers${buildQuery({ ...toCustomerQueryParams(filters), cursor, limit: PAGE_SIZE })}`,
    { signal },
  );

export const getCustomer = (id: string, signal?: AbortSignal): Promise<Customer> =>
  apiFetch<Customer>(`/api/customers/${encodeURIComponent(id)}`, { signal });

export const listCustomerOrders = (id: string, signal?: AbortSignal): Promise<{ items: Order[] }> =>
  apiFetch<{ items: Order[] }>(`/api/customers/${encodeURIComponent(id)}/orders?limit=50`, { signal });

export const createCustomer = (input: CustomerInput): Promise<Customer> =>
  apiFetch<Customer>('/api/customers', { method: 'POST', body: input });

export const updateCustomer = (
  id: string,
  input: Partial<CustomerInput> & { version: number },
): Promise<Customer> =>
  apiFetch<Customer>(`/api/customers/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });

export const archiveCustomer = (id: string, version: number): Promise<Customer> =>
  apiFetch<Customer>(`/api/customers/${encodeURIComponent(id)}/archive`, {
    method: 'POST',
    body: { version },
  });

export const listAreas = (): Promise<{ items: Area[] }> => apiFetch<{ items: Area[] }>('/api/areas');

export const listReps = (): Promise<{ items: UserSummary[] }> =>
  apiFetch<{ items: UserSummary[] }>('/api/users?role=rep');
