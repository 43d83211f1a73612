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
  /** With byRep: the scope's total under {@link TOTAL} as well, from the same pass. */
  withTotal?: boolean;
  /** Today in Asia/Tokyo (the overdue reference day is at most today). */
  today?: string;
  /** Count overdue customers (a state of today's book; comparisons leave it out: null). */
  withOverdue?: boolean;
}

export interface ComputeKpisForPeriodsOptions extends Omit<ComputeKpisOptions, 'period' | 'withOverdue'> {
  /** The periods, each computed exactly as on its own; one scan of their merged date ranges. */
  periods: readonly KpiPeriod[];
  /** Count overdue customers for the first period only. */
  withOverdue?: boolean;
}

/** The key of the scope's total in the map computeKpis returns. */
export const TOTAL = '';
/** Records without a rep (an order keyed in by the office): in totals only, never a rep's row. */
const NO_REP = '#none';

type Row = Record<string, unknown> & { k: string };

const won = sql`o.status <> 'cancelled'`;
const at = (date: string) => sql`${tokyoMidnight(date)}::timestamptz`;
const day = (date: string) => sql`${date}::date`;
const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};
const ratio = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const num = (row: Row | undefined, column: string) => Number(row?.[column] ?? 0);

/**
 * The grouping of one family: one total (''), one row per rep, or both in one pass (grouping
 * sets). `inner` is the extra grouping column (the customer) the orders pass groups by first.
 */
function grouping(byRep: boolean, withTotal: boolean, rep: SQL, inner?: SQL) {
  const k = byRep
    ? sql`case when grouping(${rep}) = 1 then ''::text else coalesce(${rep}, ${NO_REP}::text) end`
    : sql`''::text`;
  const tail = inner ? sql`, ${inner}` : sql``;
  const by = !byRep
    ? (inner ?? sql`()`)
    : withTotal
      ? sql`grouping sets ((${rep}${tail}), (${inner ?? sql``}))`
      : sql`${rep}${tail}`;
  return { k, by };
}

/**
 * Room for the per-customer hash tables of a company's months (about 20,000 customers × the
 * periods' figures): with the default 4 MB they spill to disk in batches. For this transaction only.
 */
export async function kpiWorkMem(tx: Tx) {
  await tx.execute(sql`select set_config('work_mem', '64MB', true)`);
}

/** Sorted, disjoint `[from, to)` ranges covering all the given ones. */
function mergeRanges(ranges: { from: string; to: string }[]) {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  const merged: { from: string; to: string }[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) {
      if (r.to > last.to) last.to = r.to;
    } else merged.push({ ...r });
  }
  return merged;
}

/**
 * The records of one table over disjoint ranges of a column, as one relation: UNION ALL of
 * one range scan each (index-only on the covering indexes), never an OR the planner would
 * turn into a bitmap heap scan.
 */
function overRanges(
  ranges: { from: string; to: string }[],
  branch: (range: { from: string; to: string }) => SQL,
) {
  return ranges.length === 1
    ? branch(ranges[0]!)
    : sql.join(
        ranges.map((r) => sql`(${branch(r)})`),
        sql` union all `,
      );
}

/**
 * Every KPI of docs/kpi.md for one scope and period. Returns the scope's figures under
 * {@link TOTAL}, or one entry per rep (and the total with `withTotal`).
 *
 * @example
 * const figures = (await computeKpis({ tx, tenantId, scope, period: { from: '2025-04-01', to: '2025-05-01' } })).get(TOTAL);
 */
export async function computeKpis(options: ComputeKpisOptions): Promise<Map<string, KpiFiguresView>> {
  const { period, withOverdue = true, ...rest } = options;
  const [figures] = await computeKpisForPeriods({ ...rest, periods: [period], withOverdue });
  return figures!;
}

/**
 * Every KPI of docs/kpi.md for one scope and several periods (a month with the month before and
 * the same month last year): one SQL statement per KPI family (orders with retention and
 * repeat; visits; forms; planned visits; overdue customers) for all periods at once, each
 * reading the merged date ranges once, each period's figures picked by FILTER clauses. Each
 * period's figures equal computeKpis of that period alone.
 */
