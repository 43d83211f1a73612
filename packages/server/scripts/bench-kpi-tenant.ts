/**
 * The KPI bench tenant on PostgreSQL (bench-kpi.ts): 20,000 customers, 50 reps in teams of 8
 * with a manager each, one admin, 3 years of orders topped up to exactly 2,000,000 order lines,
 * two visits per order (one at it, one 12 days before), 申込書, satisfaction answers and a year of weekly
 * company plans. Everything but the base tenant (seedLargeTenant, multi-row inserts) is
 * INSERT … SELECT over generate_series in the database. A row in `kayoi_bench_marker` names the
 * finished tenant, so a second run reuses it.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/database.ts';
import { queryRows } from '../src/platform/db/query-rows.ts';
import { seedLargeTenant } from '../src/seed/seed-large-tenant.ts';

export const BENCH_CUSTOMERS = 20_000;
export const BENCH_REPS = 50;
export const BENCH_ORDER_LINES = 2_000_000;
const MARKER = 'kpi-bench';

export interface KpiBenchTenant {
  tenantId: string;
  slug: string;
  builtAt: string;
  buildSeconds: number;
  reused: boolean;
}

const step = async (label: string, run: () => Promise<unknown>) => {
  const started = performance.now();
  process.stdout.write(`  ${label} … `);
  await run();
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
};

/** The marked bench tenant, built first when the database has none. */
export async function kpiBenchTenant(admin: Db): Promise<KpiBenchTenant> {
  await admin.execute(sql`create table if not exists kayoi_bench_marker (
    name text primary key, tenant_id text not null, built_at timestamptz not null default now(),
    build_seconds numeric not null)`);
  const [found] = await queryRows<{
    tenant_id: string;
    slug: string;
    built_at: string;
    build_seconds: string;
  }>(
    admin,
    sql`select m.tenant_id, o.slug, m.built_at::text, m.build_seconds::text from kayoi_bench_marker m
        join organization o on o.id = m.tenant_id where m.name = ${MARKER}`,
  );
  if (found)
    return {
      tenantId: found.tenant_id,
      slug: found.slug,
      builtAt: found.built_at,
      buildSeconds: Number(found.build_seconds),
      reused: true,
    };

  console.log('building the KPI bench tenant (no marker in this database):');
  const started = performance.now();
  let tenantId = '';
  let slug = '';
  await step(`${BENCH_CUSTOMERS} customers, ${BENCH_REPS} reps and 3 years of orders`, async () => {
    const tenant = await seedLargeTenant(admin, {
      customers: BENCH_CUSTOMERS,
      years: 3,
      customersPerRep: BENCH_CUSTOMERS / BENCH_REPS,
      repsPerTeam: 8,
      name: 'KPIベンチ商事株式会社',
      slug: MARKER,
    });
    tenantId = tenant.tenantId;
    slug = tenant.slug;
  });
  await admin.transaction(async (tx) => {
    await step(`orders topped up to ${BENCH_ORDER_LINES.toLocaleString('en')} lines`, () =>
      topUpOrderLines(tx as unknown as Db, tenantId),
    );
    await step('visits, 申込書 and satisfaction', () => addVisits(tx as unknown as Db, tenantId));
    await step('a year of weekly company plans', () => addPlans(tx as unknown as Db, tenantId));
  });
  await step('vacuum analyze', () => admin.execute(sql`vacuum analyze`));
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  await admin.execute(
    sql`insert into kayoi_bench_marker (name, tenant_id, build_seconds) values (${MARKER}, ${tenantId}, ${buildSeconds})`,
  );
  return { tenantId, slug, builtAt: new Date().toISOString(), buildSeconds, reused: false };
}

