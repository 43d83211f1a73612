import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import {
  type ComplaintSeverity,
  type CustomerHealth,
  type HealthFacts,
  PREVIOUS_DAYS,
  RECENT_DAYS,
  scoreCustomerHealth,
} from './score-customer-health.ts';

/** Which customers to score (all optional; row-level security narrows them to the caller's book). */
export interface HealthFilter {
  customerIds?: readonly string[] | undefined;
  repId?: string | undefined;
  teamId?: string | undefined;
  areaId?: string | undefined;
}

export interface LoadCustomerHealthOptions {
  tenantId: string;
  /** The civil day (Asia/Tokyo) the ages are counted to, YYYY-MM-DD. */
  asOfDate: string;
  filter?: HealthFilter;
}

/** One customer with the facts its health is scored from, and the score. */
export interface CustomerHealthRow {
  customerId: string;
  code: string;
  name: string;
  rank: 'A' | 'B' | 'C';
  repId: string | null;
  repName: string | null;
  areaName: string | null;
  lastVisitDate: string | null;
  lastOrderDate: string | null;
  facts: HealthFacts;
  health: CustomerHealth;
}

type Row = {
  id: string;
  code: string;
  name: string;
  rank: 'A' | 'B' | 'C';
  rep_id: string | null;
  rep_name: string | null;
  area_name: string | null;
  cadence_days: number;
  cadence_tolerance_days: number;
  days_since_created: number;
  last_visit_date: string | null;
  last_order_date: string | null;
  recent_orders: number;
  recent_amount: number;
  previous_orders: number;
  previous_amount: number;
  recent_sat: number | null;
  recent_answers: number;
  previous_sat: number | null;
  previous_answers: number;
  complaints: string | { severity: ComplaintSeverity; daysOpen: number; daysPastDue: number }[] | null;
};

