/**
 * The fixed cost of an authenticated API request, on PostgreSQL: GET /api/me signed in as a rep
 * (through the real app on a local port, and through app.fetch without the socket) next to a
 * bare `select 1` transaction, sample for sample in turn; then the pieces of the request on
 * their own (better-auth's getSession, the actor resolution, withTenant around `select 1`) and
 * the statements one request sends. Prints the machine's load with the figures; asserts nothing.
 *
 *   npm run bench:overhead -w packages/server [-- --samples 300 --database-url postgres://… --email rep1@…]
 *
 * DATABASE_URL (or --database-url) names a database with a signed-in-able user: by default the
 * KPI bench tenant's rep1 (bench-kpi.ts builds it), with the demo password. Never migrates.
 */

import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { getMe } from '../src/domains/auth/get-me.ts';
import { resolveActor } from '../src/domains/auth/resolve-actor.ts';
import { withTenant } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { queryRows } from '../src/platform/db/query-rows.ts';
import { serveBenchApp } from './bench-app.ts';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '300' },
    'database-url': { type: 'string' },
    email: { type: 'string' },
    path: { type: 'string', default: '/api/me' },
  },
});
const samples = Number(values.samples);
const databaseUrl =
  values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kayoi_bench';

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
const ms = (n: number) => `${n.toFixed(2).padStart(7)} ms`;

// Counts (and, while `recording`, keeps) the statements every pg client sends.
let recording: string[] | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  if (recording)
    recording.push((typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' '));
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** Times several ways of doing things, round-robin sample by sample (a shared machine weighs on all alike). */
async function timesOf(runs: Record<string, () => Promise<unknown>>) {
  const entries = Object.entries(runs);
  for (let i = 0; i < 20; i++) for (const [, run] of entries) await run(); // warm-up
  const times = Object.fromEntries(entries.map(([name]) => [name, [] as number[]]));
  for (let i = 0; i < samples; i++)
    for (const [name, run] of entries) {
      const started = performance.now();
      await run();
      times[name]!.push(performance.now() - started);
    }
  for (const list of Object.values(times)) list.sort((x, y) => x - y);
  return times;
}

const database = await openDatabase({ databaseUrl, migrate: false });
const admin = database.admin;
try {
  const [person] = await queryRows<{ email: string }>(
    admin,
    values.email
      ? sql`select email from "user" where email = ${values.email}`
      : sql`select u.email from kayoi_bench_marker b join organization o on o.id = b.tenant_id
            join "user" u on u.email = 'rep1@' || o.slug || '.kayoi.jp' where b.name = 'kpi-bench'`,
  );
  if (!person) throw new Error('no user to sign in as (pass --email)');

  const bench = await serveBenchApp(database, databaseUrl);
  const { app, auth, authentication, base } = bench;
  // The same app authenticating the way it did before the one-round-trip look-up (better-auth's
  // getSession, then resolveActor), for an A/B in one process.
  const before: typeof authentication = {
    mount: authentication.mount,
    async actorOf(c) {
      const found = await auth.api.getSession({ headers: c.req.raw.headers });
      if (!found) throw new Error('unauthenticated');
      const resolved = await resolveActor(c.var.db, {
        userId: found.user.id,
        activeOrganizationId: found.session.activeOrganizationId,
      });
      if (!resolved) throw new Error('no_tenant');
      return resolved;
    },
  };
  const appBefore = bench.appWith(before);
  const cookie = await bench.signIn(person.email);
  const headers = new Headers({ cookie });
  const session = await auth.api.getSession({ headers });
  if (!session) throw new Error('no session');
  const actor = await resolveActor(database.db, {
    userId: session.user.id,
    activeOrganizationId: session.session.activeOrganizationId,
  });
  if (!actor) throw new Error('no actor');

  const path = values.path;
  const overHttp = async () => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.text();
  };
  const inProcessBefore = async () => {
    const res = await appBefore.fetch(new Request(`http://localhost${path}`, { headers: { cookie } }));
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return res.text();
  };
  const inProcess = async () => {
    const res = await app.fetch(new Request(`http://localhost${path}`, { headers: { cookie } }));
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return res.text();
  };

  console.log(
    `${person.email} ${path}; ${samples} samples each; load average (1/5/15 min) before: ${load()}`,
  );
  recording = [];
  await inProcess();
  const statements = recording;
  recording = null;
  console.log(`one authenticated ${path} sends ${statements.length} statements:`);
  for (const s of statements) console.log(`  ${s.slice(0, 150)}`);

  const times = await timesOf({
    [`HTTP GET ${path}`]: overHttp,
    [`app.fetch GET ${path}`]: inProcess,
    [`app.fetch GET ${path}, getSession + resolveActor`]: inProcessBefore,
    'getSession (better-auth)': () => auth.api.getSession({ headers }),
    'session → actor (actorOf, one trip)': () =>
      authentication.actorOf({ req: { raw: { headers } }, var: { db: database.db } } as never),
    resolveActor: () =>
      resolveActor(database.db, { userId: actor.userId, activeOrganizationId: actor.tenantId }),
    [path === '/api/me' ? 'getMe (use case)' : 'withTenant(select 1)']: () =>
      path === '/api/me'
        ? getMe({ db: database.db, actor })
        : withTenant(database.db, actor, (tx) => tx.execute(sql`select 1`)),
    'withTenant(select 1)': () => withTenant(database.db, actor, (tx) => tx.execute(sql`select 1`)),
    'transaction(select 1)': () => database.db.transaction((tx) => tx.execute(sql`select 1`)),
    'select 1': () => database.db.execute(sql`select 1`),
  });
  console.log(`${'what'.padEnd(34)}${'p50'.padStart(10)}${'p95'.padStart(10)}`);
  for (const [name, list] of Object.entries(times))
    console.log(`${name.padEnd(34)}${ms(pct(list, 50))}${ms(pct(list, 95))}`);
  const http = times[`HTTP GET ${path}`]!;
  const bare = times['transaction(select 1)']!;
  console.log(
    `fixed cost: HTTP ${path} p50 ${ms(pct(http, 50) - pct(bare, 50))} / p95 ${ms(pct(http, 95) - pct(bare, 95))} above a bare select-1 transaction; p95 ratio ${(pct(http, 95) / pct(bare, 95)).toFixed(2)}×`,
  );
  console.log(`load average (1/5/15 min) after: ${load()}`);
  await bench.close();
} finally {
  await database.close();
}
