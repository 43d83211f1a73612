import { describe, expect, it } from 'vitest';
import {
  MAX_PREFILL_PRODUCTS,
  parseProductsSearch,
  parseQtySearch,
  prefillItems,
  quoteLinkFor,
} from './quote-prefill.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the products of a /quotes/new link', () => {
  it('keeps ids and codes in order, trimmed, each once; drops blanks and malformed entries', () => {
    expect(parseProductsSearch(` ${id(1)}, PA-A4-2500 ,,${id(1)},コピー用紙,a b`)).toBe(
      `${id(1)},PA-A4-2500`,
    );
    expect(parseProductsSearch(12345)).toBe('12345');
    expect(parseProductsSearch(['TN-BK', 'IK-4C-PK'])).toBe('TN-BK,IK-4C-PK');
  });

  it('is bounded: at most 20 products, no over-long entry, nothing from a huge parameter', () => {
    const many = Array.from({ length: 50 }, (_, i) => id(i)).join(',');
    expect(parseProductsSearch(many)?.split(',')).toHaveLength(MAX_PREFILL_PRODUCTS);
    expect(parseProductsSearch('X'.repeat(101))).toBeUndefined();
    expect(parseProductsSearch(`A,${'B'.repeat(5000)}`)).toBeUndefined();
    expect(parseProductsSearch('')).toBeUndefined();
    expect(parseProductsSearch({ not: 'a list' })).toBeUndefined();
  });

  it('reads quantities in the same order, 1 where a quantity is missing or not a whole number from 1', () => {
    expect(parseQtySearch('3,x,0,2.5,12')).toBe('3,1,1,1,12');
    expect(parseQtySearch('1,1')).toBeUndefined();
    expect(parseQtySearch(9_999_999_999)).toBeUndefined();
    expect(prefillItems('A,B,C', '4,,2')).toEqual([
      { ref: 'A', quantity: 4 },
      { ref: 'B', quantity: 1 },
      { ref: 'C', quantity: 2 },
    ]);
    expect(prefillItems(undefined, '3')).toEqual([]);
  });

  it('builds the link a signal card opens: the customer, its products and their usual quantities', () => {
    expect(
      quoteLinkFor('c1', [
        { productId: id(1), quantity: 2 },
        { productId: id(2) },
        { productId: id(1), quantity: 9 },
      ]),
    ).toEqual({ customerId: 'c1', products: `${id(1)},${id(2)}`, qty: '2,1' });
    expect(quoteLinkFor('c1', [{ productId: id(3), quantity: 1 }])).toEqual({
      customerId: 'c1',
      products: id(3),
    });
    expect(quoteLinkFor('c1', [])).toEqual({ customerId: 'c1' });
  });
});