/** `column = any(ids)` with the ids as one text[] parameter (a plan's 20,000 ids stay one bind). */
const inList = (column: SQL, ids: readonly string[]): SQL => {
  if (ids.length === 0) return sql`false`;
  const literal = `{${ids.map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return sql`${column} = any(${literal}::text[])`;
};

const dayOf = (value: string | Date | null): string | null =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The health of every customer matching the filter (not archived, not churned), in one
 * set-based statement: the visits, orders and complaints of the last 90 + 365 days are grouped
 * per customer, the last visit and the last won order ever come from one index probe each; the
 * score is `scoreCustomerHealth` of those facts. Runs in the caller's transaction (RLS applies).
 *
 * @example
 * const rows = await loadCustomerHealth(tx, { tenantId, asOfDate: '2026-12-02', filter: { repId } });
 */
export async function loadCustomerHealth(
  tx: Db | Tx,
  { tenantId, asOfDate, filter = {} }: LoadCustomerHealthOptions,
): Promise<CustomerHealthRow[]> {
  const asOf = sql`${asOfDate}::date`;
  // [recentFrom, asOf] and [previousFrom, recentFrom): Tokyo civil days, as instants.
  const recentFrom = sql`(${asOf} - ${sql.raw(String(RECENT_DAYS - 1))})`;
  const previousFrom = sql`(${asOf} - ${sql.raw(String(RECENT_DAYS - 1 + PREVIOUS_DAYS))})`;
  const instant = (day: SQL) => sql`(${day}::timestamp at time zone 'Asia/Tokyo')`;
  const end = instant(sql`(${asOf} + 1)`);
  const conditions: SQL[] = [
    sql`c.tenant_id = ${tenantId}`,
    sql`c.archived_at is null`,
    sql`c.status <> 'churned'`,
  ];
  if (filter.customerIds) conditions.push(inList(sql`c.id`, filter.customerIds));
  if (filter.repId) conditions.push(sql`c.rep_id = ${filter.repId}`);
  if (filter.areaId) conditions.push(sql`c.area_id = ${filter.areaId}`);
  if (filter.teamId)
    conditions.push(
      sql`c.rep_id in (select user_id from staff_profiles where tenant_id = ${tenantId} and team_id = ${filter.teamId})`,
    );

  const rows = await queryRows<Row>(
    tx,
    sql`with base as (
      select c.tenant_id, c.id, c.code, c.name, c.rank, c.rep_id, c.area_id, c.cadence_days,
             c.cadence_tolerance_days, c.last_visit_at, c.created_at
      from customers c where ${sql.join(conditions, sql` and `)}
    ),
    v as (
      select v.customer_id,
             max(v.date) as last_date,
             avg(v.satisfaction) filter (where v.date >= ${recentFrom} and v.satisfaction is not null)::float8 as recent_sat,
             count(v.satisfaction) filter (where v.date >= ${recentFrom})::int as recent_answers,
             avg(v.satisfaction) filter (where v.date < ${recentFrom} and v.satisfaction is not null)::float8 as previous_sat,
             count(v.satisfaction) filter (where v.date < ${recentFrom})::int as previous_answers
      from visits v
      where v.tenant_id = ${tenantId} and v.check_out_at is not null
        and v.date >= ${previousFrom} and v.date <= ${asOf}
        and v.customer_id in (select id from base)
      group by v.customer_id
    ),
    o as (
      select o.customer_id,
             max(o.ordered_at) as last_at,
             count(*) filter (where o.ordered_at >= ${instant(recentFrom)})::int as recent_orders,
             coalesce(sum(o.subtotal_standard + o.subtotal_reduced) filter (where o.ordered_at >= ${instant(recentFrom)}), 0)::float8 as recent_amount,
             count(*) filter (where o.ordered_at < ${instant(recentFrom)})::int as previous_orders,
             coalesce(sum(o.subtotal_standard + o.subtotal_reduced) filter (where o.ordered_at < ${instant(recentFrom)}), 0)::float8 as previous_amount
      from orders o
      where o.tenant_id = ${tenantId} and o.status <> 'cancelled'
        and o.ordered_at >= ${instant(previousFrom)} and o.ordered_at < ${end}
        and o.customer_id in (select id from base)
      group by o.customer_id
    ),
    k as (
      select k.customer_id,
             json_agg(json_build_object(
               'severity', k.severity,
               'daysOpen', ${asOf} - (k.received_at at time zone 'Asia/Tokyo')::date,
               'daysPastDue', ${asOf} - k.due_date
             )) as complaints
      from complaints k
      where k.tenant_id = ${tenantId} and k.kind = 'complaint' and k.status in ('open', 'in_progress')
        and k.received_at < ${end}
        and k.customer_id in (select id from base)
      group by k.customer_id
    )
    select b.id, b.code, b.name, b.rank, b.rep_id, sp.display_name as rep_name, a.name as area_name,
           b.cadence_days, b.cadence_tolerance_days,
           greatest(0, ${asOf} - (b.created_at at time zone 'Asia/Tokyo')::date) as days_since_created,
           greatest(v.last_date, lv.last_date, case when (b.last_visit_at at time zone 'Asia/Tokyo')::date <= ${asOf}
             then (b.last_visit_at at time zone 'Asia/Tokyo')::date end)::text as last_visit_date,
           (coalesce(o.last_at, lo.last_at) at time zone 'Asia/Tokyo')::date::text as last_order_date,
           coalesce(o.recent_orders, 0) as recent_orders, coalesce(o.recent_amount, 0) as recent_amount,
           coalesce(o.previous_orders, 0) as previous_orders, coalesce(o.previous_amount, 0) as previous_amount,
           v.recent_sat, coalesce(v.recent_answers, 0) as recent_answers,
           v.previous_sat, coalesce(v.previous_answers, 0) as previous_answers,
           k.complaints
    from base b
    left join v on v.customer_id = b.id
    left join o on o.customer_id = b.id
    left join k on k.customer_id = b.id
    left join staff_profiles sp on sp.tenant_id = b.tenant_id and sp.user_id = b.rep_id
    left join areas a on a.tenant_id = b.tenant_id and a.id = b.area_id
    left join lateral (
      select max(x.date) as last_date from visits x
      where v.customer_id is null and x.tenant_id = b.tenant_id and x.customer_id = b.id
        and x.check_out_at is not null and x.date < ${previousFrom}
    ) lv on true
    left join lateral (
      select max(y.ordered_at) as last_at from orders y
      where o.customer_id is null and y.tenant_id = b.tenant_id and y.customer_id = b.id
        and y.status <> 'cancelled' and y.ordered_at < ${instant(previousFrom)}
    ) lo on true`,
  );

  return rows.map((r) => {
    const lastVisitDate = dayOf(r.last_visit_date);
    const lastOrderDate = dayOf(r.last_order_date);
    const complaints = typeof r.complaints === 'string' ? JSON.parse(r.complaints) : (r.complaints ?? []);
    const facts: HealthFacts = {
      cadenceDays: r.cadence_days,
      cadenceToleranceDays: r.cadence_tolerance_days,
      daysSinceVisit: lastVisitDate === null ? null : Math.max(0, daysBetween(lastVisitDate, asOfDate)),
      daysSinceOrder: lastOrderDate === null ? null : Math.max(0, daysBetween(lastOrderDate, asOfDate)),
      daysSinceCreated: Number(r.days_since_created),
      openComplaints: complaints.map(
        (c: { severity: ComplaintSeverity; daysOpen: number; daysPastDue: number }) => ({
          severity: c.severity,
          daysOpen: Number(c.daysOpen),
          daysPastDue: Number(c.daysPastDue),
        }),
      ),
      orders: {
        recentCount: Number(r.recent_orders),
        recentAmount: Number(r.recent_amount),
        previousCount: Number(r.previous_orders),
        previousAmount: Number(r.previous_amount),
      },
      satisfaction: {
        recentMean: r.recent_sat === null ? null : Number(r.recent_sat),
        recentAnswers: Number(r.recent_answers),
        previousMean: r.previous_sat === null ? null : Number(r.previous_sat),
        previousAnswers: Number(r.previous_answers),
      },
    };
    return {
      customerId: r.id,
      code: r.code,
      name: r.name,
      rank: r.rank,
      repId: r.rep_id,
      repName: r.rep_name,
      areaName: r.area_name,
      lastVisitDate,
      lastOrderDate,
      facts,
      health: scoreCustomerHealth(facts),
    };
  });
}
