import { emptyLine, type LineValues, productLinePatch } from '../utils/quote-form.ts';
import type { PrefillItem } from '../utils/quote-prefill.ts';
import { findProductByCode, getCustomerUnitPrice, getProductOption } from './products-api.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SkippedProduct {
  ref: string;
  /** unknown: no product with that id or code; inactive: the product is no longer sold. */
  reason: 'unknown' | 'inactive';
  /** The product's name when it exists (inactive). */
  name?: string;
}

export interface PrefilledLines {
  lines: LineValues[];
  skipped: SkippedProduct[];
}

/**
 * The quote lines for products named by a link (ids or codes), each priced as the line editor
 * prices a picked product: at what this customer pays (special price, discount or list price).
 * Unknown and inactive products are skipped and reported, never an error.
 */
export async function prefillLines(
  items: readonly PrefillItem[],
  customerId: string,
  signal?: AbortSignal,
): Promise<PrefilledLines> {
  const resolved = await Promise.all(
    items.map(async (item) => {
      const product = UUID.test(item.ref)
        ? await getProductOption(item.ref, signal)
        : await findProductByCode(item.ref, signal);
      if (!product) return { skipped: { ref: item.ref, reason: 'unknown' as const } };
      if (!product.active)
        return { skipped: { ref: item.ref, reason: 'inactive' as const, name: product.name } };
      const line = emptyLine({ ...productLinePatch(product), quantity: String(item.quantity) });
      if (!customerId) return { line };
      const price = await getCustomerUnitPrice(product.id, customerId, signal).catch(() => null);
      return {
        line: price
          ? {
              ...line,
              ...productLinePatch({ ...product, unitPrice: price.unitPrice }),
              priceNote: price.source,
            }
          : line,
      };
    }),
  );
  const lines: LineValues[] = [];
  const skipped: SkippedProduct[] = [];
  const seen = new Set<string>();
  for (const entry of resolved) {
    if ('skipped' in entry && entry.skipped) skipped.push(entry.skipped);
    else if (entry.line?.productId && !seen.has(entry.line.productId)) {
      seen.add(entry.line.productId);
      lines.push(entry.line);
    }
  }
  return { lines, skipped };
}
