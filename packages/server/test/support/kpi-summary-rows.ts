import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import { queryRows } from '../../src/platform/db/query-rows.ts';

/** A tenant's KPI summary tables (migrations 0049, 0050), in a stable order. */
export const summaryRows = async (db: Db, tenantId: string) => ({
  orderDays: await queryRows(
    db,
    sql`select day::text, rep_id, cur_rep_id, orders, won, excl::int, incl::int from kpi_order_days
      where tenant_id = ${tenantId} order by 1, 2, 3`,
  ),
  wonDays: await queryRows(
    db,
    sql`select customer_id, rep_id, cur_rep_id, won_days::text from kpi_customer_won_days
      where tenant_id = ${tenantId} order by 1, 2`,
  ),
  visitDays: await queryRows(
    db,
    sql`select day::text, rep_id, visits, done, answers, satisfaction_sum from kpi_visit_days
      where tenant_id = ${tenantId} order by 1, 2`,
  ),
  formDays: await queryRows(
    db,
    sql`select day::text, rep_id, cur_rep_id, forms from kpi_form_days
      where tenant_id = ${tenantId} order by 1, 2, 3`,
  ),
  planDays: await queryRows(
    db,
    sql`select day::text, rep_id, plan_id, stops, travel_seconds::int from kpi_plan_days
      where tenant_id = ${tenantId} order by 1, 2, 3`,
  ),
});

/** The same tables recomputed from the records ('*' = every rep; '' = no rep). */
export const recomputedSummaryRows = async (db: Db, tenantId: string) => ({
  orderDays: await queryRows(
    db,
    sql`select day::text, coalesce(rep, '*') as rep_id, coalesce(cur, '*') as cur_rep_id, count(*)::int as orders,
        count(*) filter (where won)::int as won, coalesce(sum(excl) filter (where won), 0)::int as excl,
        coalesce(sum(incl) filter (where won), 0)::int as incl
      from (select (o.ordered_at at time zone 'Asia/Tokyo')::date as day, coalesce(o.rep_id, '') as rep,
          coalesce(c.rep_id, '') as cur, o.status <> 'cancelled' as won,
          o.subtotal_standard + o.subtotal_reduced as excl, o.total as incl
        from orders o join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
        where o.tenant_id = ${tenantId}) x
      group by grouping sets ((day, rep, cur), (day)) order by 1, 2, 3`,
  ),
  wonDays: await queryRows(
    db,
    sql`select customer_id, coalesce(rep, '*') as rep_id, cur as cur_rep_id,
        range_agg(daterange(day, day + 1))::text as won_days
      from (select o.customer_id, coalesce(o.rep_id, '') as rep, coalesce(c.rep_id, '') as cur,
          (o.ordered_at at time zone 'Asia/Tokyo')::date as day
        from orders o join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
        where o.tenant_id = ${tenantId} and o.status <> 'cancelled') x
      group by grouping sets ((customer_id, cur, rep), (customer_id, cur)) order by 1, 2`,
  ),
  visitDays: await queryRows(
    db,
    sql`select date::text as day, coalesce(rep_id, '*') as rep_id, count(*)::int as visits,
        count(*) filter (where check_out_at is not null)::int as done, count(satisfaction)::int as answers,
        coalesce(sum(satisfaction), 0)::int as satisfaction_sum
      from visits where tenant_id = ${tenantId}
      group by grouping sets ((date, rep_id), (date)) order by 1, 2`,
  ),
  formDays: await queryRows(
    db,
    sql`select day::text, coalesce(rep, '*') as rep_id, coalesce(cur, '*') as cur_rep_id, count(*)::int as forms
      from (select f.collected_on as day, f.rep_id as rep, coalesce(c.rep_id, '') as cur
        from forms f join customers c on c.tenant_id = f.tenant_id and c.id = f.customer_id
        where f.tenant_id = ${tenantId} and f.voided_at is null) x
      group by grouping sets ((day, rep, cur), (day)) order by 1, 2, 3`,
  ),
  planDays: await queryRows(
    db,
    sql`select date::text as day, rep_id, plan_id, count(*)::int as stops,
        sum(travel_seconds_before)::int as travel_seconds
      from planned_visits where tenant_id = ${tenantId} group by 1, 2, 3 order by 1, 2, 3`,
  ),
});
