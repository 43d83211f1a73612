import type { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { badKpiCursor } from './kpi-errors.ts';
import { previousPeriod, tokyoMidnight } from './kpi-period.ts';
import type { KpiRecord, KpiRecordPage, KpiRecordsQuery } from './kpi-schemas.ts';
import { resolveKpiScope, scopeCondition } from './kpi-scope.ts';
import { ACTIVE_WINDOW_DAYS, type KpiRecordKind } from './kpi-values.ts';
import { resolvePeriod } from './resolve-period.ts';

/** The deepest record a drill-down reaches (offset of the last page). */
export const MAX_RECORD_OFFSET = 5000;

export interface ListKpiRecordsOptions {
  db: Db;
  actor: Actor;
  kpi: KpiRecordKind;
  query: z.output<typeof KpiRecordsQuery>;
  today?: string;
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,5})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!(offset > 0 && offset <= MAX_RECORD_OFFSET)) throw badKpiCursor();
  return offset;
}

type Row = z.output<typeof KpiRecord>;
const at = (date: string) => sql`${tokyoMidnight(date)}::timestamptz`;

/** Columns every record shares, with nulls for what a kind does not have. */
const blank = sql`null::text as order_no, null::int as orders, null::float8 as amount_excl,
  null::float8 as amount_incl, null::int as forms, null::int as satisfaction, null::boolean as kept,
  null::text as due_date`;

/**
 * The orders, visits or customers behind one number of GET /api/kpis (same scope and period),
 * a page at a time: won orders newest first; customers by amount; the retention or repeat base
 * with `kept`; visits newest first; overdue customers most overdue first.
 */
