import type { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { addDays } from '../planning/working-days.ts';
import { loadPurchaseHistories } from './load-purchase-histories.ts';
import { predictReorders } from './predict-reorder.ts';
import type { CustomerSignals } from './signals-schemas.ts';
import { suggestCrossSell } from './suggest-cross-sell.ts';

type Signals = z.output<typeof CustomerSignals>;

/** How far back order days are read for intervals, and baskets for "customers like this one". */
export const SIGNAL_WINDOWS = { reorderDays: 730, basketDays: 365 } as const;
/**
 * The customers compared with (peers, typical intervals): those in the caller's book, the
 * customer's own area first, at most this many, so one briefing stays one quick read on a
 * 20,000-customer tenant.
 */
export const PEER_POPULATION = 2000;

const tokyoStart = (date: string) => new Date(`${date}T00:00:00+09:00`);
const percent = (x: number) => Math.round(x * 100);

/**
 * A customer's reorder predictions and cross-sell suggestions, inside the caller's transaction
 * (the briefing and GET /customers/{id}/signals). The customer must already be checked to be the
 * caller's to see.
 */
export async function readCustomerSignals({
  tx,
  actor,
  customer,
  today,
}: {
  tx: Tx;
  actor: Actor;
  customer: { id: string; areaId: string | null };
  today: string;
}): Promise<Signals> {
  const tomorrow = tokyoStart(addDays(today, 1));
  const histories = await loadPurchaseHistories({
    db: tx,
    tenantId: actor.tenantId,
    customerIds: [customer.id],
    since: tokyoStart(addDays(today, -SIGNAL_WINDOWS.reorderDays)),
    until: tomorrow,
  });
  const population = sql`select customers.id from customers
    where ${customerScope(actor)} and customers.archived_at is null
    order by (customers.area_id is not distinct from ${customer.areaId}) desc, customers.id
    limit ${PEER_POPULATION}`;
  const typical = await readTypicalIntervals(
    tx,
    actor.tenantId,
    population,
    histories.map((h) => h.productId),
    tokyoStart(addDays(today, -SIGNAL_WINDOWS.reorderDays)),
    tomorrow,
  );
  const reorders = predictReorders({ histories, today, typical }).slice(0, 30);

  const basketRows = await queryRows<{ customer_id: string; product_id: string }>(
    tx,
    sql`with pop as (${population})
      select distinct o.customer_id, l.product_id
      from pop join orders o on o.tenant_id = ${actor.tenantId} and o.customer_id = pop.id
      join order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
      where o.status <> 'cancelled' and l.kind = 'item' and l.product_id is not null
        and o.ordered_at >= ${tokyoStart(addDays(today, -SIGNAL_WINDOWS.basketDays)).toISOString()}::timestamptz
        and o.ordered_at < ${tomorrow.toISOString()}::timestamptz`,
  );
  const baskets = new Map<string, Set<string>>();
  for (const r of basketRows) {
    const basket = baskets.get(r.customer_id);
    if (basket) basket.add(r.product_id);
    else baskets.set(r.customer_id, new Set([r.product_id]));
  }
  // The customer's own basket is its whole history read here, not only the last year.
  const own = baskets.get(customer.id) ?? new Set<string>();
  for (const h of histories) own.add(h.productId);
  baskets.set(customer.id, own);

  // Names for the suggestions and for the customer's own products (the rules' anchors, maybe no
  // longer sold); only active products are suggested.
  const ids = new Set<string>();
  for (const basket of baskets.values()) for (const p of basket) ids.add(p);
  const products = await readProducts(tx, actor.tenantId, [...ids]);
  const suggestions = suggestCrossSell({
    customerId: customer.id,
    baskets,
    eligible: (id) => products.get(id)?.active === true,
  });

  return {
    customerId: customer.id,
    today,
    reorders: reorders.map((r) => ({
      productId: r.productId,
      productCode: r.productCode,
      productName: r.productName,
      unit: r.unit,
      orderCount: r.orderCount,
      intervalDays: r.intervalDays,
      basis: r.basis,
      lastOrderedDate: r.lastOrderedDate,
      expectedDate: r.expectedDate,
      daysUntil: r.daysUntil,
      daysSinceLast: r.daysSinceLast,
      due: r.due,
      usualQuantity: r.usualQuantity,
      lastOrderId: r.lastOrderId,
    })),
    crossSell: suggestions.map((s) => {
      const product = products.get(s.productId) as ProductRow;
      const anchor = products.get(s.anchorProductId) as ProductRow;
      const params = {
        anchorProductId: s.anchorProductId,
        anchorProductName: anchor.name,
        anchorBuyers: s.anchorBuyers,
        bothBuyers: s.bothBuyers,
        confidencePercent: percent(s.confidence),
        basePercent: percent(s.baseShare),
        lift: Math.round(s.lift * 10) / 10,
      };
      return {
        productId: s.productId,
        productCode: product.code,
        productName: product.name,
        unit: product.unit,
        reason: { code: 'similar_customers_buy' as const, params },
        message: {
          ja: `${anchor.name}の購入客${params.anchorBuyers}社のうち${params.bothBuyers}社（${params.confidencePercent}%）が併せて購入（全体では${params.basePercent}%、リフト${params.lift.toFixed(1)}）`,
          en: `${params.bothBuyers} of the ${params.anchorBuyers} customers who buy ${anchor.name} (${params.confidencePercent}%) buy it too (${params.basePercent}% of all customers, lift ${params.lift.toFixed(1)})`,
        },
      };
    }),
  };
}

type ProductRow = {
  id: string;
  code: string;
  name: string;
  unit: string;
  active: boolean;
};

async function readProducts(tx: Tx, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, ProductRow>();
  const rows = await queryRows<ProductRow>(
    tx,
    sql`select id, code, name, unit, active from products
      where tenant_id = ${tenantId} and id = any(${`{${ids.join(',')}}`}::text[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Each product's typical interval among the population: the median over customers (with 3+
 * order days of it) of their median interval. Only for the given products.
 */
async function readTypicalIntervals(
  tx: Tx,
  tenantId: string,
  population: ReturnType<typeof sql>,
  productIds: readonly string[],
  since: Date,
  until: Date,
): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await queryRows<{ product_id: string; typical: number | string }>(
    tx,
    sql`with pop as (${population}),
      days as (
        select distinct o.customer_id, l.product_id, (o.ordered_at at time zone 'Asia/Tokyo')::date as day
        from pop join orders o on o.tenant_id = ${tenantId} and o.customer_id = pop.id
        join order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
        where o.status <> 'cancelled' and l.kind = 'item'
          and l.product_id = any(${`{${productIds.join(',')}}`}::text[])
          and o.ordered_at >= ${since.toISOString()}::timestamptz and o.ordered_at < ${until.toISOString()}::timestamptz
      ),
      gaps as (
        select customer_id, product_id,
          day - lag(day) over (partition by customer_id, product_id order by day) as gap
        from days
      ),
      own as (
        select customer_id, product_id, percentile_cont(0.5) within group (order by gap) as interval
        from gaps where gap is not null
        group by customer_id, product_id having count(*) >= 2
      )
      select product_id, percentile_cont(0.5) within group (order by interval) as typical
      from own group by product_id`,
  );
  return new Map(rows.map((r) => [r.product_id, Number(r.typical)]));
}