export async function computeKpisForPeriods({
  tx,
  tenantId,
  scope,
  periods,
  byRep = false,
  withTotal = !byRep,
  today = todayIn(),
  withOverdue = true,
}: ComputeKpisForPeriodsOptions): Promise<Map<string, KpiFiguresView>[]> {
  await kpiWorkMem(tx);
  const ps = periods.map((period) => {
    const previous = previousPeriod(period);
    const startWindow = addDays(period.from, -ACTIVE_WINDOW_DAYS);
    return {
      ...period,
      previous,
      startWindow,
      endWindow: addDays(period.to, -ACTIVE_WINDOW_DAYS),
      earliest: [startWindow, previous.from].sort()[0] as string,
    };
  });
  const tag = (name: string, i: number) => sql.raw(`${name}_${i}`);
  // The scope's reps inside each range scan (an index range by rep where one exists); area and
  // rank are the customer's, applied after the join.
  const repsOnly = (column: SQL) =>
    scope.repIds ? scopeCondition({ ...scope, areaId: null, rank: null }, column, sql`c`) : sql`true`;
  const sqlList = (parts: SQL[]) => sql.join(parts, sql`, `);

  // Orders and retention in one pass over the merged [earliest, to) of every period. Each order
  // is first reduced to its segment between the periods' boundaries (width_bucket, one binary
  // search; `offset 0` keeps it computed once per row) and whether it was won; then by
  // customer, each period's figures from integer segment ranges (FILTER, where comparing the
  // instant against every boundary cost more); then by the scope or rep. Grouping by customer
  // is a hash, where count(distinct) would sort.
  const orderRanges = mergeRanges(ps.map((p) => ({ from: p.earliest, to: p.to })));
  const bounds = [
    ...new Set(ps.flatMap((p) => [p.earliest, p.startWindow, p.previous.from, p.from, p.endWindow, p.to])),
  ].sort();
  // One bit per segment in a bigint (a few periods give at most 6 bounds each).
  if (bounds.length > 62) throw new Error('computeKpisForPeriods: too many periods at once');
  /** Segments of `[a, b)`: width_bucket numbers bounds from 1. */
  const segs = (a: string, b: string) =>
    sql.raw(`o.seg >= ${bounds.indexOf(a) + 1} and o.seg < ${bounds.indexOf(b) + 1}`);
  const orderGroup = grouping(byRep, withTotal, sql`o.rep_id`, sql`o.customer_id`);
  const between = (a: string, b: string) => sql`o.ordered_at >= ${at(a)} and o.ordered_at < ${at(b)}`;
  /** The bit mask of the segments of `[a, b)`, for the per-customer masks below. */
  const mask = (a: string, b: string) => {
    let m = 0n;
    for (let seg = bounds.indexOf(a) + 1; seg < bounds.indexOf(b) + 1; seg++) m |= 1n << BigInt(seg);
    return sql.raw(`${m}::bigint`);
  };
  const has = (column: string, a: string, b: string) => sql`(${sql.raw(column)} & ${mask(a, b)}) <> 0`;
  // Per customer: the segments with a won order (wm) and with any order (am), one bit each,
  // and each period's won orders and amounts. Retention, repeat and activity are then tests on
  // the masks, not eight FILTERed aggregates per period over every order.
  const perCustomer = [
    sql`bit_or(1::bigint << o.seg) filter (where o.won) as wm`,
    sql`bit_or(1::bigint << o.seg) as am`,
    ...ps.flatMap((p, i) => {
      const inPeriod = segs(p.from, p.to);
      return [
        sql`count(*) filter (where ${inPeriod} and o.won) as ${tag('won', i)}`,
        sql`sum(o.excl) filter (where ${inPeriod} and o.won) as ${tag('excl', i)}`,
        sql`sum(o.incl) filter (where ${inPeriod} and o.won) as ${tag('incl', i)}`,
      ];
    }),
  ];
  const perKey = ps.flatMap((p, i) => [
    sql`count(*) filter (where ${has('am', p.from, p.to)})::int as ${tag('any_orders', i)}`,
    sql`coalesce(sum(${tag('won', i)}), 0)::int as ${tag('won', i)}`,
    sql`coalesce(sum(${tag('excl', i)}), 0)::float8 as ${tag('excl', i)}`,
    sql`coalesce(sum(${tag('incl', i)}), 0)::float8 as ${tag('incl', i)}`,
    sql`count(*) filter (where ${has('wm', p.from, p.to)})::int as ${tag('active', i)}`,
    sql`count(*) filter (where ${has('wm', p.startWindow, p.from)})::int as ${tag('base', i)}`,
    sql`count(*) filter (where ${has('wm', p.startWindow, p.from)} and ${has('wm', p.endWindow, p.to)})::int as ${tag('retained', i)}`,
    sql`count(*) filter (where ${has('wm', p.previous.from, p.from)})::int as ${tag('repeat_base', i)}`,
    sql`count(*) filter (where ${has('wm', p.previous.from, p.from)} and ${has('wm', p.from, p.to)})::int as ${tag('repeated', i)}`,
    sql`coalesce(bool_or(${has('am', p.from, p.to)} or ${has('wm', p.earliest, p.to)}), false) as ${tag('has_orders', i)}`,
  ]);
  const rep = byRep ? sql`o.rep_id, ` : sql``;
  const orderRows = await queryRows<Row>(
    tx,
    sql`with s as (
          select ${rep}o.customer_id,
            width_bucket(o.ordered_at, array[${sql.join(
              bounds.map((d) => sql`${tokyoMidnight(d)}::timestamptz`),
              sql`, `,
            )}]::timestamptz[]) as seg,
            ${won} as won, o.subtotal_standard + o.subtotal_reduced as excl, o.total as incl
          from (${overRanges(
            orderRanges,
            (r) => sql`select o.tenant_id, o.customer_id, o.rep_id, o.status, o.ordered_at,
                o.subtotal_standard, o.subtotal_reduced, o.total
              from orders o where o.tenant_id = ${tenantId} and ${between(r.from, r.to)}
                and ${repsOnly(sql`o.rep_id`)}`,
          )}) o ${customerJoin(scope, sql`o`)}
          where ${scopeCondition(scope, sql`o.rep_id`, sql`c`)}
          offset 0),
        w as (
          select ${orderGroup.k} as k, ${sqlList(perCustomer)}
          from s o group by ${orderGroup.by})
        select k, ${sqlList(perKey)} from (select k, coalesce(wm, 0) as wm, am, ${sqlList(
          ps.flatMap((_, i) => [tag('won', i), tag('excl', i), tag('incl', i)]),
        )} from w) w group by k`,
  );

  // Visits, forms and planned stops: one scan of the merged periods, each period by FILTER.
  const dayRanges = mergeRanges(ps.map((p) => ({ from: p.from, to: p.to })));
  const onDays = (column: SQL, r: { from: string; to: string }) =>
    sql`${column} >= ${day(r.from)} and ${column} < ${day(r.to)}`;

  const visitGroup = grouping(byRep, withTotal, sql`v.rep_id`);
  // Each visit's segment between the periods' days once (width_bucket, `offset 0`), then each
  // period's figures by an integer range.
  const dayBounds = [...new Set(ps.flatMap((p) => [p.from, p.to]))].sort();
  const daySegs = (p: KpiPeriod) =>
    sql.raw(`v.seg >= ${dayBounds.indexOf(p.from) + 1} and v.seg < ${dayBounds.indexOf(p.to) + 1}`);
  const visitRows = await queryRows<Row>(
    tx,
    sql`select ${visitGroup.k} as k, ${sqlList(
      ps.flatMap((p, i) => {
        const inP = daySegs(p);
        return [
          sql`count(*) filter (where ${inP})::int as ${tag('visits', i)}`,
          sql`count(*) filter (where ${inP} and v.check_out_at is not null)::int as ${tag('done', i)}`,
          sql`count(v.satisfaction) filter (where ${inP})::int as ${tag('answers', i)}`,
          sql`coalesce(sum(v.satisfaction) filter (where ${inP}), 0)::int as ${tag('sat_sum', i)}`,
        ];
      }),
    )}
        from (select v.*, width_bucket(v.date, array[${sql.join(
          dayBounds.map((d) => sql`${d}::date`),
          sql`, `,
        )}]::date[]) as seg
          from (${overRanges(
            dayRanges,
            (r) => sql`select v.tenant_id, v.customer_id, v.rep_id, v.date, v.check_out_at, v.satisfaction
              from visits v where v.tenant_id = ${tenantId} and ${onDays(sql`v.date`, r)}
                and ${repsOnly(sql`v.rep_id`)}`,
          )}) v offset 0) v
        ${customerJoin(scope, sql`v`)}
        where ${scopeCondition(scope, sql`v.rep_id`, sql`c`)}
        group by ${visitGroup.by}`,
  );

  // 申込書: the forms domain's records (not voided), by the rep who collected them and their day.
  const formGroup = grouping(byRep, withTotal, sql`f.rep_id`);
  const formRows = await queryRows<Row>(
    tx,
    sql`select ${formGroup.k} as k, ${sqlList(
      ps.map(
        (p, i) => sql`count(*) filter (where ${onDays(sql`f.collected_on`, p)})::int as ${tag('forms', i)}`,
      ),
    )}
        from (${overRanges(
          dayRanges,
          (r) => sql`select f.tenant_id, f.customer_id, f.rep_id, f.collected_on
            from forms f where f.tenant_id = ${tenantId} and f.voided_at is null
              and ${onDays(sql`f.collected_on`, r)} and ${repsOnly(sql`f.rep_id`)}`,
        )}) f
        ${customerJoin(scope, sql`f`)}
        where ${scopeCondition(scope, sql`f.rep_id`, sql`c`)}
        group by ${formGroup.by}`,
  );

  // Planned stops: the stops of ready plans in the periods, read once (materialized), then each
  // rep-day's plan chosen once (the newest ready plan covering it) and its stops kept.
  const byCustomer = scope.areaId !== null || scope.rank !== null;
  const planGroup = grouping(byRep, withTotal, sql`pv.rep_id`);
  const planRows = await queryRows<Row>(
    tx,
    sql`with pvr as materialized (
          select pv.*
          from (${overRanges(
            dayRanges,
            // customer_id only for an area or rank scope: the covering index does not hold it.
            (
              r,
            ) => sql`select pv.tenant_id, ${byCustomer ? sql`pv.customer_id, ` : sql``}pv.rep_id, pv.date, pv.plan_id,
                pv.travel_seconds_before
              from planned_visits pv where pv.tenant_id = ${tenantId} and ${onDays(sql`pv.date`, r)}
                and ${repsOnly(sql`pv.rep_id`)}`,
          )}) pv
          join plans p on p.tenant_id = pv.tenant_id and p.id = pv.plan_id
          where p.status = 'ready'),
        chosen as materialized (
          select rd.rep_id, rd.date, (
            select p.id from plans p
            where p.tenant_id = ${tenantId} and p.status = 'ready'
              and p.start_date <= rd.date and rd.date < p.start_date + p.days
              and (p.team_id is null or p.team_id = (
                select sp.team_id from staff_profiles sp
                where sp.tenant_id = ${tenantId} and sp.user_id = rd.rep_id))
            order by p.created_at desc, p.id desc limit 1) as plan_id
          from (select distinct rep_id, date from pvr) rd)
        select ${planGroup.k} as k, ${sqlList(
          ps.flatMap((p, i) => {
            const inP = onDays(sql`pv.date`, p);
            return [
              sql`count(*) filter (where ${inP})::int as ${tag('planned', i)}`,
              sql`coalesce(sum(pv.travel_seconds_before) filter (where ${inP}), 0)::float8 as ${tag('travel', i)}`,
            ];
          }),
        )}
        from pvr pv
        join chosen ch on ch.plan_id = pv.plan_id and ch.rep_id = pv.rep_id and ch.date = pv.date
        ${customerJoin(scope, sql`pv`)}
        where ${scopeCondition(scope, sql`pv.rep_id`, sql`c`)}
        group by ${planGroup.by}`,
  );

  const first = ps[0]!;
  const lastDay = [addDays(first.to, -1), today].sort()[0] as string;
  const overdueGroup = grouping(byRep, withTotal, sql`x.rep_id`);
  const overdueRows = !withOverdue
    ? []
    : await queryRows<Row>(
        tx,
        sql`select ${overdueGroup.k} as k, count(*)::int as customers,
          count(*) filter (where due < ${day(lastDay)})::int as overdue
        from (
          select c.rep_id,
            coalesce(
              case when c.last_visit_at < ${at(first.to)} then (c.last_visit_at at time zone 'Asia/Tokyo')::date
                else (select v.date from visits v
                  where v.tenant_id = c.tenant_id and v.customer_id = c.id
                    and v.check_in_at < ${at(first.to)} and v.check_out_at is not null
                  order by v.check_in_at desc limit 1) end,
              (c.created_at at time zone 'Asia/Tokyo')::date)
              + c.cadence_days + c.cadence_tolerance_days as due
          from customers c
          where c.tenant_id = ${tenantId} and c.status <> 'churned' and c.archived_at is null
            and c.created_at < ${at(first.to)} and ${scopeCondition(scope, sql`c.rep_id`, sql`c`)}) x
        group by ${overdueGroup.by}`,
      );

  const byKey = (rows: Row[], exists: (row: Row) => boolean) =>
    new Map(rows.filter(exists).map((r) => [r.k, r]));
  return ps.map((_, i) => {
    const col = (name: string) => `${name}_${i}`;
    const orders = byKey(orderRows, (r) => r[col('has_orders')] === true);
    const visits = byKey(visitRows, (r) => num(r, col('visits')) > 0);
    const formsOf = byKey(formRows, (r) => num(r, col('forms')) > 0);
    const plans = byKey(planRows, (r) => num(r, col('planned')) > 0);
    const overdue = byKey(i === 0 ? overdueRows : [], (r) => num(r, 'customers') > 0);
    const keys = byRep
      ? new Set([...orders.keys(), ...visits.keys(), ...formsOf.keys(), ...plans.keys(), ...overdue.keys()])
      : new Set([TOTAL]);
    keys.delete(NO_REP);
    if (byRep) {
      if (withTotal) keys.add(TOTAL);
      else keys.delete(TOTAL);
    }

    const result = new Map<string, KpiFiguresView>();
    for (const k of keys) {
      const o = orders.get(k);
      const v = visits.get(k);
      const f = formsOf.get(k);
      const p = plans.get(k);
      const d = overdue.get(k);
      const anyOrders = num(o, col('any_orders'));
      const visitCount = num(v, col('visits'));
      const forms = num(f, col('forms'));
      const hasData = anyOrders > 0 || visitCount > 0 || forms > 0;
      const count = (n: number) => (hasData ? n : null);
      const active = num(o, col('active'));
      const excl = num(o, col('excl'));
      const incl = num(o, col('incl'));
      const planned = num(p, col('planned'));
      const answers = num(v, col('answers'));
      const done = num(v, col('done'));
      result.set(k, {
        ordersWon: count(num(o, col('won'))),
        ordersWonAmountExclTax: count(excl),
        ordersWonAmountInclTax: count(incl),
        formsCollected: count(forms),
        activeCustomers: count(active),
        revenuePerCustomerExclTax: active > 0 ? Math.round(excl / active) : null,
        revenuePerCustomerInclTax: active > 0 ? Math.round(incl / active) : null,
        retentionRate: ratio(num(o, col('retained')), num(o, col('base'))),
        retentionBase: num(o, col('base')),
        retained: num(o, col('retained')),
        repeatRate: ratio(num(o, col('repeated')), num(o, col('repeat_base'))),
        repeatBase: num(o, col('repeat_base')),
        repeated: num(o, col('repeated')),
        satisfactionMean: answers > 0 ? round(num(v, col('sat_sum')) / answers, 2) : null,
        satisfactionAnswers: answers,
        visitsDone: done,
        visitsPlanned: planned,
        visitCompletionRate: ratio(done, planned),
        travelSecondsPerVisit: planned > 0 ? Math.round(num(p, col('travel')) / planned) : null,
        overdueCustomers: d && num(d, 'customers') > 0 ? num(d, 'overdue') : null,
      });
    }
    return result;
  });
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
