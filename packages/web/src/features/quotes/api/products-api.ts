import { ApiError } from '../../../lib/api-error.ts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';
import type { TaxRate } from './quote-types.ts';

/** What the quote editor reads of a catalog product (GET /api/products). */
export interface ProductOption {
  id: string;
  code: string;
  name: string;
  unit: string;
  /** List price, decimal yen ('1.5', '12800' or a number). */
  unitPrice: string | number;
  taxRate: TaxRate;
}

interface ProductRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  unitPrice?: string | number;
  listPrice?: string | number;
  taxRate?: TaxRate;
  taxCategory?: 'standard' | 'reduced';
  active?: boolean;
}

const toOption = (row: ProductRow): ProductOption => ({
  id: row.id,
  code: row.code,
  name: row.name,
  unit: row.unit,
  unitPrice: row.unitPrice ?? row.listPrice ?? '',
  taxRate: row.taxRate ?? (row.taxCategory === 'reduced' ? 8 : 10),
});

/** Active products matching `q` (code or name). */
export const searchProducts = async (q: string, signal?: AbortSignal): Promise<ProductOption[]> => {
  const page = await apiFetch<{ items: ProductRow[] }>(
    `/api/products${buildQuery({ q, active: 'true', limit: 20 })}`,
    {
      signal,
    },
  );
  return page.items.map(toOption);
};

/** GET /api/products/:id/price: what this customer pays today (special price, discount or list price). */
export interface CustomerUnitPrice {
  unitPrice: string;
  source: 'list' | 'customer_price' | 'discount';
  listPrice: string;
}

export const getCustomerUnitPrice = (productId: string, customerId: string, signal?: AbortSignal) =>
  apiFetch<CustomerUnitPrice>(
    `/api/products/${encodeURIComponent(productId)}/price${buildQuery({ customerId })}`,
    { signal },
  );

/** One product (GET /api/products/:id), active or not; null when the company has none with that id. */
export const getProductOption = async (
  id: string,
  signal?: AbortSignal,
): Promise<(ProductOption & { active: boolean }) | null> => {
  try {
    const row = await apiFetch<ProductRow>(`/api/products/${encodeURIComponent(id)}`, { signal });
    return { ...toOption(row), active: row.active !== false };
  } catch (error) {
    if (error instanceof ApiError && (error.isNotFound || error.status === 422)) return null;
    throw error;
  }
};

/** The product with exactly this code (case aside), active or not; null when there is none. */
export const findProductByCode = async (
  code: string,
  signal?: AbortSignal,
): Promise<(ProductOption & { active: boolean }) | null> => {
  const page = await apiFetch<{ items: ProductRow[] }>(`/api/products${buildQuery({ q: code, limit: 20 })}`, {
    signal,
  });
  const row = page.items.find((item) => item.code.toUpperCase() === code.toUpperCase());
  return row ? { ...toOption(row), active: row.active !== false } : null;
};
