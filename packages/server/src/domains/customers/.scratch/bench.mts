import { sql } from 'drizzle-orm';
import { exportCustomersCsv } from '/work/main/packages/server/src/domains/customers/export-customers-csv.ts';
import { listCustomers } from '/work/main/packages/server/src/domains/customers/list-customers.ts';
import { previewCustomerImport } from '/work/main/packages/server/src/domains/customers/preview-customer-import.ts';
import { withTenant } from '/work/main/packages/server/src/platform/context.ts';
import { openDatabase } from '/work/main/packages/server/src/platform/db/open-database.ts';
import { createTenantFixture } from '/work/main/packages/server/test/support/tenant-fixture.ts';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined });
const db = database.db;
const f = await createTenantFixture(db);
const reps = [f.users.rep1.id, f.users.rep2.id, f.users.rep3.id, f.users.manager.id];
await db.execute(sql`insert into customers (tenant_id, id, code, name, name_kana, address, phone, rep_id, area_id, rank, last_order_at, last_visit_at, time_windows)
  select ${f.tenantId}, 'x' || g, 'C-' || lpad(g::text, 6, '0'), '株式会社テスト' || g, 'テスト' || chr(12449 + (g % 80)) || g, '大阪府大阪市北区' || g, '06-' || lpad((g % 10000)::text, 4, '0') || '-' || lpad(g::text, 4, '0'),
   (array[${reps[0]}, ${reps[1]}, ${reps[2]}, ${reps[3]}])[1 + g % 4], ${f.areas[0]!.id}, (array['A','B','C'])[1 + g % 3], now() - (g % 700) * interval '1 day', now() - (g % 90) * interval '1 day', '[{"start":"09:00","end":"12:00"}]'::jsonb
  from generate_series(1, 20000) g`);
await db.execute(sql`analyze`);
const t = async (label: string, fn: () => Promise<unknown>) => {
  const s: number[] = [];
  for (let i = 0; i < 5; i++) {
    const a = performance.now();
    await fn();
    s.push(performance.now() - a);
  }
  s.sort((x, y) => x - y);
  console.log(label.padEnd(50), s[2]!.toFixed(1), 'ms');
};
const admin = f.actor('admin'),
  manager = f.actor('manager'),
  rep = f.actor('rep1');
for (const sort of ['name', 'rank', '-lastOrderAt', 'nextVisitDue'] as const)
  await t(`admin list ${sort}`, () => listCustomers({ db, actor: admin, filters: {}, sort }));
await t('manager list', () => listCustomers({ db, actor: manager, filters: {} }));
await t('rep list', () => listCustomers({ db, actor: rep, filters: {} }));
await t('admin search kana (hiragana)', () =>
  listCustomers({ db, actor: admin, filters: { q: 'てすとア' } }),
);
await t('admin search phone digits', () => listCustomers({ db, actor: admin, filters: { q: '0612340123' } }));
await t('rep search', () => listCustomers({ db, actor: rep, filters: { q: '株式会社テスト12' } }));
let bytes: Buffer;
await t('admin export 20k sjis', async () => {
  bytes = (await exportCustomersCsv({ db, actor: admin, filters: {} })).bytes;
});
await t('admin import preview 20k', () =>
  previewCustomerImport({ db, actor: admin, locale: 'ja', file: bytes }),
);
for (const [who, actor] of [
  ['admin', admin],
  ['rep', rep],
  ['manager', manager],
] as const) {
  const plan = await withTenant(db, actor, (tx) =>
    tx.execute(
      sql`explain analyze select c.id from customers c left join staff_profiles sp on sp.tenant_id = c.tenant_id and sp.user_id = c.rep_id where c.tenant_id = ${f.tenantId} and c.archived_at is null ${who === 'rep' ? sql`and c.rep_id = ${rep.userId}` : sql``} order by c.name_kana, c.name, c.id limit 51`,
    ),
  );
  console.log(who, (plan as any).rows.map((r: any) => r['QUERY PLAN']).join('\n'));
}
await database.close();
