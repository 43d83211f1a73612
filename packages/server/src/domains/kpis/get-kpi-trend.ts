import type { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { tokyoMidnight, trendBuckets } from './kpi-period.ts';
import type { KpiTrend, KpiTrendQuery } from './kpi-schemas.ts';
import { customerJoin, resolveKpiScope, scopeCondition } from './kpi-scope.ts';
import { type KpiTransaction, tenantTransaction } from './kpi-transaction.ts';
import { resolvePeriod } from './resolve-period.ts';

export interface GetKpiTrendOptions {
  db: Db;
  actor: Actor;
  query: z.output<typeof KpiTrendQuery>;
  /** Default: withTenant (the caller's row-level security). */
  transaction?: KpiTransaction;
}

/** The bucket start of a Tokyo civil date: its ISO week's Monday or its month's first day, clipped to `from`. */
const bucketOf = (grain: 'week' | 'month', date: SQL, from: string) =>
  sql`greatest(date_trunc(${grain}, ${date})::date, ${from}::date)::text`;

/**
 * The period by ISO week or month: won orders and their amount, forms, active customers,
 * revenue per customer, satisfaction and visits done of each bucket (docs/kpi.md, "Trend").
 * Three statements (orders, visits, forms), each grouped by bucket.
 */
export async function getKpiTrend({
  db,
  actor,
  query,
  transaction = tenantTransaction(db),
}: GetKpiTrendOptions): Promise<z.output<typeof KpiTrend>> {
  const period = resolvePeriod(query);
  const grain = query.grain ?? 'month';
  return transaction(actor, async (tx) => {
    const scope = await resolveKpiScope(tx, actor, query);
    const orderRows = await queryRows<{ b: string; won: number; excl: number; active: number }>(
      tx,
      // By bucket and customer first (a hash, where count(distinct) would sort), then by bucket.
      sql`select b, sum(won)::int as won, sum(excl)::float8 as excl, count(*)::int as active
          from (
            select ${bucketOf(grain, sql`(o.ordered_at at time zone 'Asia/Tokyo')`, period.from)} as b,
              o.customer_id, count(*) as won, sum(o.subtotal_standard + o.subtotal_reduced) as excl
            from orders o ${customerJoin(scope, sql`o`)}
            where o.tenant_id = ${actor.tenantId} and o.status <> 'cancelled'
              and o.ordered_at >= ${tokyoMidnight(period.from)}::timestamptz
              and o.ordered_at < ${tokyoMidnight(period.to)}::timestamptz
              and ${scopeCondition(scope, sql`o.rep_id`, sql`c`)}
            group by 1, 2) x
          group by b`,
    );
    const visitRows = await queryRows<{
      b: string;
      done: number;
      answers: number;
      sat_sum: number;
    }>(
      tx,
      sql`select ${bucketOf(grain, sql`v.date`, period.from)} as b,
            count(*) filter (where v.check_out_at is not null)::int as done,
            count(v.satisfaction)::int as answers,
            coalesce(sum(v.satisfaction), 0)::int as sat_sum
          from visits v
          ${customerJoin(scope, sql`v`)}
          where v.tenant_id = ${actor.tenantId} and v.date >= ${period.from}::date and v.date < ${period.to}::date
            and ${scopeCondition(scope, sql`v.rep_id`, sql`c`)}
          group by 1`,
    );
    const formRows = await queryRows<{ b: string; forms: number }>(
      tx,
      sql`select ${bucketOf(grain, sql`f.collected_on`, period.from)} as b, count(*)::int as forms
          from forms f
          ${customerJoin(scope, sql`f`)}
          where f.tenant_id = ${actor.tenantId} and f.voided_at is null
            and f.collected_on >= ${period.from}::date and f.collected_on < ${period.to}::date
            and ${scopeCondition(scope, sql`f.rep_id`, sql`c`)}
          group by 1`,
    );
    const orders = new Map(orderRows.map((r) => [r.b, r]));
    const visits = new Map(visitRows.map((r) => [r.b, r]));
    const forms = new Map(formRows.map((r) => [r.b, r.forms]));
    return {
      scope: { scope: scope.scope, scopeId: scope.scopeId, label: scope.label },
      grain,
      buckets: trendBuckets(period, grain).map((bucket) => {
        const o = orders.get(bucket.from);
        const v = visits.get(bucket.from);
        const answers = v?.answers ?? 0;
        return {
          ...bucket,
          ordersWon: o?.won ?? 0,
          ordersWonAmountExclTax: o?.excl ?? 0,
          formsCollected: forms.get(bucket.from) ?? 0,
          activeCustomers: o?.active ?? 0,
          revenuePerCustomerExclTax: o && o.active > 0 ? Math.round(o.excl / o.active) : null,
          satisfactionMean: answers > 0 ? Math.round(((v?.sat_sum ?? 0) / answers) * 100) / 100 : null,
          satisfactionAnswers: answers,
          visitsDone: v?.done ?? 0,
        };
      }),
    };
  });
}
