import { and, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { customers } from '../customers/tables.ts';
import { taxRateOfCategory } from './catalog-values.ts';
import { chooseUnitPrice, type PriceEntryCandidate, type PriceSource } from './choose-unit-price.ts';
import { formatSen, senOf } from './money.ts';
import { priceListEntries, products, type TaxCategory } from './tables.ts';

export interface GetUnitPriceOptions {
  /** The customer the price is for; null: the list price. */
  customerId: string | null;
  productId: string;
  /** YYYY-MM-DD (Asia/Tokyo): the day the price must be in effect, e.g. the quote's issue date. */
  date: string;
}

export interface UnitPrice {
  /** Tax-exclusive yen as a decimal string: '2980', '1.5'. */
  unitPrice: string;
  source: PriceSource;
  /** The price list entry that gave the price (customer_price, discount). */
  priceListId?: string;
  /** The catalog's own price, for showing the difference. */
  listPrice: string;
  /** What a quote line needs of the product besides the price. */
  product: {
    id: string;
    code: string;
    name: string;
    unit: string;
    taxCategory: TaxCategory;
    taxRate: 10 | 8;
    active: boolean;
  };
}

/**
 * The unit price `customerId` pays for a product on `date`: the customer's special price in
 * effect that day wins, else the customer's discount, else its rank's special price or discount
 * (see {@link chooseUnitPrice}), else the list price. Null when the product is not in the
 * caller's catalog. Runs in the caller's tenant transaction (the quotes domain prices its lines
 * with it); the customer is read through the caller's RLS, so a customer the caller cannot see
 * gets the list price only — check the customer first.
 *
 * @example
 * const price = await withTenant(db, actor, (tx) =>
 *   getUnitPrice(tx, actor, { customerId, productId, date: '2026-12-01' }));
 * // { unitPrice: '1.5', source: 'customer_price', priceListId: '…', listPrice: '2', product: {…} }
 */
export async function getUnitPrice(
  tx: Tx,
  actor: Actor,
  options: GetUnitPriceOptions,
): Promise<UnitPrice | null> {
  const prices = await getUnitPrices(tx, actor, {
    customerId: options.customerId,
    productIds: [options.productId],
    date: options.date,
  });
  return prices.get(options.productId) ?? null;
}

/** {@link getUnitPrice} for several products of one customer at once (a quote's lines): by product id. */
export async function getUnitPrices(
  tx: Tx,
  actor: Actor,
  options: { customerId: string | null; productIds: readonly string[]; date: string },
): Promise<Map<string, UnitPrice>> {
  const { customerId, date } = options;
  const ids = [...new Set(options.productIds)];
  const result = new Map<string, UnitPrice>();
  if (ids.length === 0) return result;
  const found = await tx
    .select()
    .from(products)
    .where(and(eq(products.tenantId, actor.tenantId), inArray(products.id, ids)));
  if (found.length === 0) return result;

  let rank: string | null = null;
  if (customerId !== null) {
    const [customer] = await tx
      .select({ rank: customers.rank })
      .from(customers)
      .where(and(eq(customers.tenantId, actor.tenantId), eq(customers.id, customerId)));
    rank = customer?.rank ?? null;
  }
  const targets: SQL[] = [];
  if (customerId !== null && rank !== null) targets.push(eq(priceListEntries.customerId, customerId));
  if (rank !== null) targets.push(eq(priceListEntries.customerRank, rank as 'A' | 'B' | 'C'));
  const entries =
    targets.length === 0
      ? []
      : await tx
          .select()
          .from(priceListEntries)
          .where(
            and(
              eq(priceListEntries.tenantId, actor.tenantId),
              inArray(
                priceListEntries.productId,
                found.map((p) => p.id),
              ),
              or(...targets),
              lte(priceListEntries.effectiveFrom, date),
              or(isNull(priceListEntries.effectiveTo), gte(priceListEntries.effectiveTo, date)),
            ),
          );

  for (const product of found) {
    const listPriceSen = senOf(product.unitPrice);
    const candidates: PriceEntryCandidate[] = entries
      .filter((e) => e.productId === product.id)
      .map((e) => ({
        id: e.id,
        target: e.customerId !== null ? 'customer' : 'rank',
        unitPriceSen: e.unitPrice === null ? null : senOf(e.unitPrice),
        discountBasisPoints: e.discountPercent === null ? null : senOf(e.discountPercent),
        effectiveFrom: e.effectiveFrom,
        effectiveTo: e.effectiveTo,
      }));
    const chosen = chooseUnitPrice({ listPriceSen, date, entries: candidates });
    result.set(product.id, {
      unitPrice: formatSen(chosen.unitPriceSen),
      source: chosen.source,
      ...(chosen.priceListId !== undefined && { priceListId: chosen.priceListId }),
      listPrice: formatSen(listPriceSen),
      product: {
        id: product.id,
        code: product.code,
        name: product.name,
        unit: product.unit,
        taxCategory: product.taxCategory,
        taxRate: taxRateOfCategory[product.taxCategory],
        active: product.active,
      },
    });
  }
  return result;
}
