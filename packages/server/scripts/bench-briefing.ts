/**
 * The pre-visit briefing's response time on the 20,000-customer tenant (seed-large-tenant.ts):
 * seeds it (with the complaint history) into a temporary PGlite, or reuses the `bench` tenant
 * of --data-dir / DATABASE_URL when it is there, then reads the briefing of ~50 customers as
 * their rep (the whole use case: role scope, every section, talking points) and prints
 * p50/p95/max. Prints figures; asserts nothing.
 *
 *   npm run bench:briefing -w packages/server [-- --customers 20000 --samples 50 --data-dir DIR]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { getBriefing } from '../src/domains/briefing/get-briefing.ts';
import { getTimeline } from '../src/domains/briefing/get-timeline.ts';
import type { Actor } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { queryRows } from '../src/platform/db/query-rows.ts';
import { seedComplaintHistory } from '../src/seed/complaint-history.ts';
import { seedLargeTenant } from '../src/seed/seed-large-tenant.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '20000' },
    years: { type: 'string', default: '3' },
    samples: { type: 'string', default: '50' },
    'data-dir': { type: 'string' },
  },
});
const customerCount = Number(values.customers);
const samples = Number(values.samples);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl
  ? undefined
  : (values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'kayoi-bench-briefing-')));

const database = await openDatabase({
  databaseUrl,
  adminUrl: process.env.DATABASE_ADMIN_URL || undefined,
  ...(dataDir ? { dataDir } : {}),
});
const { db, admin } = database;
console.log(`database: ${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`}`);

let [tenant] = await queryRows<{ id: string; customers: number }>(
  admin,
  sql`select o.id, (select count(*)::int from customers c where c.tenant_id = o.id) as customers
      from organization o where o.slug = 'bench'`,
);
if (!tenant || tenant.customers < customerCount) {
  const started = performance.now();
  const seeded = await seedLargeTenant(admin, { customers: customerCount, years: Number(values.years) });
  const history = await seedComplaintHistory(admin, {
    tenantId: seeded.tenantId,
    now: new Date(),
    seed: 20000,
  });
  await admin.execute(sql`analyze`);
  console.log(
    `seeded ${customerCount} customers, ${values.years} years, ${history.complaints} complaints in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  tenant = { id: seeded.tenantId, customers: customerCount };
} else console.log(`reusing tenant bench (${tenant.customers} customers)`);

const counts = await queryRows<{ orders: number; lines: number; complaints: number }>(
  admin,
  sql`select (select count(*)::int from orders where tenant_id = ${tenant.id}) as orders,
             (select count(*)::int from order_lines where tenant_id = ${tenant.id}) as lines,
             (select count(*)::int from complaints where tenant_id = ${tenant.id}) as complaints`,
);
console.log('rows:', counts[0]);

// Every n-th customer (by code), each read as its rep, with the rep's team for the role scope.
const picked = await queryRows<{ id: string; rep_id: string; team_id: string | null }>(
  admin,
  sql`select c.id, c.rep_id, sp.team_id from (
        select id, rep_id, row_number() over (order by code) as n from customers
        where tenant_id = ${tenant.id} and rep_id is not null) c
      join staff_profiles sp on sp.tenant_id = ${tenant.id} and sp.user_id = c.rep_id
      where c.n % ${Math.max(1, Math.floor(tenant.customers / samples))} = 0
      order by c.n limit ${samples}`,
);
const actorOf = (r: (typeof picked)[number]): Actor => ({
  tenantId: tenant!.id,
  userId: r.rep_id,
  role: 'rep',
  teamId: r.team_id,
});

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
async function measure(label: string, run: (r: (typeof picked)[number]) => Promise<unknown>) {
  for (const r of picked.slice(0, 5)) await run(r); // warm-up
  const times: number[] = [];
  for (const r of picked) {
    const started = performance.now();
    await run(r);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `${label}: n=${times.length} p50 ${f(pct(times, 50))}  p95 ${f(pct(times, 95))}  max ${f(times[times.length - 1]!)}`,
  );
}

let lines = 0;
await measure('briefing (rep)', async (r) => {
  const b = await getBriefing({ db, actor: actorOf(r), customerId: r.id });
  lines += b.recentOrders.items.length + b.reorderDue.length + b.talkingPoints.length;
});
await measure('briefing (admin)', (r) =>
  getBriefing({
    db,
    actor: { tenantId: tenant!.id, userId: r.rep_id, role: 'admin', teamId: null },
    customerId: r.id,
  }),
);
await measure('timeline first page (rep)', (r) => getTimeline({ db, actor: actorOf(r), customerId: r.id }));
console.log(`(${lines} order, reorder and talking-point lines read)`);
await database.close();
