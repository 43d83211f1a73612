/**
 * The dashboard's response time: the three requests /dashboard makes (GET /api/kpis with both
 * comparisons, the 12-month trend, the table by rep) through their use cases, as the admin
 * (whole company) and as a manager (their team), on the demo company and on the
 * 20,000-customer bench tenant (`npm run bench:seed -w packages/server` makes ./data/bench).
 * Prints p50/p95/max; asserts nothing.
 *
 *   npm run bench:kpis -w packages/server [-- --samples 20 --data-dir ./data/bench --demo-data-dir DIR]
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { getKpiTrend } from '../src/domains/kpis/get-kpi-trend.ts';
import { getKpis } from '../src/domains/kpis/get-kpis.ts';
import { monthOf } from '../src/domains/kpis/kpi-period.ts';
import { listKpisByRep } from '../src/domains/kpis/list-kpis-by-rep.ts';
import { addDays, todayIn } from '../src/domains/planning/working-days.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Actor } from '../src/platform/context.ts';
import type { Db } from '../src/platform/db/database.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { queryRows } from '../src/platform/db/query-rows.ts';
import { resolveFromRepoRoot } from '../src/platform/paths.ts';
import { isDatabaseEmpty, seedDemo } from '../src/seed/seed-demo.ts';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '20' },
    'data-dir': { type: 'string', default: './data/bench' },
    'demo-data-dir': { type: 'string' },
  },
});
const samples = Number(values.samples);

// Last month, compared with the month before and the same month last year; the trend over 12 months.
const lastMonth = monthOf(addDays(monthOf(todayIn()).from, -1));
const trendFrom = monthOf(addDays(lastMonth.to, -365)).to;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function measure(label: string, run: () => Promise<unknown>) {
  await run(); // warm-up
  await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(34)} n=${times.length}  p50 ${ms(pct(times, 50))}  p95 ${ms(pct(times, 95))}  max ${ms(times.at(-1)!)}`,
  );
}

async function actorsOf(
  admin: Db,
  slug: string,
): Promise<{ tenantId: string; admin: Actor; manager: Actor | null }> {
  const rows = await queryRows<{ tenant_id: string; user_id: string; role: string; team_id: string | null }>(
    admin,
    sql`select o.id as tenant_id, m.user_id, m.role, sp.team_id
        from organization o join member m on m.organization_id = o.id
        left join staff_profiles sp on sp.tenant_id = o.id and sp.user_id = m.user_id
        where o.slug = ${slug} and m.role in ('admin', 'manager')
        order by m.role, m.user_id`,
  );
  const a = rows.find((r) => r.role === 'admin');
  const m = rows.find((r) => r.role === 'manager' && r.team_id);
  if (!a) throw new Error(`no admin in tenant ${slug}`);
  return {
    tenantId: a.tenant_id,
    admin: { tenantId: a.tenant_id, userId: a.user_id, role: 'admin', teamId: null },
    manager: m ? { tenantId: m.tenant_id, userId: m.user_id, role: 'manager', teamId: m.team_id } : null,
  };
}

async function benchTenant(db: Db, admin: Db, slug: string) {
  const { tenantId, ...who } = await actorsOf(admin, slug);
  const [counts] = await queryRows<{ customers: number; orders: number; visits: number }>(
    admin,
    sql`select (select count(*)::int from customers where tenant_id = ${tenantId}) as customers,
               (select count(*)::int from orders where tenant_id = ${tenantId}) as orders,
               (select count(*)::int from visits where tenant_id = ${tenantId}) as visits`,
  );
  console.log(`tenant ${slug}: ${JSON.stringify(counts)}; period ${lastMonth.from}..${lastMonth.to}`);
  for (const [role, actor] of Object.entries(who)) {
    if (!actor) continue;
    const query = { from: lastMonth.from, to: lastMonth.to };
    const dashboard = async () => {
      await getKpis({ db, actor, query });
      await getKpiTrend({ db, actor, query: { from: trendFrom, to: lastMonth.to, grain: 'month' } });
      await listKpisByRep({ db, actor, query });
    };
    await measure(`${role}: GET /api/kpis`, () => getKpis({ db, actor, query }));
    await measure(`${role}: GET /api/kpis/trend (12 mo)`, () =>
      getKpiTrend({ db, actor, query: { from: trendFrom, to: lastMonth.to, grain: 'month' } }),
    );
    await measure(`${role}: GET /api/kpis/by-rep`, () => listKpisByRep({ db, actor, query }));
    await measure(`${role}: the dashboard (all three)`, dashboard);
  }
}

// The demo company: the given folder, or a fresh seed in a temporary one.
{
  const dataDir = values['demo-data-dir']
    ? resolveFromRepoRoot(values['demo-data-dir'])
    : mkdtempSync(join(tmpdir(), 'kayoi-bench-kpis-demo-'));
  const database = await openDatabase({ dataDir });
  if (await isDatabaseEmpty(database.admin)) {
    const started = performance.now();
    await seedDemo(database.admin, { appSecret: loadConfig().authSecret });
    console.log(`seeded the demo into ${dataDir} in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  await benchTenant(database.db, database.admin, 'naniwa-office-supply');
  await database.close();
}

// The 20,000-customer tenant.
{
  const dataDir = resolveFromRepoRoot(values['data-dir']);
  if (!existsSync(dataDir)) {
    console.log(`no bench tenant at ${dataDir}: run npm run bench:seed -w packages/server first`);
  } else {
    const database = await openDatabase({ dataDir });
    await benchTenant(database.db, database.admin, 'bench');
    await database.close();
  }
}
