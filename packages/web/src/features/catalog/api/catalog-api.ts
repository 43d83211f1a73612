import type {
  CreatePriceEntryBody,
  CreateProductBody,
  PriceListEntry,
  PriceListPage,
  Product,
  ProductImportPreview,
  ProductImportResult,
  ProductPage,
  UpdatePriceEntryBody,
  UpdateProductBody,
} from '@kayoi/server/contracts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';
import { browserOffline, readSnapshot, snapshotKeys } from '../../offline/snapshots.ts';

export type ActiveFilter = 'true' | 'false' | 'all';

export interface CatalogFilters {
  q: string;
  active: ActiveFilter;
}

/**
 * With no signal, the catalog the morning download stored (active products), searched on the
 * phone: every word must appear in the code, name or furigana.
 */
const storedCatalogPage = async (filters: CatalogFilters): Promise<ProductPage | null> => {
  const stored = await readSnapshot<ProductPage>(snapshotKeys.catalog);
  if (!stored) return null;
  const words = filters.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return {
    ...stored,
    items: stored.items.filter((item) => {
      const text = `${item.code} ${item.name} ${item.nameKana ?? ''}`.toLowerCase();
      return words.every((word) => text.includes(word));
    }),
    nextCursor: null,
  };
};

/** GET /api/products: one page of the catalog in code order (offline: the stored catalog). */
export const listProducts = async (filters: CatalogFilters, cursor: string | null, signal?: AbortSignal) => {
  if (browserOffline() && cursor === null) {
    const stored = await storedCatalogPage(filters);
    if (stored) return stored;
  }
  return listProductsOnline(filters, cursor, signal);
};

const listProductsOnline = (filters: CatalogFilters, cursor: string | null, signal?: AbortSignal) =>
  apiFetch<ProductPage>(
    `/api/products${buildQuery({
      q: filters.q.trim(),
      active: filters.active === 'all' ? undefined : filters.active,
      cursor,
      limit: 50,
    })}`,
    { signal },
  );

export const getProduct = (id: string, signal?: AbortSignal) =>
  apiFetch<Product>(`/api/products/${encodeURIComponent(id)}`, { signal });

export const createProduct = (body: CreateProductBody, idempotencyKey?: string) =>
  apiFetch<Product>('/api/products', { method: 'POST', body, idempotencyKey });

export const updateProduct = (
  { id, body }: { id: string; body: UpdateProductBody },
  idempotencyKey?: string,
) => apiFetch<Product>(`/api/products/${encodeURIComponent(id)}`, { method: 'PATCH', body, idempotencyKey });

/** The download link of the filtered catalog (Shift_JIS for Excel, or UTF-8 with BOM). */
export const productExportUrl = (filters: CatalogFilters, encoding: 'sjis' | 'utf8') =>
  `/api/products/export.csv${buildQuery({
    q: filters.q.trim(),
    active: filters.active === 'all' ? undefined : filters.active,
    encoding,
  })}`;

/** GET /api/price-lists?productId=: a product's special prices and discounts. */
export const listProductPrices = (productId: string, signal?: AbortSignal) =>
  apiFetch<PriceListPage>(`/api/price-lists${buildQuery({ productId, limit: 200 })}`, { signal });

export const createPriceEntry = (body: CreatePriceEntryBody, idempotencyKey?: string) =>
  apiFetch<PriceListEntry>('/api/price-lists', { method: 'POST', body, idempotencyKey });

export const updatePriceEntry = (
  { id, body }: { id: string; body: UpdatePriceEntryBody },
  idempotencyKey?: string,
) =>
  apiFetch<PriceListEntry>(`/api/price-lists/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
    idempotencyKey,
  });

export const deletePriceEntry = ({ id, version }: { id: string; version: number }, idempotencyKey?: string) =>
  apiFetch<{ id: string }>(`/api/price-lists/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    body: { version },
    idempotencyKey,
  });

/** A customer to price, as the picker finds them (GET /api/customers?q=). */
export interface CustomerOption {
  id: string;
  code: string;
  name: string;
}

export const searchCustomers = async (q: string, signal?: AbortSignal): Promise<CustomerOption[]> => {
  const page = await apiFetch<{ items: CustomerOption[] }>(`/api/customers${buildQuery({ q, limit: 20 })}`, {
    signal,
  });
  return page.items.map((c) => ({ id: c.id, code: c.code, name: c.name }));
};

export type ImportEncoding = 'auto' | 'sjis' | 'utf8';

/** Uploads a catalog CSV for a dry run: nothing is saved, every refused cell is reported. */
export const previewProductImport = (file: File, encoding: ImportEncoding) => {
  const body = new FormData();
  body.set('file', file);
  body.set('encoding', encoding);
  return apiFetch<ProductImportPreview>('/api/products/import/preview', { method: 'POST', body });
};

/** Saves a previewed import in one transaction. */
export const commitProductImport = (importId: string, idempotencyKey?: string) =>
  apiFetch<ProductImportResult>(`/api/products/import/${encodeURIComponent(importId)}/commit`, {
    method: 'POST',
    body: {},
    idempotencyKey,
  });
