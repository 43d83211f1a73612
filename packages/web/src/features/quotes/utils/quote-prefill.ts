import { maxQuantity } from '@kayoi/server/contracts';

/** At most this many products come prefilled from a link (a signal card has far fewer). */
export const MAX_PREFILL_PRODUCTS = 20;

/** A product id or code as a link names it: printable ASCII without a comma, as product codes are. */
const REF = /^[\x21-\x2B\x2D-\x7E]{1,100}$/;

const asText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map((v) => asText(v) ?? '').join(',');
  return undefined;
};

/**
 * The `products` search parameter of /quotes/new (comma-separated product ids or codes), as a
 * canonical string: blanks and malformed entries dropped, duplicates kept once, at most
 * MAX_PREFILL_PRODUCTS; undefined when nothing is left.
 */
export const parseProductsSearch = (value: unknown): string | undefined => {
  const text = asText(value);
  if (text === undefined || text.length > 4000) return undefined;
  const refs: string[] = [];
  for (const part of text.split(',')) {
    const ref = part.trim();
    if (!REF.test(ref) || refs.includes(ref)) continue;
    refs.push(ref);
    if (refs.length === MAX_PREFILL_PRODUCTS) break;
  }
  return refs.length > 0 ? refs.join(',') : undefined;
};

/**
 * The `qty` search parameter: comma-separated quantities in the order of `products`; an entry that
 * is not a whole number from 1 to the quote's maximum reads as 1.
 */
export const parseQtySearch = (value: unknown): string | undefined => {
  const text = asText(value);
  if (text === undefined || text.length > 400) return undefined;
  const quantities = text
    .split(',')
    .slice(0, MAX_PREFILL_PRODUCTS)
    .map((part) => {
      const n = /^\d{1,7}$/.test(part.trim()) ? Number(part.trim()) : Number.NaN;
      return n >= 1 && n <= maxQuantity ? n : 1;
    });
  return quantities.some((n) => n !== 1) ? quantities.join(',') : undefined;
};

export interface PrefillItem {
  /** A product id or code. */
  ref: string;
  quantity: number;
}

/** The products to add to a new quote, each with its quantity (1 when the link gives none). */
export const prefillItems = (products?: string, qty?: string): PrefillItem[] => {
  const refs = parseProductsSearch(products)?.split(',') ?? [];
  const quantities = (parseQtySearch(qty) ?? '').split(',').map(Number);
  return refs.map((ref, i) => ({ ref, quantity: quantities[i] || 1 }));
};

export interface NewQuoteLink {
  customerId: string;
  products?: string;
  qty?: string;
}

/** The /quotes/new search for a customer with these products (a signal card's 見積に追加 / 見積を作成). */
export const quoteLinkFor = (
  customerId: string,
  items: readonly { productId: string; quantity?: number }[],
): NewQuoteLink => {
  const picked = items
    .filter((item, i) => items.findIndex((other) => other.productId === item.productId) === i)
    .slice(0, MAX_PREFILL_PRODUCTS);
  const products = parseProductsSearch(picked.map((item) => item.productId).join(','));
  const qty = parseQtySearch(picked.map((item) => item.quantity ?? 1).join(','));
  return { customerId, ...(products ? { products } : {}), ...(qty ? { qty } : {}) };
};
