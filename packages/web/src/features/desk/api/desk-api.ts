import { apiFetch, buildQuery } from '../../../lib/http.ts';
import type { OrderSummary, QuoteSummary } from '../../quotes/api/quote-types.ts';
import { type DeskBucket, type DeskFilters, deskBuckets, deskQuery } from '../utils/desk-filters.ts';

/** GET /api/desk: how many quotes and orders wait in each bucket, and the first of each. */
export interface DeskSummary {
  counts: Record<DeskBucket, number>;
  quotes: Partial<Record<'toSend' | 'expiring', QuoteSummary[]>>;
  orders: Partial<Record<'toArrange' | 'toDeliver' | 'toInvoice', OrderSummary[]>>;
}

type RawDesk = Record<string, unknown> & { counts?: Partial<Record<DeskBucket, number>> };

const listOf = <T>(raw: RawDesk, bucket: DeskBucket): T[] | undefined => {
  const value = raw[bucket] as unknown;
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items))
    return (value as { items: T[] }).items;
  return undefined;
};

const countOf = (raw: RawDesk, bucket: DeskBucket): number => {
  const counted = raw.counts?.[bucket];
  if (typeof counted === 'number') return counted;
  const value = raw[bucket] as { count?: number } | unknown[] | undefined;
  if (Array.isArray(value)) return value.length;
  return typeof value?.count === 'number' ? value.count : 0;
};

export const getDesk = async (filters: DeskFilters, signal?: AbortSignal): Promise<DeskSummary> => {
  const raw = await apiFetch<RawDesk>(`/api/desk${buildQuery(deskQuery(filters))}`, { signal });
  return {
    counts: Object.fromEntries(deskBuckets.map((b) => [b, countOf(raw, b)])) as Record<DeskBucket, number>,
    quotes: { toSend: listOf(raw, 'toSend'), expiring: listOf(raw, 'expiring') },
    orders: {
      toArrange: listOf(raw, 'toArrange'),
      toDeliver: listOf(raw, 'toDeliver'),
      toInvoice: listOf(raw, 'toInvoice'),
    },
  };
};

export const deskKeys = {
  all: ['desk'] as const,
  summary: (filters: DeskFilters) => ['desk', 'summary', filters] as const,
};
