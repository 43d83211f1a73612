import { apiFetch, buildQuery } from '../../../lib/http.ts';
import type { Desk, OrderSummary, QuoteSummary } from '../../quotes/api/quote-types.ts';
import { type DeskBucket, type DeskFilters, deskBuckets, deskQuery } from '../utils/desk-filters.ts';

/** GET /api/desk: how many quotes and orders wait in each bucket, and the first of each. */
export interface DeskSummary {
  counts: Record<DeskBucket, number>;
  quotes: Partial<Record<'toSend' | 'expiring', QuoteSummary[]>>;
  orders: Partial<Record<'toArrange' | 'toDeliver' | 'toInvoice', OrderSummary[]>>;
}

const serverName = {
  toSend: 'quotesToSend',
  expiring: 'quotesExpiring',
  toArrange: 'ordersToArrange',
  toDeliver: 'ordersToDeliver',
  toInvoice: 'ordersToInvoice',
} as const satisfies Record<DeskBucket, keyof Desk['counts']>;

/** GET /api/desk for a rep, customer and period: the counts are of the same records the lists show. */
export const getDesk = async (filters: DeskFilters, signal?: AbortSignal): Promise<DeskSummary> => {
  const raw = await apiFetch<Desk>(`/api/desk${buildQuery(deskQuery(filters))}`, { signal });
  return {
    counts: Object.fromEntries(deskBuckets.map((b) => [b, raw.counts[serverName[b]] ?? 0])) as Record<
      DeskBucket,
      number
    >,
    quotes: { toSend: raw.quotesToSend, expiring: raw.quotesExpiring },
    orders: {
      toArrange: raw.ordersToArrange,
      toDeliver: raw.ordersToDeliver,
      toInvoice: raw.ordersToInvoice,
    },
  };
};

export const deskKeys = {
  all: ['desk'] as const,
  summary: (filters: DeskFilters) => ['desk', 'summary', filters] as const,
};
