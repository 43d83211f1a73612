import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { type KpiPeriod, previousPeriod, tokyoMidnight } from './kpi-period.ts';
import type { KpiFiguresView } from './kpi-schemas.ts';
import { customerJoin, type ResolvedScope, scopeCondition } from './kpi-scope.ts';
import { ACTIVE_WINDOW_DAYS } from './kpi-values.ts';

export interface ComputeKpisOptions {
  /** A tenant transaction of the caller (withTenant): RLS narrows every query to their book. */
  tx: Tx;
  tenantId: string;
  scope: ResolvedScope;
  period: KpiPeriod;
  /** One entry per rep (by the records' own rep_id) instead of one for the scope. */
  byRep?: boolean;
  /** Today in Asia/Tokyo (the overdue reference day is at most today). */
  today?: string;
  /** Count overdue customers (a state of today's book; comparisons leave it out: null). */
  withOverdue?: boolean;
}

/** The key of the scope's total in the map computeKpis returns. */
export const TOTAL = '';

type Family = {
  k: string;
};
type OrderRow = Family & {
  any_orders: number;
  won: number;
  excl: number;
  incl: number;
  active: number;
};
type RetentionRow = Family & {
  base: number;
  retained: number;
  repeat_base: number;
  repeated: number;
};
type VisitRow = Family & {
  visits: number;
  done: number;
  answers: number;
  sat_sum: number;
};
type FormRow = Family & {
  forms: number;
};
type PlanRow = Family & {
  planned: number;
  travel: number;
};
type OverdueRow = Family & {
  customers: number;
  overdue: number;
};

const won = sql`o.status <> 'cancelled'`;
const at = (date: string) => sql`${tokyoMidnight(date)}::timestamptz`;
const day = (date: string) => sql`${date}::date`;
const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};
const ratio = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const byKey = <T extends Family>(rows: T[]) => new Map(rows.map((r) => [r.k, r]));

/** Rows of one family, grouped by the records' own rep (byRep) or as one total. */
function groupKey(byRep: boolean, repColumn: SQL): SQL {
  return byRep ? sql`coalesce(${repColumn}, '')` : sql`${TOTAL}::text`;
}

/**
 * Every KPI of docs/kpi.md for one scope and period: one SQL statement per family (orders with
 * retention and repeat; visits; forms; planned visits; overdue customers), each inside the
 * caller's transaction. Returns the scope's figures under {@link TOTAL}, or one entry per rep.
 *
 * @example
 * const figures = (await computeKpis({ tx, tenantId, scope, period: { from: '2025-04-01', to: '2025-05-01' } })).get(TOTAL);
 */
