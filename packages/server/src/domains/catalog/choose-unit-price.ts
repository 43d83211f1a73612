import type { priceSources } from './catalog-values.ts';
import { discountedSen } from './money.ts';

export type PriceSource = (typeof priceSources)[number];

/** A price list entry as the choice reads it (prices in sen, a discount in basis points). */
export interface PriceEntryCandidate {
  id: string;
  /** 'customer': for this customer; 'rank': for every customer of its rank. */
  target: 'customer' | 'rank';
  unitPriceSen: number | null;
  discountBasisPoints: number | null;
  /** YYYY-MM-DD, inclusive. */
  effectiveFrom: string;
  /** YYYY-MM-DD, inclusive; null = open-ended. */
  effectiveTo: string | null;
}

export interface ChosenUnitPrice {
  unitPriceSen: number;
  source: PriceSource;
  /** The price list entry that gave the price (absent for the list price). */
  priceListId?: string;
}

/** Whether the entry is in effect on `date` (YYYY-MM-DD strings compare as dates). */
export const inEffect = (entry: Pick<PriceEntryCandidate, 'effectiveFrom' | 'effectiveTo'>, date: string) =>
  entry.effectiveFrom <= date && (entry.effectiveTo === null || date <= entry.effectiveTo);

/**
 * The unit price a customer pays on a date. In effect on that date, first found wins:
 * the customer's special price, the customer's discount, its rank's special price, its rank's
 * discount; else the list price. Among entries of one kind (they should not overlap) the one
 * that started last wins. A discount is taken off the list price, rounded down to the sen.
 *
 * @example
 * chooseUnitPrice({ listPriceSen: 298000, date: '2026-12-01', entries: [] }) // { unitPriceSen: 298000, source: 'list' }
 */
export function chooseUnitPrice(options: {
  listPriceSen: number;
  date: string;
  entries: readonly PriceEntryCandidate[];
}): ChosenUnitPrice {
  const { listPriceSen, date } = options;
  const live = options.entries
    .filter((e) => inEffect(e, date))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0));
  for (const target of ['customer', 'rank'] as const) {
    const price = live.find((e) => e.target === target && e.unitPriceSen !== null);
    if (price)
      return { unitPriceSen: price.unitPriceSen as number, source: 'customer_price', priceListId: price.id };
    const discount = live.find((e) => e.target === target && e.discountBasisPoints !== null);
    if (discount)
      return {
        unitPriceSen: discountedSen(listPriceSen, discount.discountBasisPoints as number),
        source: 'discount',
        priceListId: discount.id,
      };
  }
  return { unitPriceSen: listPriceSen, source: 'list' };
}
