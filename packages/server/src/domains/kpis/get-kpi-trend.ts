import type { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { kpiWorkMem } from './compute-kpis.ts';
import { tokyoMidnight, trendBuckets } from './kpi-period.ts';
import type { KpiTrend, KpiTrendQuery } from './kpi-schemas.ts';
import { customerJoin, resolveKpiScope, scopeCondition } from './kpi-scope.ts';
import { type KpiTransaction, tenantTransaction } from './kpi-transaction.ts';
import { resolvePeriod } from './resolve-period.ts';
import { ALL_REPS } from './tables.ts';

export interface GetKpiTrendOptions {
  db: Db;
  actor: Actor;
  query: z.output<typeof KpiTrendQuery>;
  /** Default: withTenant (the caller's row-level security). */
  transaction?: KpiTransaction;
}

/**
 * The bucket of a record as its 1-based index among the buckets' starts: width_bucket, a binary
 * search over a constant array (a date_trunc of the Tokyo time plus a text key per row cost
 * three times as much on 200,000 orders).
 */
const bucketOf = (value: SQL, starts: SQL[], type: 'timestamptz' | 'date') =>
  sql`width_bucket(${value}, array[${sql.join(starts, sql`, `)}]::${sql.raw(type)}[])`;

/**
 * Won orders, amounts and active customers by bucket for at most 62 buckets, from `won` rows
 * of (b, customer_id, excl): in one pass grouped both by bucket (the sums) and by customer (a
 * bit mask of their buckets), the active customers of bucket i being the masks with bit i set.
 * Two small hash tables (buckets; customers) instead of one of every customer × bucket.
 */
async function bucketsByMask(tx: Tx, n: number, won: SQL) {
  const bits = Array.from({ length: n }, (_, i) => i + 1);
  const rows = await queryRows<Record<string, number | null>>(
    tx,
    sql`with s as (${won} offset 0),
        g as (
          select grouping(s.customer_id) as by_bucket, s.b, count(*) as won, sum(s.excl) as excl,
            bit_or(1::bigint << s.b) as m
          from s group by grouping sets ((s.b), (s.customer_id)))
        select b, won::int as won, excl::float8 as excl, ${sql.raw(bits.map((i) => `null::int as a_${i}`).join(', '))}
          from g where by_bucket = 1
        union all
        select 0, null, null, ${sql.raw(bits.map((i) => `count(*) filter (where (m >> ${i}) & 1 = 1)::int`).join(', '))}
          from g where by_bucket = 0`,
  );
  const actives = rows.find((r) => r.b === 0);
  return rows
    .filter((r) => r.b !== 0)
    .map((r) => ({
      b: Number(r.b),
      won: Number(r.won),
      excl: Number(r.excl),
      active: Number(actives?.[`a_${r.b}`] ?? 0),
    }));
}

/**
 * The period by ISO week or month: won orders and their amount, forms, active customers,
 * revenue per customer, satisfaction and visits done of each bucket (docs/kpi.md, "Trend").
 * The statements (orders, visits, forms) are each grouped by bucket, from the summary tables
 * (migrations 0049 and 0050) unless the scope is an area or a rank. After the scope's check, the
 * orders' run in one transaction of the caller and the visits' and forms' in a second one beside it.
 */
export async function getKpiTrend({
  db,
  actor,
  query,
  transaction = tenantTransaction(db),
}: GetKpiTrendOptions): Promise<z.output<typeof KpiTrend>> {
  const period = resolvePeriod(query);
  const grain = query.grain ?? 'month';
  const buckets = trendBuckets(period, grain);
  const instants = buckets.map((b) => sql`${tokyoMidnight(b.from)}::timestamptz`);
  const days = buckets.map((b) => sql`${b.from}::date`);
  const scope = await transaction(actor, (tx) => resolveKpiScope(tx, actor, query));
  const won = sql`o.tenant_id = ${actor.tenantId} and o.status <> 'cancelled'
            and o.ordered_at >= ${tokyoMidnight(period.from)}::timestamptz
            and o.ordered_at < ${tokyoMidnight(period.to)}::timestamptz
            and ${scopeCondition(scope, sql`o.rep_id`, sql`c`)}`;
  // From the summary tables (migrations 0049, 0050) unless the scope is an area or a rank, which
  // they do not key; active customers by one `&&` per bucket on each customer's won days, for up
  // to 24 buckets (a two-year monthly trend, half a year of weeks).
  const summarized = scope.areaId === null && scope.rank === null;
  // The company's '*' rows, or the scope's reps' rows (merged by customer for several reps).
  const reps = scope.repIds ? scopeCondition(scope, sql`d.rep_id`, sql`c`) : sql`d.rep_id = ${ALL_REPS}`;
  const perCustomer = (scope.repIds?.length ?? 1) > 1;
  const inPeriod = sql`d.tenant_id = ${actor.tenantId} and d.day >= ${period.from}::date and d.day < ${period.to}::date and ${reps}`;
  const orderRowsOf = async (tx: Tx) =>
    summarized
      ? await summarizedOrders(tx)
      : buckets.length <= 62
        ? await bucketsByMask(
            tx,
            buckets.length,
            sql`select ${bucketOf(sql`o.ordered_at`, instants, 'timestamptz')} as b,
            o.customer_id, o.subtotal_standard + o.subtotal_reduced as excl
          from orders o ${customerJoin(scope, sql`o`)} where ${won}`,
          )
        : await queryRows<{ b: number; won: number; excl: number; active: number }>(
            tx,
            // By bucket and customer first (a hash, where count(distinct) would sort), then by bucket.
            sql`select b, sum(won)::int as won, sum(excl)::float8 as excl, count(*)::int as active
            from (
              select ${bucketOf(sql`o.ordered_at`, instants, 'timestamptz')} as b,
                o.customer_id, count(*) as won, sum(o.subtotal_standard + o.subtotal_reduced) as excl
              from orders o ${customerJoin(scope, sql`o`)}
              where ${won}
              group by 1, 2) x
            group by b`,
          );

  async function summarizedOrders(tx: Tx) {
    const sums = await queryRows<{ b: number; won: number; excl: number }>(
      tx,
      sql`select ${bucketOf(sql`d.day`, days, 'date')} as b, sum(d.won)::int as won, sum(d.excl)::float8 as excl
        from kpi_order_days d where ${inPeriod} group by 1`,
    );
    const active = new Map<number, number>();
    const span = sql`daterange(${period.from}::date, ${period.to}::date)`;
    if (buckets.length <= 24) {
      const flags = buckets.map((b, i) => {
        const test = sql`d.won_days && daterange(${b.from}::date, ${b.to}::date)`;
        return sql`${perCustomer ? sql`bool_or(${test})` : test} as ${sql.raw(`a_${i + 1}`)}`;
      });
      const [row] = await queryRows<Record<string, number>>(
        tx,
        sql`select ${sql.join(
          buckets.map((_, i) => sql.raw(`count(*) filter (where a_${i + 1})::int as a_${i + 1}`)),
          sql`, `,
        )}
        from (select ${sql.join(flags, sql`, `)} from kpi_customer_won_days d
          where d.tenant_id = ${actor.tenantId} and ${reps}
          ${perCustomer ? sql`group by d.customer_id` : sql`offset 0`}) x`,
      );
      for (let i = 1; i <= buckets.length; i++) active.set(i, Number(row?.[`a_${i}`] ?? 0));
    } else {
      // More buckets: each customer's won days in the period, day by day, to their buckets.
      const rows = await queryRows<{ b: number; active: number }>(
        tx,
        sql`select b, count(*)::int as active from (
            select distinct d.customer_id, ${bucketOf(sql`g.day::date`, days, 'date')} as b
            from kpi_customer_won_days d,
              unnest(d.won_days * datemultirange(${span})) r,
              generate_series(lower(r), upper(r) - 1, interval '1 day') g(day)
            where d.tenant_id = ${actor.tenantId} and d.won_days && ${span} and ${reps}) x
          group by b`,
      );
      for (const r of rows) active.set(r.b, r.active);
    }
    return sums.map((r) => ({ ...r, active: active.get(r.b) ?? 0 }));
  }
  type VisitRow = { b: number; done: number; answers: number; sat_sum: number };
  const visitRowsOf = (tx: Tx) =>
    queryRows<VisitRow>(
      tx,
      summarized
        ? sql`select ${bucketOf(sql`d.day`, days, 'date')} as b, sum(d.done)::int as done,
          sum(d.answers)::int as answers, sum(d.satisfaction_sum)::int as sat_sum
        from kpi_visit_days d where ${inPeriod} group by 1`
        : sql`select ${bucketOf(sql`v.date`, days, 'date')} as b,
          count(*) filter (where v.check_out_at is not null)::int as done,
          count(v.satisfaction)::int as answers,
          coalesce(sum(v.satisfaction), 0)::int as sat_sum
        from visits v
        ${customerJoin(scope, sql`v`)}
        where v.tenant_id = ${actor.tenantId} and v.date >= ${period.from}::date and v.date < ${period.to}::date
          and ${scopeCondition(scope, sql`v.rep_id`, sql`c`)}
        group by 1`,
    );
  const formRowsOf = (tx: Tx) =>
    queryRows<{ b: number; forms: number }>(
      tx,
      summarized
        ? sql`select ${bucketOf(sql`d.day`, days, 'date')} as b, sum(d.forms)::int as forms
        from kpi_form_days d where ${inPeriod} group by 1`
        : sql`select ${bucketOf(sql`f.collected_on`, days, 'date')} as b, count(*)::int as forms
        from forms f
        ${customerJoin(scope, sql`f`)}
        where f.tenant_id = ${actor.tenantId} and f.voided_at is null
          and f.collected_on >= ${period.from}::date and f.collected_on < ${period.to}::date
          and ${scopeCondition(scope, sql`f.rep_id`, sql`c`)}
        group by 1`,
    );
  // The orders' statements and the visits' and forms' in two transactions side by side.
  const [orderRows, [visitRows, formRows]] = await Promise.all([
    transaction(actor, async (tx) => {
      // Room for per-customer hashes: the records', or every customer's won days by bucket.
      if (!summarized || buckets.length > 24) await kpiWorkMem(tx);
      return orderRowsOf(tx);
    }),
    transaction(actor, async (tx) => {
      // The records' joins with the scope's customers, as for the orders'.
      if (!summarized) await kpiWorkMem(tx);
      return [await visitRowsOf(tx), await formRowsOf(tx)] as const;
    }),
  ]);
  const orders = new Map(orderRows.map((r) => [r.b, r]));
  const visits = new Map(visitRows.map((r) => [r.b, r]));
  const forms = new Map(formRows.map((r) => [r.b, r.forms]));
  return {
    scope: { scope: scope.scope, scopeId: scope.scopeId, label: scope.label },
    grain,
    buckets: buckets.map((bucket, i) => {
      const o = orders.get(i + 1);
      const v = visits.get(i + 1);
      const answers = v?.answers ?? 0;
      return {
        ...bucket,
        ordersWon: o?.won ?? 0,
        ordersWonAmountExclTax: o?.excl ?? 0,
        formsCollected: forms.get(i + 1) ?? 0,
        activeCustomers: o?.active ?? 0,
        revenuePerCustomerExclTax: o && o.active > 0 ? Math.round(o.excl / o.active) : null,
        satisfactionMean: answers > 0 ? Math.round(((v?.sat_sum ?? 0) / answers) * 100) / 100 : null,
        satisfactionAnswers: answers,
        visitsDone: v?.done ?? 0,
      };
    }),
  };
}