export async function computeKpis({
  tx,
  tenantId,
  scope,
  period,
  byRep = false,
  today = todayIn(),
  withOverdue = true,
}: ComputeKpisOptions): Promise<Map<string, KpiFiguresView>> {
  const { from, to } = period;
  const previous = previousPeriod(period);
  const startWindow = addDays(from, -ACTIVE_WINDOW_DAYS);
  const endWindow = addDays(to, -ACTIVE_WINDOW_DAYS);
  const earliest = [startWindow, previous.from].sort()[0] as string;
  const lastDay = [addDays(to, -1), today].sort()[0] as string;
  const orderScope = scopeCondition(scope, sql`o.rep_id`, sql`c`);

  // Orders and retention in one pass over [earliest, to): grouped by customer first (a hash,
  // where count(distinct) would sort), then by the scope or rep.
  const inPeriod = sql`o.ordered_at >= ${at(from)}`;
  const orderRows = await queryRows<OrderRow & RetentionRow>(
    tx,
    sql`with w as (
          select ${groupKey(byRep, sql`o.rep_id`)} as k, o.customer_id,
            count(*) filter (where ${inPeriod}) as any_orders,
            count(*) filter (where ${inPeriod} and ${won}) as won,
            sum(o.subtotal_standard + o.subtotal_reduced) filter (where ${inPeriod} and ${won}) as excl,
            sum(o.total) filter (where ${inPeriod} and ${won}) as incl,
            bool_or(${won} and o.ordered_at >= ${at(startWindow)} and o.ordered_at < ${at(from)}) as active_start,
            bool_or(${won} and o.ordered_at >= ${at(endWindow)}) as active_end,
            bool_or(${won} and o.ordered_at >= ${at(previous.from)} and o.ordered_at < ${at(from)}) as in_previous,
            bool_or(${won}) as any_won
          from orders o ${customerJoin(scope, sql`o`)}
          where o.tenant_id = ${tenantId} and o.ordered_at >= ${at(earliest)} and o.ordered_at < ${at(to)}
            and ${orderScope}
          group by 1, o.customer_id)
        select k,
          coalesce(sum(any_orders), 0)::int as any_orders,
          coalesce(sum(won), 0)::int as won,
          coalesce(sum(excl), 0)::float8 as excl,
          coalesce(sum(incl), 0)::float8 as incl,
          count(*) filter (where won > 0)::int as active,
          count(*) filter (where active_start)::int as base,
          count(*) filter (where active_start and active_end)::int as retained,
          count(*) filter (where in_previous)::int as repeat_base,
          count(*) filter (where in_previous and won > 0)::int as repeated
        from w group by k
        having bool_or(any_orders > 0 or any_won)`,
  );

  const visitRows = await queryRows<VisitRow>(
    tx,
    sql`select ${groupKey(byRep, sql`v.rep_id`)} as k,
          count(*)::int as visits,
          count(*) filter (where v.check_out_at is not null)::int as done,
          count(v.satisfaction)::int as answers,
          coalesce(sum(v.satisfaction), 0)::int as sat_sum
        from visits v
        ${customerJoin(scope, sql`v`)}
        where v.tenant_id = ${tenantId} and v.date >= ${day(from)} and v.date < ${day(to)}
          and ${scopeCondition(scope, sql`v.rep_id`, sql`c`)}
        group by 1`,
  );

  // 申込書: the forms domain's records (not voided), by the rep who collected them and their day.
  const formRows = await queryRows<FormRow>(
    tx,
    sql`select ${groupKey(byRep, sql`f.rep_id`)} as k, count(*)::int as forms
        from forms f
        ${customerJoin(scope, sql`f`)}
        where f.tenant_id = ${tenantId} and f.voided_at is null
          and f.collected_on >= ${day(from)} and f.collected_on < ${day(to)}
          and ${scopeCondition(scope, sql`f.rep_id`, sql`c`)}
        group by 1`,
  );

  const planRows = await queryRows<PlanRow>(
    tx,
    sql`with rep_days as (
          select distinct pv.rep_id, pv.date from planned_visits pv
          join plans p on p.tenant_id = pv.tenant_id and p.id = pv.plan_id
          where pv.tenant_id = ${tenantId} and p.status = 'ready'
            and pv.date >= ${day(from)} and pv.date < ${day(to)}),
        chosen as (
          select rd.rep_id, rd.date, (
            select p.id from plans p
            where p.tenant_id = ${tenantId} and p.status = 'ready'
              and p.start_date <= rd.date and rd.date < p.start_date + p.days
              and (p.team_id is null or p.team_id = (
                select sp.team_id from staff_profiles sp
                where sp.tenant_id = ${tenantId} and sp.user_id = rd.rep_id))
            order by p.created_at desc, p.id desc limit 1) as plan_id
          from rep_days rd)
        select ${groupKey(byRep, sql`pv.rep_id`)} as k,
          count(*)::int as planned,
          coalesce(sum(pv.travel_seconds_before), 0)::float8 as travel
        from chosen ch
        join planned_visits pv on pv.tenant_id = ${tenantId} and pv.plan_id = ch.plan_id
          and pv.rep_id = ch.rep_id and pv.date = ch.date
        ${customerJoin(scope, sql`pv`)}
        where ${scopeCondition(scope, sql`pv.rep_id`, sql`c`)}
        group by 1`,
  );

  const overdueRows = !withOverdue
    ? []
    : await queryRows<OverdueRow>(
        tx,
        sql`select k, count(*)::int as customers, count(*) filter (where due < ${day(lastDay)})::int as overdue
        from (
          select ${groupKey(byRep, sql`c.rep_id`)} as k,
            coalesce(
              case when c.last_visit_at < ${at(to)} then (c.last_visit_at at time zone 'Asia/Tokyo')::date
                else (select v.date from visits v
                  where v.tenant_id = c.tenant_id and v.customer_id = c.id
                    and v.check_in_at < ${at(to)} and v.check_out_at is not null
                  order by v.check_in_at desc limit 1) end,
              (c.created_at at time zone 'Asia/Tokyo')::date)
              + c.cadence_days + c.cadence_tolerance_days as due
          from customers c
          where c.tenant_id = ${tenantId} and c.status <> 'churned' and c.archived_at is null
            and c.created_at < ${at(to)} and ${scopeCondition(scope, sql`c.rep_id`, sql`c`)}) x
        group by k`,
      );

  const orders = byKey(orderRows);
  const retention = orders;
  const visits = byKey(visitRows);
  const formsOf = byKey(formRows);
  const plans = byKey(planRows);
  const overdue = byKey(overdueRows);
  const keys = byRep
    ? new Set([...orders.keys(), ...visits.keys(), ...formsOf.keys(), ...plans.keys(), ...overdue.keys()])
    : new Set([TOTAL]);
  // Records without a rep (an order keyed in by the office) count in totals only.
  if (byRep) keys.delete(TOTAL);

  const result = new Map<string, KpiFiguresView>();
  for (const k of keys) {
    const o = orders.get(k);
    const r = retention.get(k);
    const v = visits.get(k);
    const f = formsOf.get(k);
    const p = plans.get(k);
    const d = overdue.get(k);
    const hasData = (o?.any_orders ?? 0) > 0 || (v?.visits ?? 0) > 0 || (f?.forms ?? 0) > 0;
    const count = (n: number | undefined) => (hasData ? (n ?? 0) : null);
    const active = o?.active ?? 0;
    const planned = p?.planned ?? 0;
    const answers = v?.answers ?? 0;
    result.set(k, {
      ordersWon: count(o?.won),
      ordersWonAmountExclTax: count(o?.excl),
      ordersWonAmountInclTax: count(o?.incl),
      formsCollected: count(f?.forms),
      activeCustomers: count(active),
      revenuePerCustomerExclTax: active > 0 ? Math.round((o?.excl ?? 0) / active) : null,
      revenuePerCustomerInclTax: active > 0 ? Math.round((o?.incl ?? 0) / active) : null,
      retentionRate: ratio(r?.retained ?? 0, r?.base ?? 0),
      retentionBase: r?.base ?? 0,
      retained: r?.retained ?? 0,
      repeatRate: ratio(r?.repeated ?? 0, r?.repeat_base ?? 0),
      repeatBase: r?.repeat_base ?? 0,
      repeated: r?.repeated ?? 0,
      satisfactionMean: answers > 0 ? round((v?.sat_sum ?? 0) / answers, 2) : null,
      satisfactionAnswers: answers,
      visitsDone: v?.done ?? 0,
      visitsPlanned: planned,
      visitCompletionRate: ratio(v?.done ?? 0, planned),
      travelSecondsPerVisit: planned > 0 ? Math.round((p?.travel ?? 0) / planned) : null,
      overdueCustomers: d && d.customers > 0 ? d.overdue : null,
    });
  }
  return result;
}

/** The figures of a scope with nothing in it. */
export const emptyFigures = (): KpiFiguresView => ({
  ordersWon: null,
  ordersWonAmountExclTax: null,
  ordersWonAmountInclTax: null,
  formsCollected: null,
  activeCustomers: null,
  revenuePerCustomerExclTax: null,
  revenuePerCustomerInclTax: null,
  retentionRate: null,
  retentionBase: 0,
  retained: 0,
  repeatRate: null,
  repeatBase: 0,
  repeated: 0,
  satisfactionMean: null,
  satisfactionAnswers: 0,
  visitsDone: 0,
  visitsPlanned: 0,
  visitCompletionRate: null,
  travelSecondsPerVisit: null,
  overdueCustomers: null,
});
