import type { QueryValue } from '../../../lib/http.ts';

/** What needs action on the desk (営業事務), each a list of quotes or orders. */
export const deskBuckets = ['toSend', 'expiring', 'toArrange', 'toDeliver', 'toInvoice'] as const;
export type DeskBucket = (typeof deskBuckets)[number];

/** The order status a bucket lists, and the one its bulk action moves the checked orders to. */
export const bucketOrderStatus = {
  toArrange: { list: 'ordered', next: 'arranged' },
  toDeliver: { list: 'arranged', next: 'delivered' },
  toInvoice: { list: 'delivered', next: 'invoiced' },
} as const;

export const isOrderBucket = (bucket: DeskBucket): bucket is keyof typeof bucketOrderStatus =>
  bucket in bucketOrderStatus;

/** The desk's filters as kept in the URL (`/desk?bucket=toArrange&repId=…&from=2026-11-01`). */
export interface DeskFilters {
  bucket?: DeskBucket;
  repId?: string;
  customerId?: string;
  from?: string;
  to?: string;
}

const text = (value: unknown, max = 100): string | undefined =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : undefined;
const date = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

/** Reads the desk's filters from untrusted URL search params, dropping anything unknown. */
export const parseDeskFilters = (search: Record<string, unknown>): DeskFilters => {
  const bucket = deskBuckets.find((b) => b === search.bucket);
  const filters: DeskFilters = {
    bucket,
    repId: text(search.repId),
    customerId: text(search.customerId),
    from: date(search.from),
    to: date(search.to),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as DeskFilters;
};

/** The filters the list and export endpoints take (rep, customer, period). */
export const deskQuery = (filters: DeskFilters): Record<string, QueryValue> => ({
  repId: filters.repId,
  customerId: filters.customerId,
  from: filters.from,
  to: filters.to,
});