/** Extra orders of 4 lines (the last one fewer) for random customers and days of the 3 years. */
async function topUpOrderLines(tx: Db, tenantId: string) {
  const [have] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from order_lines where tenant_id = ${tenantId}`,
  );
  const missing = BENCH_ORDER_LINES - (have?.n ?? 0);
  if (missing <= 0) return;
  await tx.execute(sql`select setseed(0.42)`);
  await tx.execute(sql`create temp table x_customers on commit drop as
    select row_number() over (order by id)::int as k, id, rep_id from customers where tenant_id = ${tenantId}`);
  await tx.execute(sql`create temp table x_products on commit drop as
    select row_number() over (order by id)::int as k, id, code, name, unit, unit_price,
      case tax_category when 'reduced' then 8 else 10 end as tax_rate
    from products where tenant_id = ${tenantId} and unit_price > 0`);
  await tx.execute(sql`create temp table x_orders on commit drop as
    select g as n, gen_random_uuid()::text as id,
      1 + floor(random() * (select count(*) from x_customers))::int as ck,
      now() - interval '1 day' - random() * interval '1094 days' as ordered_at,
      random() < 0.01 as cancelled
    from generate_series(1, ${Math.ceil(missing / 4)}) g`);
  await tx.execute(sql`create temp table x_lines on commit drop as
    select o.id as order_id, l as line_no, p.id as product_id, p.code, p.name, p.unit, p.unit_price,
      p.tax_rate, q.qty, floor(q.qty * p.unit_price)::int as amount
    from x_orders o cross join generate_series(1, 4) l
    cross join lateral (select 1 + floor(random() * 12)::int as qty, 1 + floor(random() * (select count(*) from x_products))::int as pk
      where o.n * 0 = 0) q
    join x_products p on p.k = q.pk
    where (o.n - 1) * 4 + l <= ${missing}`);
  await tx.execute(sql`insert into orders (tenant_id, id, order_no, customer_id, rep_id, ordered_at, status,
      subtotal_standard, subtotal_reduced, tax_standard, tax_reduced, total, cancel_reason, created_at, updated_at)
    select ${tenantId}, o.id, 'KB-' || lpad(o.n::text, 8, '0'), c.id, c.rep_id, o.ordered_at,
      case when o.cancelled then 'cancelled' when o.ordered_at > now() - interval '3 days' then 'ordered'
        else 'delivered' end,
      s.std, s.red, floor(s.std * 0.10)::int, floor(s.red * 0.08)::int,
      s.std + s.red + floor(s.std * 0.10)::int + floor(s.red * 0.08)::int,
      case when o.cancelled then '先方都合' end, o.ordered_at, o.ordered_at
    from x_orders o join x_customers c on c.k = o.ck
    join (select order_id, coalesce(sum(amount) filter (where tax_rate = 10), 0)::int as std,
            coalesce(sum(amount) filter (where tax_rate = 8), 0)::int as red
          from x_lines group by order_id) s on s.order_id = o.id`);
  await tx.execute(sql`insert into order_lines (tenant_id, order_id, line_no, product_id, product_code,
      product_name, unit, quantity, unit_price, tax_rate, amount)
    select ${tenantId}, order_id, line_no, product_id, code, name, unit, qty, unit_price, tax_rate, amount
    from x_lines`);
  await tx.execute(sql`update customers c set last_order_at = m.last
    from (select customer_id, max(ordered_at) as last from orders
          where tenant_id = ${tenantId} and status <> 'cancelled' group by 1) m
    where c.tenant_id = ${tenantId} and c.id = m.customer_id`);
}

/**
 * A checked-out visit at each order (20 minutes before it) and one 12 days before it without an
 * order, satisfaction on about 30% of them and a 申込書 (forms) at about 6%.
 */
async function addVisits(tx: Db, tenantId: string) {
  await tx.execute(sql`insert into visits (tenant_id, id, customer_id, rep_id, date, check_in_at, check_out_at,
      satisfaction, created_at, updated_at)
    select ${tenantId}, gen_random_uuid()::text, o.customer_id, o.rep_id,
      ((o.ordered_at - shift) at time zone 'Asia/Tokyo')::date,
      o.ordered_at - shift - interval '20 minutes', o.ordered_at - shift + interval '10 minutes',
      case when random() < 0.3 then least(5, 2 + floor(random() * 4))::smallint end,
      o.ordered_at - shift, o.ordered_at - shift
    from orders o
    cross join lateral (values (interval '0 days'), (interval '12 days')) s(shift)
    where o.tenant_id = ${tenantId} and o.rep_id is not null`);
  await tx.execute(sql`insert into forms (tenant_id, id, customer_id, kind, rep_id, collected_on, visit_id,
      created_by, updated_by, created_at, updated_at)
    select ${tenantId}, gen_random_uuid()::text, customer_id,
      (array['new_service', 'contract_change', 'renewal', 'cancellation', 'other'])[1 + floor(random() * 5)::int],
      rep_id, date, id, rep_id, rep_id, check_out_at, check_out_at
    from visits where tenant_id = ${tenantId} and random() < 0.06`);
  await tx.execute(sql`update customers c set last_visit_at = m.last
    from (select customer_id, max(check_out_at) as last from visits where tenant_id = ${tenantId} group by 1) m
    where c.tenant_id = ${tenantId} and c.id = m.customer_id`);
}

/** A ready company plan per week (Monday, 5 days) over the last year, a stop per visit of its days. */
async function addPlans(tx: Db, tenantId: string) {
  const [admin] = await queryRows<{ user_id: string }>(
    tx,
    sql`select user_id from member where organization_id = ${tenantId} and role = 'admin' limit 1`,
  );
  await tx.execute(sql`insert into plans (tenant_id, id, start_date, days, status, created_by, created_at, updated_at)
    select ${tenantId}, 'kb-plan-' || w::date, w::date, 5, 'ready', ${admin?.user_id ?? ''},
      w - interval '3 days', w - interval '3 days'
    from generate_series(date_trunc('week', now() - interval '1 year'), now(), interval '1 week') w`);
  await tx.execute(sql`insert into planned_visits (tenant_id, id, plan_id, customer_id, rep_id, date, seq,
      planned_arrival, planned_start, planned_departure, travel_seconds_before, status)
    select ${tenantId}, gen_random_uuid()::text, 'kb-plan-' || date_trunc('week', v.date)::date, v.customer_id,
      v.rep_id, v.date, row_number() over (partition by v.rep_id, v.date order by v.check_in_at)::int,
      v.check_in_at, v.check_in_at, v.check_out_at, 300 + floor(random() * 1200)::int, 'done'
    from visits v
    where v.tenant_id = ${tenantId} and v.date >= date_trunc('week', now() - interval '1 year')::date
      and extract(isodow from v.date) <= 5`);
}