export async function listKpiRecords({
  db,
  actor,
  kpi,
  query,
  today = todayIn(),
}: ListKpiRecordsOptions): Promise<z.output<typeof KpiRecordPage>> {
  const period = resolvePeriod(query);
  const limit = query.limit ?? 50;
  const offset = query.cursor ? decodeCursor(query.cursor) : 0;
  const { from, to } = period;
  return withTenant(db, actor, async (tx) => {
    const scope = await resolveKpiScope(tx, actor, query);
    const t = actor.tenantId;
    const orderScope = scopeCondition(scope, sql`o.rep_id`, sql`c`);
    const visitScope = scopeCondition(scope, sql`v.rep_id`, sql`c`);
    const inPeriod = sql`o.ordered_at >= ${at(from)} and o.ordered_at < ${at(to)}`;
    const visitsIn = sql`v.tenant_id = ${t} and v.date >= ${from}::date and v.date < ${to}::date and ${visitScope}`;
    const visitSelect = (extra: SQL, where: SQL) => sql`
      select 'visit' as type, v.id, c.id as customer_id, c.code as customer_code, c.name as customer_name,
        v.rep_id, sp.display_name as rep_name, v.date::text as date,
        null::text as order_no, null::int as orders, null::float8 as amount_excl, null::float8 as amount_incl,
        null::int as forms, v.satisfaction::int as satisfaction, null::boolean as kept, null::text as due_date
      from visits v join customers c on c.tenant_id = v.tenant_id and c.id = v.customer_id
      left join staff_profiles sp on sp.tenant_id = v.tenant_id and sp.user_id = v.rep_id
      where ${visitsIn} and ${where} ${extra}`;
    const customerRep = sql`left join staff_profiles sp on sp.tenant_id = c.tenant_id and sp.user_id = c.rep_id`;
    const base = (() => {
      switch (kpi) {
        case 'ordersWon':
          return sql`
            select 'order' as type, o.id, c.id as customer_id, c.code as customer_code, c.name as customer_name,
              o.rep_id, sp.display_name as rep_name, ((o.ordered_at at time zone 'Asia/Tokyo')::date)::text as date,
              o.order_no, null::int as orders, (o.subtotal_standard + o.subtotal_reduced)::float8 as amount_excl,
              o.total::float8 as amount_incl, null::int as forms, null::int as satisfaction, null::boolean as kept,
              null::text as due_date
            from orders o join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
            left join staff_profiles sp on sp.tenant_id = o.tenant_id and sp.user_id = o.rep_id
            where o.tenant_id = ${t} and o.status <> 'cancelled' and ${inPeriod} and ${orderScope}
            order by o.ordered_at desc, o.id`;
        case 'activeCustomers':
        case 'revenuePerCustomer':
          return sql`
            select 'customer' as type, c.id, c.id as customer_id, c.code as customer_code, c.name as customer_name,
              c.rep_id, sp.display_name as rep_name, null::text as date, null::text as order_no,
              x.orders, x.excl as amount_excl, x.incl as amount_incl, null::int as forms,
              null::int as satisfaction, null::boolean as kept, null::text as due_date
            from (select o.customer_id, count(*)::int as orders,
                    sum(o.subtotal_standard + o.subtotal_reduced)::float8 as excl, sum(o.total)::float8 as incl
                  from orders o join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
                  where o.tenant_id = ${t} and o.status <> 'cancelled' and ${inPeriod} and ${orderScope}
                  group by o.customer_id) x
            join customers c on c.tenant_id = ${t} and c.id = x.customer_id ${customerRep}
            order by x.excl desc, c.id`;
        case 'retention':
        case 'repeat': {
          const window =
            kpi === 'retention'
              ? {
                  baseFrom: addDays(from, -ACTIVE_WINDOW_DAYS),
                  baseTo: from,
                  keptFrom: addDays(to, -ACTIVE_WINDOW_DAYS),
                  keptTo: to,
                }
              : { baseFrom: previousPeriod(period).from, baseTo: from, keptFrom: from, keptTo: to };
          return sql`
            select 'customer' as type, c.id, c.id as customer_id, c.code as customer_code, c.name as customer_name,
              c.rep_id, sp.display_name as rep_name, null::text as date, null::text as order_no,
              null::int as orders, null::float8 as amount_excl, null::float8 as amount_incl, null::int as forms,
              null::int as satisfaction, x.kept, null::text as due_date
            from (select o.customer_id,
                    bool_or(o.ordered_at >= ${at(window.keptFrom)} and o.ordered_at < ${at(window.keptTo)}) as kept
                  from orders o join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
                  where o.tenant_id = ${t} and o.status <> 'cancelled' and ${orderScope}
                    and ((o.ordered_at >= ${at(window.baseFrom)} and o.ordered_at < ${at(window.baseTo)})
                      or (o.ordered_at >= ${at(window.keptFrom)} and o.ordered_at < ${at(window.keptTo)}))
                  group by o.customer_id
                  having bool_or(o.ordered_at >= ${at(window.baseFrom)} and o.ordered_at < ${at(window.baseTo)})) x
            join customers c on c.tenant_id = ${t} and c.id = x.customer_id ${customerRep}
            order by x.kept, c.code, c.id`;
        }
        case 'formsCollected':
          // The forms domain's records (not voided), one line per visit (or per form without one).
          return sql`
            select case when x.visit_id is null then 'form' else 'visit' end as type, x.id,
              c.id as customer_id, c.code as customer_code, c.name as customer_name,
              x.rep_id, sp.display_name as rep_name, x.date::text as date,
              null::text as order_no, null::int as orders, null::float8 as amount_excl, null::float8 as amount_incl,
              x.forms, null::int as satisfaction, null::boolean as kept, null::text as due_date
            from (select coalesce(f.visit_id, f.id) as id, f.visit_id, f.customer_id, f.rep_id,
                    max(f.collected_on) as date, count(*)::int as forms
                  from forms f join customers c on c.tenant_id = f.tenant_id and c.id = f.customer_id
                  where f.tenant_id = ${t} and f.voided_at is null
                    and f.collected_on >= ${from}::date and f.collected_on < ${to}::date
                    and ${scopeCondition(scope, sql`f.rep_id`, sql`c`)}
                  group by coalesce(f.visit_id, f.id), f.visit_id, f.customer_id, f.rep_id) x
            join customers c on c.tenant_id = ${t} and c.id = x.customer_id
            left join staff_profiles sp on sp.tenant_id = ${t} and sp.user_id = x.rep_id
            order by x.date desc, x.id`;
        case 'satisfaction':
          return visitSelect(sql`order by v.date desc, v.id`, sql`v.satisfaction is not null`);
        case 'visitsDone':
          return visitSelect(sql`order by v.date desc, v.id`, sql`v.check_out_at is not null`);
        case 'overdueCustomers': {
          const lastDay = [addDays(to, -1), today].sort()[0] as string;
          return sql`
            select * from (
              select 'customer' as type, c.id, c.id as customer_id, c.code as customer_code, c.name as customer_name,
                c.rep_id, sp.display_name as rep_name, x.last::text as date, ${blank}
                , (x.last + c.cadence_days + c.cadence_tolerance_days)::text as due
              from customers c ${customerRep}
              cross join lateral (select coalesce(case when c.last_visit_at < ${at(to)} then (c.last_visit_at at time zone 'Asia/Tokyo')::date
                else (select v.date from visits v
                  where v.tenant_id = c.tenant_id and v.customer_id = c.id
                    and v.check_in_at < ${at(to)} and v.check_out_at is not null
                  order by v.check_in_at desc limit 1) end,
                  (c.created_at at time zone 'Asia/Tokyo')::date) as last) x
              where c.tenant_id = ${t} and c.status <> 'churned' and c.archived_at is null
                and c.created_at < ${at(to)} and ${scopeCondition(scope, sql`c.rep_id`, sql`c`)}) y
            where y.due < ${lastDay} order by y.due, y.id`;
        }
      }
    })();
    const rows = await queryRows<Record<string, unknown>>(
      tx,
      sql`${base} limit ${limit + 1} offset ${offset}`,
    );
    const more = rows.length > limit && offset + limit < MAX_RECORD_OFFSET;
    const items: Row[] = rows.slice(0, limit).map((r) => ({
      type: r.type as Row['type'],
      id: String(r.id),
      customerId: String(r.customer_id),
      customerCode: String(r.customer_code),
      customerName: String(r.customer_name),
      repId: (r.rep_id as string | null) ?? null,
      repName: (r.rep_name as string | null) ?? null,
      date: (r.date as string | null) ?? null,
      orderNo: (r.order_no as string | null) ?? null,
      orders: (r.orders as number | null) ?? null,
      amountExclTax: r.amount_excl == null ? null : Number(r.amount_excl),
      amountInclTax: r.amount_incl == null ? null : Number(r.amount_incl),
      forms: (r.forms as number | null) ?? null,
      satisfaction: (r.satisfaction as number | null) ?? null,
      kept: (r.kept as boolean | null) ?? null,
      dueDate: ((r.due ?? r.due_date) as string | null) ?? null,
    }));
    return { kpi, items, nextCursor: more ? encodeCursor(offset + limit) : null };
  });
}
