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
