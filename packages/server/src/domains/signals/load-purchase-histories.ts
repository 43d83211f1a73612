import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import type { ProductHistory } from './predict-reorder.ts';

export interface CustomerProductHistory extends ProductHistory {
  customerId: string;
  /** The catalog product is still sold (inactive ones are never suggested). */
  active: boolean;
}

export interface LoadPurchaseHistoriesOptions {
  db: Db | Tx;
  tenantId: string;
  /** Only these customers; every customer of the tenant when omitted. */
  customerIds?: readonly string[];
  /** Orders placed at or after this instant. */
  since: Date;
  /** Orders placed before this instant (now when omitted). */
  until?: Date;
}

/**
 * Every customer's purchases per catalog product in one set-based query: the distinct order days
 * (Asia/Tokyo) with the quantity of each day, oldest first. Cancelled orders, discount lines
 * (値引き) and lines without a catalog product are left out.
 */
export async function loadPurchaseHistories({
  db,
  tenantId,
  customerIds,
  since,
  until,
}: LoadPurchaseHistoriesOptions): Promise<CustomerProductHistory[]> {
  if (customerIds?.length === 0) return [];
  const rows = await queryRows<{
    customer_id: string;
    product_id: string;
    code: string;
    name: string;
    unit: string;
    active: boolean;
    dates: string[] | string;
    quantities: number[] | string;
    last_order_id: string;
  }>(
    db,
    sql`with days as (
        select o.customer_id, l.product_id, (o.ordered_at at time zone 'Asia/Tokyo')::date as day,
          sum(l.quantity)::int as quantity, max(o.id) as order_id
        from orders o
        join order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
        where o.tenant_id = ${tenantId} and o.status <> 'cancelled'
          and l.kind = 'item' and l.product_id is not null
          and o.ordered_at >= ${since.toISOString()}::timestamptz
          and o.ordered_at < ${(until ?? new Date()).toISOString()}::timestamptz${
            customerIds ? sql` and o.customer_id = any(${`{${customerIds.join(',')}}`}::text[])` : sql``
          }
        group by 1, 2, 3
      )
      select d.customer_id, d.product_id, p.code, p.name, p.unit, p.active,
        array_agg(d.day::text order by d.day) as dates,
        array_agg(d.quantity order by d.day) as quantities,
        (array_agg(d.order_id order by d.day desc))[1] as last_order_id
      from days d
      join products p on p.tenant_id = ${tenantId} and p.id = d.product_id
      group by d.customer_id, d.product_id, p.code, p.name, p.unit, p.active
      order by d.customer_id, p.code`,
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    productId: r.product_id,
    productCode: r.code,
    productName: r.name,
    unit: r.unit,
    active: r.active,
    dates: pgArray(r.dates),
    quantities: pgArray(r.quantities).map(Number),
    lastOrderId: r.last_order_id,
  }));
}

/** A Postgres array as a JS array (drivers parse `text[]`/`int[]`; a literal `{a,b}` is split). */
const pgArray = (value: string[] | number[] | string): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : value
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter((s) => s !== '');
