/**
 * What trustworthy writes cost, on in-memory PGlite or on PostgreSQL when DATABASE_URL is set
 * (DATABASE_ADMIN_URL for the owner). Prints figures; asserts nothing.
 *
 *   npx tsx scripts/bench-trust.ts [--writes 2000] [--import 20000]
 *
 * 1. The audit row per write: the same versioned UPDATE of one customer in its own tenant
 *    transaction, without and with its audit row (recordAudit), alternating in rounds.
 * 2. A customer PATCH through the whole use case (validation, version check, audit).
 * 3. An import commit of N updated customers (one version-checked statement per 1,000 rows,
 *    one audit row each): how long it holds the database, which on PGlite is everyone's.
 */
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { commitCustomerImport } from '../src/domains/customers/commit-customer-import.ts';
import { csvColumns } from '../src/domains/customers/customer-values.ts';
import { previewCustomerImport } from '../src/domains/customers/preview-customer-import.ts';
import { customers } from '../src/domains/customers/tables.ts';
import { updateCustomer } from '../src/domains/customers/update-customer.ts';
import { recordAudit } from '../src/platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { queryRows } from '../src/platform/db/query-rows.ts';
import { member, staffProfiles, user } from '../src/platform/db/schema/index.ts';
import { seedLargeTenant } from '../src/seed/seed-large-tenant.ts';

const { values } = parseArgs({
  options: {
    writes: { type: 'string', default: '2000' },
    import: { type: 'string', default: '20000' },
  },
});
const writes = Number(values.writes);
const importRows = Number(values.import);

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  adminUrl: process.env.DATABASE_ADMIN_URL || undefined,
});
const { db, admin: owner } = database;
const tenant = await seedLargeTenant(owner, {
  customers: Math.max(importRows, 1000),
  years: 0,
  name: `信頼ベンチ ${Date.now()}`,
});
const [adminMember] = await owner
  .select({ userId: member.userId, teamId: staffProfiles.teamId })
  .from(member)
  .leftJoin(
    staffProfiles,
    and(eq(staffProfiles.tenantId, member.organizationId), eq(staffProfiles.userId, member.userId)),
  )
  .where(and(eq(member.organizationId, tenant.tenantId), eq(member.role, 'admin')))
  .limit(1);
const admin: Actor = { tenantId: tenant.tenantId, userId: adminMember!.userId, role: 'admin', teamId: null };
const [target] = await queryRows<{ id: string }>(
  owner,
  sql`select id from customers where tenant_id = ${tenant.tenantId} order by id limit 1`,
);
const id = target!.id;
console.log(
  `driver ${database.driver}; ${Math.max(importRows, 1000)} customers seeded; load ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

// 1. audit row per write
let version = (await owner.select({ v: customers.version }).from(customers).where(eq(customers.id, id)))[0]!
  .v;
const write = async (audit: boolean, i: number) => {
  const started = performance.now();
  await withTenant(db, admin, async (tx) => {
    await tx
      .update(customers)
      .set({ notes: `bench ${i}`, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(eq(customers.tenantId, admin.tenantId), eq(customers.id, id), eq(customers.version, version)),
      );
    if (audit)
      await recordAudit(tx, admin, [
        {
          table: 'customers',
          recordId: id,
          action: 'update',
          before: { notes: `bench ${i - 1}` },
          after: { notes: `bench ${i}` },
        },
      ]);
  });
  version++;
  return performance.now() - started;
};
for (let i = 0; i < 100; i++) await write(i % 2 === 0, i); // warm-up
const plain: number[] = [];
const audited: number[] = [];
for (let i = 0; i < writes; i++) (i % 2 === 0 ? plain : audited).push(await write(i % 2 === 1, i + 100));
const plainMs = median(plain);
const auditedMs = median(audited);
console.log(
  `write without audit: median ${(plainMs * 1000).toFixed(0)} µs; with its audit row: ${(auditedMs * 1000).toFixed(0)} µs; ` +
    `audit cost ${((auditedMs - plainMs) * 1000).toFixed(0)} µs per write (${(((auditedMs - plainMs) / plainMs) * 100).toFixed(0)} %), ${writes / 2} writes each`,
);

// 2. the whole PATCH use case
const patchTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  const started = performance.now();
  const updated = await updateCustomer({ db, actor: admin, id, input: { notes: `use case ${i}`, version } });
  version = updated.version;
  patchTimes.push(performance.now() - started);
}
console.log(
  `updateCustomer (validate, version check, update, audit, reload): median ${median(patchTimes).toFixed(2)} ms`,
);

// 3. import commit
const rows = await queryRows<{ code: string; name: string }>(
  owner,
  sql`select c.code, c.name from customers c where c.tenant_id = ${tenant.tenantId} order by c.code limit ${importRows}`,
);
const [adminEmail] = await owner.select({ email: user.email }).from(user).where(eq(user.id, admin.userId));
const repEmails = await queryRows<{ code: string; email: string }>(
  owner,
  sql`select c.code, u.email from customers c join "user" u on u.id = c.rep_id where c.tenant_id = ${tenant.tenantId}`,
);
const emailOf = new Map(repEmails.map((r) => [r.code, r.email]));
const csv = [
  csvColumns.join(','),
  ...rows.map(
    (r) =>
      `${r.code},${r.name}（更新）,,御中,,,,${emailOf.get(r.code) ?? adminEmail!.email},,B,稼働,28,3,,,30,,,`,
  ),
].join('\n');
let started = performance.now();
const preview = await previewCustomerImport({
  db,
  actor: admin,
  locale: 'ja',
  file: new TextEncoder().encode(csv),
});
const previewMs = performance.now() - started;
if (preview.errors.length > 0) console.log('preview errors', preview.errors.slice(0, 3));
started = performance.now();
const result = await commitCustomerImport({ db, actor: admin, importId: preview.importId });
const commitMs = performance.now() - started;
console.log(
  `import of ${rows.length} rows: preview ${(previewMs / 1000).toFixed(2)} s, commit ${(commitMs / 1000).toFixed(2)} s ` +
    `(${result.updated} updated, ${result.created} created, ${result.updated + result.created + 1} audit rows)`,
);
await database.close();
