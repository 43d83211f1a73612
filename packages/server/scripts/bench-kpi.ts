/**
 * The dashboard at scale (issue 10 item 6), on PostgreSQL: builds — or reuses, found by its
 * marker — a tenant of 20,000 customers, 50 reps and 2,000,000 order lines (bench-kpi-tenant.ts),
 * then times each of the dashboard's requests through the HTTP API (the real app on a local
 * port, signed in as the admin, a manager and a rep of their team) next to the same use case's
 * statements run directly, two ways, sample for sample in turn:
 * - as the table owner: no row-level security, the plain SQL (the target's ratio);
 * - as the actor: the very statements the API sends (withTenant: the app role, row-level
 *   security), without HTTP and the session look-up, so that the two ratios split the API's
 *   extra time into the request's fixed cost and row-level security's.
 * The figures the API answers are compared with the direct ones (the KPIs must stay exact).
 * Prints the machine's load with the figures; asserts nothing.
 *
 *   npm run bench:kpi -w packages/server [-- --samples 60 --database-url postgres://…]
 *
 * DATABASE_URL (or --database-url) names the database; default postgres://postgres@127.0.0.1:5432/kayoi_bench.
 */

import { loadavg } from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { getKpiTrend } from '../src/domains/kpis/get-kpi-trend.ts';
import { getKpis } from '../src/domains/kpis/get-kpis.ts';
import { monthOf, previousPeriod, tokyoMidnight } from '../src/domains/kpis/kpi-period.ts';
import type { KpiTransaction } from '../src/domains/kpis/kpi-transaction.ts';
import { ACTIVE_WINDOW_DAYS } from '../src/domains/kpis/kpi-values.ts';
import { listKpisByRep } from '../src/domains/kpis/list-kpis-by-rep.ts';
import { addDays, todayIn } from '../src/domains/planning/working-days.ts';
import type { Actor } from '../src/platform/context.ts';
import type { Db, Tx } from '../src/platform/db/database.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { queryRows } from '../src/platform/db/query-rows.ts';
import { serveBenchApp } from './bench-app.ts';
import { BENCH_CUSTOMERS, kpiBenchTenant } from './bench-kpi-tenant.ts';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '60' },
    'database-url': { type: 'string' },
    /** Time the database as it stands (e.g. before a migration), without applying pending ones. */
    'no-migrate': { type: 'boolean', default: false },
  },
});
const samples = Number(values.samples);
const databaseUrl =
  values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kayoi_bench';
const adminUrl = process.env.DATABASE_ADMIN_URL ?? databaseUrl;

// Last month against the month before and the same month last year; the trend over 12 months.
const lastMonth = monthOf(addDays(monthOf(todayIn()).from, -1));
const trendFrom = monthOf(addDays(lastMonth.to, -365)).to;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

/**
 * Times several ways of answering the same request, round-robin sample by sample so that the
 * load of a shared machine weighs on all alike. Returns each one's times, sorted.
 */
async function timesOf(runs: (() => Promise<unknown>)[]) {
  for (let i = 0; i < 2; i++) for (const run of runs) await run(); // warm-up (plans, caches)
  const times = runs.map(() => [] as number[]);
  for (let i = 0; i < samples; i++)
    for (const [j, run] of runs.entries()) {
      const started = performance.now();
      await run();
      times[j]!.push(performance.now() - started);
    }
  return times.map((t) => t.sort((x, y) => x - y));
}

/**
 * The company's order KPIs of a period recomputed the plain way, as the table owner: one
 * statement per figure family, count(distinct …), no shared pass. What the API answers must equal it.
 */
