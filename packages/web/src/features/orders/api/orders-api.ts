import { apiFetch, buildQuery, type QueryValue } from '../../../lib/http.ts';
import type { Order, OrderListQuery, OrderStatus, OrderSummary, Page } from '../../quotes/api/quote-types.ts';

const path = (id: string, rest = '') => `/api/orders/${encodeURIComponent(id)}${rest}`;

export const listOrders = (query: OrderListQuery, signal?: AbortSignal): Promise<Page<OrderSummary>> =>
  apiFetch<Page<OrderSummary>>(
    `/api/orders${buildQuery({ limit: 50, ...(query as Record<string, QueryValue>) })}`,
    { signal },
  );

export const getOrder = (id: string, signal?: AbortSignal): Promise<Order> =>
  apiFetch<Order>(path(id), { signal });

export const changeOrderStatus = (
  id: string,
  body: { version: number; status: OrderStatus; reason?: string },
) => apiFetch<Order>(path(id, '/status'), { method: 'POST', body });

export const bulkOrderStatus = (ids: string[], status: OrderStatus) =>
  apiFetch<unknown>('/api/orders/bulk-status', { method: 'POST', body: { ids, status } });

export const orderConfirmationUrl = (id: string) => path(id, '/confirmation.pdf');

export const orderExportUrl = (query: OrderListQuery, encoding: 'utf8' | 'sjis') =>
  `/api/orders/export.csv${buildQuery({ ...(query as Record<string, QueryValue>), encoding })}`;

export const orderKeys = {
  all: ['orders'] as const,
  lists: ['orders', 'list'] as const,
  list: (query: OrderListQuery) => ['orders', 'list', query] as const,
  one: (id: string) => ['orders', 'one', id] as const,
};
