import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { type KpiPeriod, previousPeriod, tokyoMidnight } from './kpi-period.ts';
import type { KpiFiguresView } from './kpi-schemas.ts';
import { customerJoin, type ResolvedScope, scopeCondition } from './kpi-scope.ts';
import { ACTIVE_WINDOW_DAYS } from './kpi-values.ts';
import { ALL_REPS } from './tables.ts';

export interface ComputeKpisOptions {
  /**
   * Runs `fn` in a transaction of the caller (withTenant: row-level security narrows every query
   * to their book). The orders' statements and the rest (visits, forms, planned stops, overdue
   * customers) go to two such transactions side by side, on two connections of the pool; on
   * PGlite they take turns. Neither waits for a connection while holding one.
   */
  run: KpiRun;
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

/** Opens a transaction of the caller for `fn`: a KpiTransaction bound to its actor. */
export type KpiRun = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

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
 * Room for the per-customer hash tables of a company's months read from the records (about
 * 20,000 customers × the periods' figures): with the default 4 MB they spill to disk in batches.
 * For this transaction only; the summary tables' groups fit the default.
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
 * const run: KpiRun = (fn) => withTenant(db, actor, fn);
 * const figures = (await computeKpis({ run, tenantId, scope, period: { from: '2025-04-01', to: '2025-05-01' } })).get(TOTAL);
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
  run,
  tenantId,
  scope,
  periods,
  byRep = false,
  withTotal = !byRep,
  today = todayIn(),
  withOverdue = true,
}: ComputeKpisForPeriodsOptions): Promise<Map<string, KpiFiguresView>[]> {
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
  // Orders, visits, forms and planned stops come from the summary tables (migrations 0049, 0050)
  // unless the scope is the customers' current area or rank, which those tables do not key.
  const summarized = scope.areaId === null && scope.rank === null;
  // The company (no rep list): its total is the '*' rows (the day sums, and each customer over all
  // its reps), so a company by rep reads the reps' rows and the '*' rows in one pass grouped by
  // rep, where merging the reps' rows by customer would hash every customer. A team or a rep:
  // the reps' rows, the total by grouping sets (and by customer for the masks).
  const company = !scope.repIds;
  const summaryReps = (column: SQL) =>
    company
      ? !byRep
        ? sql`${column} = ${ALL_REPS}`
        : withTotal
          ? sql`true`
          : sql`${column} <> ${ALL_REPS}`
      : repsOnly(column);
  /** The key of a summary row: '' for the '*' rows (the company's total), else its rep. */
  const starKey = (column: SQL) =>
    byRep
      ? sql`case when ${column} = ${ALL_REPS} then ''::text else coalesce(nullif(${column}, ''), ${NO_REP}::text) end`
      : sql`''::text`;
  const summaryGroup = company
    ? { k: starKey(sql`d.rep_id`), by: byRep ? sql`d.rep_id` : sql`()` }
    : grouping(byRep, withTotal, sql`nullif(d.rep_id, '')`);
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
  const orderRowsOf = async (tx: Tx) =>
    summarized
      ? await summarizedOrderRows(tx)
      : await queryRows<Row>(
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

  /**
   * The same figures from the summary tables (migration 0049): the sums by day from
   * kpi_order_days, and per customer whether it had a won order in each window from
   * kpi_customer_won_days (one `&&` of its won days' multirange per window).
   */
  async function summarizedOrderRows(tx: Tx): Promise<Row[]> {
    const inDays = (a: string, b: string) => sql`d.day >= ${day(a)} and d.day < ${day(b)}`;
    const sums = await queryRows<Row>(
      tx,
      sql`select ${summaryGroup.k} as k, ${sqlList(
        ps.flatMap((p, i) => {
          const inP = inDays(p.from, p.to);
          return [
            sql`coalesce(sum(d.orders) filter (where ${inP}), 0)::int as ${tag('any_orders', i)}`,
            sql`coalesce(sum(d.won) filter (where ${inP}), 0)::int as ${tag('won', i)}`,
            sql`coalesce(sum(d.excl) filter (where ${inP}), 0)::float8 as ${tag('excl', i)}`,
            sql`coalesce(sum(d.incl) filter (where ${inP}), 0)::float8 as ${tag('incl', i)}`,
            sql`(coalesce(sum(d.orders) filter (where ${inP}), 0) > 0
              or coalesce(sum(d.won) filter (where ${inDays(p.earliest, p.to)}), 0) > 0) as ${tag('has_orders', i)}`,
          ];
        }),
      )}
      from (${overRanges(
        orderRanges,
        (r) => sql`select d.rep_id, d.day, d.orders, d.won, d.excl, d.incl from kpi_order_days d
          where d.tenant_id = ${tenantId} and ${inDays(r.from, r.to)} and ${summaryReps(sql`d.rep_id`)}`,
      )}) d
      group by ${summaryGroup.by}`,
    );
    // The windows each period tests, once each: the period, the 90 days before its start and
    // before its end, and the previous period.
    const windows = new Map<string, SQL>();
    const windowOf = (a: string, b: string) => {
      const key = `${a}/${b}`;
      if (!windows.has(key)) windows.set(key, sql.raw(`w${windows.size}`));
      return windows.get(key)!;
    };
    const perPeriod = ps.map((p) => ({
      active: windowOf(p.from, p.to),
      start: windowOf(p.startWindow, p.from),
      end: windowOf(p.endWindow, p.to),
      previous: windowOf(p.previous.from, p.from),
    }));
    const flags = [...windows].map(([key, name]) => {
      const [a, b] = key.split('/') as [string, string];
      return { test: sql`d.won_days && daterange(${day(a)}, ${day(b)})`, name };
    });
    const counts = sqlList(
      perPeriod.flatMap((w, i) => [
        sql`count(*) filter (where ${w.active})::int as ${tag('active', i)}`,
        sql`count(*) filter (where ${w.start})::int as ${tag('base', i)}`,
        sql`count(*) filter (where ${w.start} and ${w.end})::int as ${tag('retained', i)}`,
        sql`count(*) filter (where ${w.previous})::int as ${tag('repeat_base', i)}`,
        sql`count(*) filter (where ${w.previous} and ${w.active})::int as ${tag('repeated', i)}`,
      ]),
    );
    const tests = sqlList(flags.map((f) => sql`${f.test} as ${f.name}`));
    const names = flags.map((f) => f.name);
    // One row per customer of each key. The company: its customers' '*' rows for the total (and
    // the reps' rows by rep), one pass. A team or a rep: the windows are tested once on the reps'
    // rows (one per customer and rep), each rep's key counts its rows, and the total merges them
    // by customer (a customer of two reps is one).
    const masks = company
      ? await queryRows<Row>(
          tx,
          sql`select k, ${counts} from (select ${starKey(sql`d.rep_id`)} as k, ${tests}
            from kpi_customer_won_days d
            where d.tenant_id = ${tenantId} and ${summaryReps(sql`d.rep_id`)} offset 0) w
            group by k`,
        )
      : await queryRows<Row>(
          tx,
          sql`with f as materialized (
              select d.rep_id, d.customer_id, ${tests} from kpi_customer_won_days d
              where d.tenant_id = ${tenantId} and ${repsOnly(sql`d.rep_id`)})
            select k, ${counts} from (${sql.join(
              [
                ...(byRep
                  ? [
                      sql`select coalesce(nullif(f.rep_id, ''), ${NO_REP}::text) as k, ${sqlList(names)} from f`,
                    ]
                  : []),
                ...(withTotal
                  ? [
                      sql`select ''::text as k, ${sqlList(
                        names.map((n) => sql`bool_or(${n}) as ${n}`),
                      )} from f group by f.customer_id`,
                    ]
                  : []),
              ],
              sql` union all `,
            )}) w group by k`,
        );
    const byK = new Map(masks.map((m) => [m.k, m]));
    return sums.map((s) => ({ ...byK.get(s.k), ...s }));
  }

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
  const visitRowsOf = async (tx: Tx) =>
    summarized
      ? await queryRows<Row>(
          tx,
          sql`select ${summaryGroup.k} as k, ${sqlList(
            ps.flatMap((p, i) => {
              const inP = onDays(sql`d.day`, p);
              return [
                sql`coalesce(sum(d.visits) filter (where ${inP}), 0)::int as ${tag('visits', i)}`,
                sql`coalesce(sum(d.done) filter (where ${inP}), 0)::int as ${tag('done', i)}`,
                sql`coalesce(sum(d.answers) filter (where ${inP}), 0)::int as ${tag('answers', i)}`,
                sql`coalesce(sum(d.satisfaction_sum) filter (where ${inP}), 0)::int as ${tag('sat_sum', i)}`,
              ];
            }),
          )}
        from (${overRanges(
          dayRanges,
          (
            r,
          ) => sql`select d.rep_id, d.day, d.visits, d.done, d.answers, d.satisfaction_sum from kpi_visit_days d
            where d.tenant_id = ${tenantId} and ${onDays(sql`d.day`, r)} and ${summaryReps(sql`d.rep_id`)}`,
        )}) d
        group by ${summaryGroup.by}`,
        )
      : await queryRows<Row>(
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

  // 申込書: the forms domain's records (not voided), by the rep who collected them and their day:
  // their day counts (migration 0050), or the forms themselves for an area or rank.
  const formGroup = grouping(byRep, withTotal, sql`f.rep_id`);
  const formRowsOf = async (tx: Tx) =>
    summarized
      ? await queryRows<Row>(
          tx,
          sql`select ${summaryGroup.k} as k, ${sqlList(
            ps.map(
              (p, i) =>
                sql`coalesce(sum(d.forms) filter (where ${onDays(sql`d.day`, p)}), 0)::int as ${tag('forms', i)}`,
            ),
          )}
        from (${overRanges(
          dayRanges,
          (r) => sql`select d.rep_id, d.day, d.forms from kpi_form_days d
            where d.tenant_id = ${tenantId} and ${onDays(sql`d.day`, r)} and ${summaryReps(sql`d.rep_id`)}`,
        )}) d
        group by ${summaryGroup.by}`,
        )
      : await queryRows<Row>(
          tx,
          sql`select ${formGroup.k} as k, ${sqlList(
            ps.map(
              (p, i) =>
                sql`count(*) filter (where ${onDays(sql`f.collected_on`, p)})::int as ${tag('forms', i)}`,
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
  /** The plan of each rep-day: the newest ready plan covering it whose scope holds the rep. */
  /**
   * The plan of each rep-day of `stops`: the newest ready plan covering the day whose scope holds
   * the rep (the company's, or the rep's team's). One hash join of the rep-days with the days of
   * the ready plans (a plan has at most 28), where a sub-select per rep-day scanned the plans.
   */
  const chosenPlans = (stops: SQL) => sql`chosen as (
          select distinct on (rd.rep_id, rd.date) rd.rep_id, rd.date, p.id as plan_id
          from (select distinct rep_id, date from ${stops}) rd
          left join staff_profiles sp on sp.tenant_id = ${tenantId} and sp.user_id = rd.rep_id
          join (select p.id, p.team_id, p.created_at, g.day::date as date
            from plans p, generate_series(p.start_date, p.start_date + p.days - 1, interval '1 day') g(day)
            where p.tenant_id = ${tenantId} and p.status = 'ready'
              and p.start_date < ${day(dayRanges.at(-1)!.to)}
              and p.start_date + p.days > ${day(dayRanges[0]!.from)}) p
            on p.date = rd.date and (p.team_id is null or p.team_id = sp.team_id)
          order by rd.rep_id, rd.date, p.created_at desc, p.id desc)`;
  const summaryPlanRows = (tx: Tx) =>
    queryRows<Row>(
      tx,
      sql`with pd as materialized (
          select d.rep_id, d.day as date, d.plan_id, d.stops, d.travel_seconds
          from (${overRanges(
            dayRanges,
            (r) => sql`select d.tenant_id, d.rep_id, d.day, d.plan_id, d.stops, d.travel_seconds
              from kpi_plan_days d where d.tenant_id = ${tenantId} and ${onDays(sql`d.day`, r)}
                and ${repsOnly(sql`d.rep_id`)}`,
          )}) d
          join plans p on p.tenant_id = d.tenant_id and p.id = d.plan_id
          where p.status = 'ready'),
        ${chosenPlans(sql`pd`)}
        select ${planGroup.k} as k, ${sqlList(
          ps.flatMap((p, i) => {
            const inP = onDays(sql`pv.date`, p);
            return [
              sql`coalesce(sum(pv.stops) filter (where ${inP}), 0)::int as ${tag('planned', i)}`,
              sql`coalesce(sum(pv.travel_seconds) filter (where ${inP}), 0)::float8 as ${tag('travel', i)}`,
            ];
          }),
        )}
        from pd pv
        join chosen ch on ch.plan_id = pv.plan_id and ch.rep_id = pv.rep_id and ch.date = pv.date
        group by ${planGroup.by}`,
    );
  const planRowsOf = async (tx: Tx) =>
    summarized
      ? await summaryPlanRows(tx)
      : await queryRows<Row>(
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
        ${chosenPlans(sql`pvr`)}
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
  const overdueRowsOf = async (tx: Tx): Promise<Row[]> =>
    !withOverdue
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

  // The records' per-customer hashes need the room; the summaries' groups fit the default.
  const room = async (tx: Tx) => {
    if (!summarized) await kpiWorkMem(tx);
  };
  const [orderRows, [visitRows, formRows, planRows, overdueRows]] = await Promise.all([
    run(async (tx) => {
      await room(tx);
      return orderRowsOf(tx);
    }),
    run(async (tx) => {
      await room(tx);
      return [
        await visitRowsOf(tx),
        await formRowsOf(tx),
        await planRowsOf(tx),
        await overdueRowsOf(tx),
      ] as const;
    }),
  ]);

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