async function referenceFigures(db: Db, tenantId: string, from: string, to: string) {
  const at = (date: string) => sql`${tokyoMidnight(date)}::timestamptz`;
  const previous = previousPeriod({ from, to });
  const startWindow = addDays(from, -ACTIVE_WINDOW_DAYS);
  const endWindow = addDays(to, -ACTIVE_WINDOW_DAYS);
  const [o] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as "ordersWon", sum(subtotal_standard + subtotal_reduced)::int as "ordersWonAmountExclTax",
          sum(total)::int as "ordersWonAmountInclTax", count(distinct customer_id)::int as "activeCustomers"
        from orders where tenant_id = ${tenantId} and status <> 'cancelled'
          and ordered_at >= ${at(from)} and ordered_at < ${at(to)}`,
  );
  const ids = async (a: string, b: string) =>
    new Set(
      (
        await queryRows<{ id: string }>(
          db,
          sql`select distinct customer_id as id from orders where tenant_id = ${tenantId} and status <> 'cancelled'
              and ordered_at >= ${at(a)} and ordered_at < ${at(b)}`,
        )
      ).map((r) => r.id),
    );
  const [start, end, before, now] = [
    await ids(startWindow, from),
    await ids(endWindow, to),
    await ids(previous.from, from),
    await ids(from, to),
  ];
  const both = (x: Set<string>, y: Set<string>) => [...x].filter((id) => y.has(id)).length;
  return {
    ...o,
    retentionBase: start.size,
    retained: both(start, end),
    repeatBase: before.size,
    repeated: both(before, now),
  };
}

const database = await openDatabase({ databaseUrl, adminUrl, migrate: !values['no-migrate'] });
const admin = database.admin;
try {
  const tenant = await kpiBenchTenant(admin);
  const [counts] = await queryRows<Record<string, number>>(
    admin,
    sql`select (select count(*)::int from customers where tenant_id = ${tenant.tenantId}) as customers,
          (select count(*)::int from member where organization_id = ${tenant.tenantId} and role = 'rep') as reps,
          (select count(*)::int from teams where tenant_id = ${tenant.tenantId}) as teams,
          (select count(*)::int from orders where tenant_id = ${tenant.tenantId}) as orders,
          (select count(*)::int from order_lines where tenant_id = ${tenant.tenantId}) as order_lines,
          (select count(*)::int from visits where tenant_id = ${tenant.tenantId}) as visits,
          (select count(*)::int from planned_visits where tenant_id = ${tenant.tenantId}) as planned_visits`,
  );
  console.log(
    `tenant ${tenant.slug} (${tenant.reused ? 'reused' : 'built'}; built ${tenant.builtAt} in ${tenant.buildSeconds} s): ${JSON.stringify(counts)}`,
  );
  if (counts?.customers !== BENCH_CUSTOMERS) console.log('  (not the expected customer count)');

  // The actors: the admin, the first team's manager and its first rep.
  const slug = tenant.slug;
  const people = await queryRows<{ email: string; user_id: string; role: string; team_id: string | null }>(
    admin,
    sql`select u.email, m.user_id, m.role, sp.team_id from member m join "user" u on u.id = m.user_id
        left join staff_profiles sp on sp.tenant_id = m.organization_id and sp.user_id = m.user_id
        where m.organization_id = ${tenant.tenantId}
          and u.email in (${`admin@${slug}.kayoi.jp`}, ${`manager1@${slug}.kayoi.jp`}, ${`rep1@${slug}.kayoi.jp`})`,
  );
  const who = ['admin', 'manager', 'rep'].map((role) => {
    const p = people.find((r) => r.role === role);
    if (!p) throw new Error(`no ${role} in the bench tenant`);
    const actor: Actor = {
      tenantId: tenant.tenantId,
      userId: p.user_id,
      role: role as Actor['role'],
      teamId: p.team_id,
    };
    return { role, email: p.email, actor };
  });

  // The real app on a local port.
  const bench = await serveBenchApp(database, databaseUrl);
  const { base, signIn } = bench;

  // The same use case as the table owner: no SET ROLE, so no row-level security.
  const asOwner: KpiTransaction = (_actor, fn) => admin.transaction((tx) => fn(tx as unknown as Tx));
  const period = { from: lastMonth.from, to: lastMonth.to };
  const trend = { from: trendFrom, to: lastMonth.to, grain: 'month' as const };
  const requests = [
    {
      name: 'GET /api/kpis (+ previous, last year)',
      path: `/api/kpis?from=${period.from}&to=${period.to}`,
      direct: (actor: Actor, transaction?: KpiTransaction) =>
        getKpis({ db: database.db, actor, query: period, transaction }),
    },
    {
      name: 'GET /api/kpis/trend (12 months)',
      path: `/api/kpis/trend?from=${trend.from}&to=${trend.to}&grain=month`,
      direct: (actor: Actor, transaction?: KpiTransaction) =>
        getKpiTrend({ db: database.db, actor, query: trend, transaction }),
    },
    {
      name: 'GET /api/kpis/by-rep',
      path: `/api/kpis/by-rep?from=${period.from}&to=${period.to}`,
      direct: (actor: Actor, transaction?: KpiTransaction) =>
        listKpisByRep({ db: database.db, actor, query: period, transaction }),
    },
  ];

  const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  console.log(
    `period ${period.from}..${period.to}; trend ${trend.from}..${trend.to}; ${samples} samples each`,
  );
  console.log(`load average (1/5/15 min) before: ${load()}`);
  console.log(
    `${'as'.padEnd(8)}${'request'.padEnd(40)}${'API p50'.padStart(11)}${'API p95'.padStart(11)}` +
      `${'owner p50'.padStart(11)}${'owner p95'.padStart(11)}${'ratio'.padStart(8)}` +
      `${'actor p95'.padStart(11)}${'ratio'.padStart(8)}  exact`,
  );
  const worst = { p95: 0, ratio: 0, actorRatio: 0 };
  for (const { role, email, actor } of who) {
    const cookie = await signIn(email);
    for (const r of requests) {
      const get = async () => {
        const res = await fetch(`${base}${r.path}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${r.path} as ${role}: ${res.status} ${await res.text()}`);
        return res.json();
      };
      const exact = isDeepStrictEqual(
        await get(),
        JSON.parse(JSON.stringify(await r.direct(actor, asOwner))),
      );
      const [api, owner, asActor] = await timesOf([
        get,
        () => r.direct(actor, asOwner),
        () => r.direct(actor),
      ]);
      const ratio = pct(api!, 95) / pct(owner!, 95);
      const actorRatio = pct(api!, 95) / pct(asActor!, 95);
      worst.p95 = Math.max(worst.p95, pct(api!, 95));
      worst.ratio = Math.max(worst.ratio, ratio);
      worst.actorRatio = Math.max(worst.actorRatio, actorRatio);
      const times = (ratio: number) => `${ratio.toFixed(2)}×`.padStart(8);
      console.log(
        `${role.padEnd(8)}${r.name.padEnd(40)}${ms(pct(api!, 50))}${ms(pct(api!, 95))}` +
          `${ms(pct(owner!, 50))}${ms(pct(owner!, 95))}${times(ratio)}${ms(pct(asActor!, 95))}${times(actorRatio)}` +
          `  ${exact ? 'yes' : 'NO'}`,
      );
    }
  }
  console.log(`load average (1/5/15 min) after: ${load()}`);

  // The company's figures through the API against the plain recomputation.
  const adminCookie = await signIn(who[0]!.email);
  const res = await fetch(`${base}/api/kpis?from=${period.from}&to=${period.to}`, {
    headers: { cookie: adminCookie },
  });
  const current = ((await res.json()) as { figures: { current: Record<string, unknown> } }).figures.current;
  const reference = await referenceFigures(admin, tenant.tenantId, period.from, period.to);
  const differing = Object.entries(reference).filter(([key, value]) => current[key] !== value);
  console.log(
    differing.length === 0
      ? `exact: the company's ${Object.keys(reference).join(', ')} equal a plain recomputation (${JSON.stringify(reference)})`
      : `NOT EXACT: ${differing.map(([k, v]) => `${k} API ${current[k]} vs ${v}`).join('; ')}`,
  );
  console.log(
    `worst API p95 ${worst.p95.toFixed(1)} ms (target ≤ 150); worst p95 ratio to the owner's SQL ${worst.ratio.toFixed(2)}× (target ≤ 1.3), to the actor's ${worst.actorRatio.toFixed(2)}×`,
  );
  console.log(
    'the fixed cost of one authenticated request (HTTP, session look-up, tenant transaction): npm run bench:overhead',
  );
  await bench.close();
} finally {
  await database.close();
}
