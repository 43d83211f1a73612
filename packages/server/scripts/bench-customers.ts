/**
 * Customer book timings on a seeded large tenant (default 20,000 customers, 1 year of orders),
 * on in-memory PGlite or on PostgreSQL when DATABASE_URL is set. Prints figures; asserts nothing.
 *
 *   npx tsx scripts/bench-customers.ts [--customers 20000] [--years 1] [--runs 5]
 */
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { exportCustomersCsv } from '../src/domains/customers/export-customers-csv.ts';
import { getCustomer } from '../src/domains/customers/get-customer.ts';
import { listCustomers } from '../src/domains/customers/list-customers.ts';
import { previewCustomerImport } from '../src/domains/customers/preview-customer-import.ts';
import type { Actor } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { queryRows } from '../src/platform/db/query-rows.ts';
import { member, staffProfiles } from '../src/platform/db/schema/index.ts';
import { createSigner } from '../src/platform/signer.ts';
import { seedLargeTenant } from '../src/seed/seed-large-tenant.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '20000' },
    years: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  adminUrl: process.env.DATABASE_ADMIN_URL || undefined,
});
// The seed, the lookups and ANALYZE are the owner's work; the timed use cases run as the app's login.
const { db, admin: owner } = database;
let started = performance.now();
const tenant = await seedLargeTenant(owner, {
  customers: Number(values.customers),
  years: Number(values.years),
  name: `ベンチ ${Date.now()}`,
});
console.log(
  `driver ${database.driver}; seeded ${values.customers} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const actorOf = async (role: 'admin' | 'manager' | 'rep'): Promise<Actor> => {
  const [m] = await owner
    .select({ userId: member.userId, teamId: staffProfiles.teamId })
    .from(member)
    .leftJoin(
      staffProfiles,
      and(eq(staffProfiles.tenantId, member.organizationId), eq(staffProfiles.userId, member.userId)),
    )
    .where(and(eq(member.organizationId, tenant.tenantId), eq(member.role, role)))
    .limit(1);
  return { tenantId: tenant.tenantId, userId: m!.userId, role, teamId: m!.teamId ?? null };
};
const signer = createSigner('bench-cursor-signing-secret-32-characters');
const admin = await actorOf('admin');
const manager = await actorOf('manager');
const rep = await actorOf('rep');

async function time(label: string, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(
    `${label.padEnd(52)} median ${median.toFixed(1).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms`,
  );
}

const [sample] = await queryRows<{ id: string; name_kana: string; phone: string }>(
  owner,
  sql`select id, name_kana, phone from customers where tenant_id = ${tenant.tenantId} order by code limit 1 offset 1234`,
);
const hiragana = sample!.name_kana
  .slice(0, 4)
  .replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

await time('list admin, first page, BEFORE analyze (no planner stats)', () =>
  listCustomers({ db, signer, actor: admin, filters: {} }),
);
// PGlite runs no autovacuum: after a bulk load the planner has no statistics until ANALYZE.
started = performance.now();
await owner.execute(sql`analyze`);
console.log(`analyze ${(performance.now() - started).toFixed(0)} ms`);

for (const sort of ['name', 'rank', '-lastOrderAt', 'nextVisitDue'] as const) {
  await time(`list admin, first page of 50, sort=${sort}`, () =>
    listCustomers({ db, signer, actor: admin, filters: {}, sort }),
  );
}
await time('list admin, walk 25 pages of 200 by cursor (5,000 rows)', async () => {
  let cursor: string | undefined;
  const first = await listCustomers({ db, signer, actor: admin, filters: {}, limit: 200 });
  cursor = first.nextCursor ?? undefined;
  for (let i = 0; i < 24 && cursor; i++) {
    cursor =
      (await listCustomers({ db, signer, actor: admin, filters: {}, limit: 200, cursor })).nextCursor ??
      undefined;
  }
});
await time('list manager (team scope), first page', () =>
  listCustomers({ db, signer, actor: manager, filters: {} }),
);
await time('list rep (own ~75), first page', () => listCustomers({ db, signer, actor: rep, filters: {} }));
await time(`search admin q=${hiragana} (hiragana → kana)`, () =>
  listCustomers({ db, signer, actor: admin, filters: { q: hiragana } }),
);
await time(`search admin q=${sample!.phone.replace(/-/g, '')} (phone digits)`, () =>
  listCustomers({ db, signer, actor: admin, filters: { q: sample!.phone.replace(/-/g, '') } }),
);
await time('detail with stats (admin)', () => getCustomer({ db, actor: admin, id: sample!.id }));
let csv: Buffer | undefined;
await time(`export all ${values.customers} as Shift_JIS (admin)`, async () => {
  csv = (await exportCustomersCsv({ db, actor: admin, filters: {} })).bytes;
});
await time(`import preview of that export (${values.customers} rows)`, () =>
  previewCustomerImport({ db, actor: admin, locale: 'ja', file: csv! }),
);
console.log(`export size ${(csv!.length / 1024 / 1024).toFixed(1)} MiB`);
await database.close();
