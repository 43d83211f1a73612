import { and, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { orderLines, orders } from '../orders/tables.ts';
import { customerNotFound } from './customer-errors.ts';
import { customerScope } from './customer-scope.ts';
import { DEFAULT_FISCAL_YEAR_START_MONTH } from './customer-settings.ts';
import { customerSettings, customers } from './tables.ts';

/** The periods the カルテ's figures are offered for. */
export const figurePeriods = ['12m', 'fy', 'all'] as const;
export type FigurePeriod = (typeof figurePeriods)[number];

export interface PeriodFigures {
  period: FigurePeriod;
  /** First instant counted (null: since the first order). */
  from: string | null;
  /** Civil dates in Asia/Tokyo, as the labels show them (from null for all time). */
  fromDate: string | null;
  toDate: string;
  /** Non-cancelled orders ordered in the period. */
  orderCount: number;
  /** Their line amounts, tax excluded (税抜). */
  revenueExclTax: number;
  /** Their totals, tax included (税込, tax once per order per rate). */
  revenueInclTax: number;
  /** revenueExclTax / orderCount, rounded; 0 without orders. */
  averageOrderExclTax: number;
}

export interface UsualProduct {
  productCode: string;
  productName: string;
  unit: string;
  /** In how many of the orders read it appears. */
  orders: number;
  /** The median quantity per order. */
  usualQuantity: number;
  /** The median days between two orders holding it; null when bought once. */
  intervalDays: number | null;
  lastOrderedAt: string;
}

export interface CustomerFigures {
  fiscalYearStartMonth: number;
  periods: PeriodFigures[];
  /** What the customer usually buys: products in at least two of the last {@link USUAL_ORDERS} orders, most frequent first (at most {@link USUAL_PRODUCTS}). */
  usuallyBuys: UsualProduct[];
  /** How many orders `usuallyBuys` was read from. */
  usualFromOrders: number;
}

export const USUAL_ORDERS = 100;
export const USUAL_PRODUCTS = 5;
const ZONE = 'Asia/Tokyo';

/** Today's civil date in Tokyo as [year, month, day]. */
function tokyoDate(now: Date): [number, number, number] {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number);
  return [parts[0] as number, parts[1] as number, parts[2] as number];
}
const pad = (n: number) => String(n).padStart(2, '0');
const civil = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Midnight of a Tokyo civil date (JST has no daylight saving). */
const tokyoMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`);

/**
 * The start of each period in Tokyo: 12m = the same day a year ago; fy = the first day of the
 * fiscal year holding today (April by default: on 2026-02-10 it is 2025-04-01); all = none.
 */
export function periodStarts(now: Date, fiscalYearStartMonth: number): Record<FigurePeriod, string | null> {
  const [y, m, d] = tokyoDate(now);
  const fyYear = m >= fiscalYearStartMonth ? y : y - 1;
  // 29 February a year ago is 28 February.
  const lastYearDay = m === 2 && d === 29 ? 28 : d;
  return { '12m': civil(y - 1, m, lastYearDay), fy: civil(fyYear, fiscalYearStartMonth, 1), all: null };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
};

/**
 * The カルテ's figures for each period (last 12 months, this fiscal year, all time), each with
 * its dates and both tax bases, so no card mixes periods or bases; and what the customer
 * usually buys. Cancelled orders count nowhere. 404 when the customer is not the actor's to see.
 */
export async function getCustomerFigures({
  db,
  actor,
  customerId,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  customerId: string;
  now?: Date;
}): Promise<CustomerFigures> {
  return withTenant(db, actor, async (tx) => {
    const [visible] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(customerScope(actor), eq(customers.id, customerId)));
    if (!visible) throw customerNotFound();
    const [settings] = await tx
      .select({ month: customerSettings.fiscalYearStartMonth })
      .from(customerSettings)
      .where(eq(customerSettings.tenantId, actor.tenantId));
    const fiscalYearStartMonth = settings?.month ?? DEFAULT_FISCAL_YEAR_START_MONTH;
    const starts = periodStarts(now, fiscalYearStartMonth);
    const [y, m, d] = tokyoDate(now);
    const today = civil(y, m, d);

    const mine = and(
      eq(orders.tenantId, actor.tenantId),
      eq(orders.customerId, customerId),
      ne(orders.status, 'cancelled'),
    );
    const sums = (from: string | null) => {
      const inPeriod: SQL = from
        ? sql`${orders.orderedAt} >= ${tokyoMidnight(from).toISOString()}::timestamptz and ${orders.orderedAt} <= ${now.toISOString()}::timestamptz`
        : sql`${orders.orderedAt} <= ${now.toISOString()}::timestamptz`;
      return {
        count: sql<number>`count(*) filter (where ${inPeriod})`.mapWith(Number),
        excl: sql<number>`coalesce(sum(${orders.subtotalStandard} + ${orders.subtotalReduced}) filter (where ${inPeriod}), 0)`.mapWith(
          Number,
        ),
        incl: sql<number>`coalesce(sum(${orders.total}) filter (where ${inPeriod}), 0)`.mapWith(Number),
      };
    };
    const s12 = sums(starts['12m']);
    const sfy = sums(starts.fy);
    const sall = sums(null);
    const [row] = await tx
      .select({
        c12: s12.count,
        e12: s12.excl,
        i12: s12.incl,
        cfy: sfy.count,
        efy: sfy.excl,
        ify: sfy.incl,
        call: sall.count,
        eall: sall.excl,
        iall: sall.incl,
        first: sql<string | null>`min(${orders.orderedAt})`,
      })
      .from(orders)
      .where(mine);
    const firstDate = row?.first
      ? new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(row.first))
      : null;
    const figure = (period: FigurePeriod, count: number, excl: number, incl: number): PeriodFigures => ({
      period,
      from: starts[period] ? tokyoMidnight(starts[period] as string).toISOString() : null,
      fromDate: starts[period] ?? firstDate,
      toDate: today,
      orderCount: count,
      revenueExclTax: excl,
      revenueInclTax: incl,
      averageOrderExclTax: count === 0 ? 0 : Math.round(excl / count),
    });
    const periods = [
      figure('12m', row?.c12 ?? 0, row?.e12 ?? 0, row?.i12 ?? 0),
      figure('fy', row?.cfy ?? 0, row?.efy ?? 0, row?.ify ?? 0),
      figure('all', row?.call ?? 0, row?.eall ?? 0, row?.iall ?? 0),
    ];

    // "Usually buys": read from the last orders only (bounded), never the whole history.
    const recent = await tx
      .select({ id: orders.id, orderedAt: orders.orderedAt })
      .from(orders)
      .where(mine)
      .orderBy(desc(orders.orderedAt))
      .limit(USUAL_ORDERS);
    const usuallyBuys: UsualProduct[] = [];
    if (recent.length > 0) {
      const at = new Map(recent.map((o) => [o.id, o.orderedAt]));
      const lines = await tx
        .select({
          orderId: orderLines.orderId,
          productCode: orderLines.productCode,
          productName: orderLines.productName,
          unit: orderLines.unit,
          quantity: orderLines.quantity,
        })
        .from(orderLines)
        .where(
          and(
            eq(orderLines.tenantId, actor.tenantId),
            inArray(orderLines.orderId, [...at.keys()]),
            // Discount lines (値引き) are not products the customer buys.
            eq(orderLines.kind, 'item'),
          ),
        );
      const byProduct = new Map<string, { name: string; unit: string; perOrder: Map<string, number> }>();
      for (const l of lines) {
        const p = byProduct.get(l.productCode) ?? { name: l.productName, unit: l.unit, perOrder: new Map() };
        p.perOrder.set(l.orderId, (p.perOrder.get(l.orderId) ?? 0) + l.quantity);
        byProduct.set(l.productCode, p);
      }
      const DAY = 86_400_000;
      for (const [code, p] of byProduct) {
        if (p.perOrder.size < 2) continue;
        const times = [...p.perOrder.keys()]
          .map((id) => (at.get(id) as Date).getTime())
          .sort((a, b) => a - b);
        const gaps = times.slice(1).map((t, i) => (t - (times[i] as number)) / DAY);
        usuallyBuys.push({
          productCode: code,
          productName: p.name,
          unit: p.unit,
          orders: p.perOrder.size,
          usualQuantity: median([...p.perOrder.values()]),
          intervalDays: gaps.length > 0 ? Math.round(median(gaps.map((g) => Math.round(g)))) : null,
          lastOrderedAt: new Date(times[times.length - 1] as number).toISOString(),
        });
      }
      usuallyBuys.sort((a, b) => b.orders - a.orders || b.lastOrderedAt.localeCompare(a.lastOrderedAt));
      usuallyBuys.splice(USUAL_PRODUCTS);
    }
    return { fiscalYearStartMonth, periods, usuallyBuys, usualFromOrders: recent.length };
  });
}
