import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCustomerHealth } from '../../../src/domains/health/load-customer-health.ts';
import { countDueReorders } from '../../../src/domains/signals/count-due-reorders.ts';
import { webhookSecretBox } from '../../../src/domains/webhooks/webhook-signing.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemo } from '../../../src/seed/seed-demo.ts';
import { recomputedSummaryRows, summaryRows } from '../../support/kpi-summary-rows.ts';
import { createTestApp, request, signIn, type TestApp } from '../../support/test-app.ts';

let t: TestApp;
const NOW = new Date('2026-11-27T03:00:00Z');
const OSAKA = 'tenant-naniwa';

beforeAll(async () => {
  t = await createTestApp();
  // The demo has fixed ids and e-mails: on a shared PostgreSQL test database, remove an earlier run's.
  await t.database.admin.execute(
    sql`delete from organization where id in ('tenant-naniwa', 'tenant-rakuchu')`,
  );
  await t.database.admin.execute(sql`delete from "user" where email like '%@demo.kayoi.jp'`);
  await seedDemo(t.database.admin, { now: NOW, appSecret: t.config.authSecret });
}, 180_000);
afterAll(() => t?.close());

const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await queryRows<T>(t.database.admin, query))[0]!;

describe('demo seed', () => {
  it("keeps the dashboard's summary tables equal to its records (the bulk load skips the triggers, then rebuilds them)", async () => {
    for (const tenantId of [OSAKA, 'tenant-rakuchu']) {
      const summary = await summaryRows(t.database.admin, tenantId);
      expect(summary.orderDays.length).toBeGreaterThan(100);
      expect(summary).toEqual(await recomputedSummaryRows(t.database.admin, tenantId));
    }
  });

  it('makes the database non-empty so a restart does not seed again', async () => {
    expect(await isDatabaseEmpty(t.database.admin)).toBe(false);
  });

  it('gives every カルテ a history consistent with the customer: entered by the admin, later edits by reps and managers', async () => {
    const stats = await one<{
      customers: number;
      created: number;
      reps: number;
      managers: number;
      churned: number;
      churn_events: number;
    }>(sql`
      select
        (select count(*)::int from customers where tenant_id = ${OSAKA}) as customers,
        (select count(*)::int from audit_events where tenant_id = ${OSAKA} and action = 'create' and actor_role = 'admin') as created,
        (select count(*)::int from audit_events where tenant_id = ${OSAKA} and action = 'update' and actor_role = 'rep') as reps,
        (select count(*)::int from audit_events where tenant_id = ${OSAKA} and action = 'update' and actor_role = 'manager') as managers,
        (select count(*)::int from customers where tenant_id = ${OSAKA} and status = 'churned') as churned,
        (select count(*)::int from audit_events a join customers c on c.tenant_id = a.tenant_id and c.id = a.record_id
          where a.tenant_id = ${OSAKA} and a.action = 'status_change' and c.status = 'churned'
            and a.changes -> 'status' ->> 'after' = 'churned') as churn_events`);
    expect(stats.created).toBe(stats.customers);
    expect(stats.reps).toBeGreaterThan(30);
    expect(stats.managers).toBeGreaterThan(10);
    expect(stats.churn_events).toBe(stats.churned);
    // The last recorded value of a field is the customer's current one.
    const stale = await one<{ n: number }>(sql`
      select count(*)::int as n from audit_events a join customers c on c.tenant_id = a.tenant_id and c.id = a.record_id
      where a.tenant_id = ${OSAKA} and a.changes ? 'phone'
        and a.seq = (select max(seq) from audit_events b where b.tenant_id = a.tenant_id and b.record_id = a.record_id and b.changes ? 'phone')
        and a.changes -> 'phone' ->> 'after' <> c.phone`);
    expect(stale.n).toBe(0);
  });

  it('shows チームの状況 phones that synced minutes ago, one this morning and one since last night holding unsent changes', async () => {
    const rows = await queryRows<{ minutes: number; pending: number }>(
      t.database.admin,
      sql`select (extract(epoch from (${NOW}::timestamptz - last_synced_at)) / 60)::int as minutes, pending
        from sync_heartbeats where tenant_id = ${OSAKA} order by last_synced_at desc`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]?.minutes).toBeLessThan(30);
    expect(rows.at(-1)).toMatchObject({ minutes: 14 * 60 + 40, pending: 3 });
  });

  it('has one web hook, turned off, with its last days of deliveries (sent, retried, failed)', async () => {
    const rows = await queryRows<{ active: boolean; url: string; status: string; attempts: number }>(
      t.database.admin,
      sql`select e.active, e.url, d.status, d.attempts from webhook_endpoints e
        join webhook_deliveries d on d.tenant_id = e.tenant_id and d.endpoint_id = e.id
        where e.tenant_id = ${OSAKA} order by d.created_at`,
    );
    expect(new Set(rows.map((r) => `${r.active} ${r.url}`))).toEqual(
      new Set(['false https://hooks.example.jp/kayoi']),
    );
    expect(rows.map((r) => r.status)).toContain('succeeded');
    expect(rows).toContainEqual(expect.objectContaining({ status: 'failed', attempts: 6 }));
    expect(rows).toContainEqual(expect.objectContaining({ status: 'succeeded', attempts: 2 }));
    const [endpoint] = await queryRows<{ secret: string }>(
      t.database.admin,
      sql`select secret from webhook_endpoints where tenant_id = ${OSAKA}`,
    );
    expect(endpoint?.secret).toMatch(/^enc:v1:/); // its signing secret is stored encrypted
    expect(webhookSecretBox(t.config.authSecret).open(endpoint?.secret ?? '')).toMatch(/^whsec_/);
  });

  it('lets every demo account sign in and see its own company', async () => {
    for (const account of demoAccounts) {
      const cookie = await signIn(t.app, account.email, DEMO_PASSWORD);
      const me = (await (await request(t.app, 'GET', '/api/me', { cookie })).json()) as {
        user: { role: string };
        tenant: { name: string };
      };
      expect(me.user.role).toBe(account.role);
      expect(me.tenant.name).toBe(
        account.email.startsWith('kyoto') ? '洛中事務機株式会社' : '浪速オフィスサプライ株式会社',
      );
    }
  }, 60_000);

  it('spreads ~300 Osaka customers over the wards with Osaka coordinates, 06 numbers and both honorifics', async () => {
    const stats = await one<{
      n: number;
      wards: number;
      outside: number;
      bad_phone: number;
      sama: number;
    }>(sql`
      select count(*)::int as n,
        count(distinct substring(address from '大阪市(.+?区)'))::int as wards,
        count(*) filter (where lat not between 34.58 and 34.77 or lng not between 135.42 and 135.6)::int as outside,
        count(*) filter (where phone !~ '^06-[0-9]{4}-[0-9]{4}$')::int as bad_phone,
        count(*) filter (where honorific = 'sama')::int as sama
      from customers where tenant_id = ${OSAKA}`);
    expect(stats.n).toBe(300);
    expect(stats.wards).toBe(24);
    expect(stats.outside).toBe(0);
    expect(stats.bad_phone).toBe(0);
    expect(stats.sama).toBeGreaterThan(10);
    expect(stats.sama).toBeLessThan(100);
  });

  it('gives each of the four Osaka reps a book of roughly 75 customers', async () => {
    const books = await queryRows<{ email: string; n: number }>(
      t.database.admin,
      sql`select u.email, count(*)::int as n from customers c join "user" u on u.id = c.rep_id
          where c.tenant_id = ${OSAKA} group by u.email order by u.email`,
    );
    expect(books.map((b) => b.email)).toEqual([1, 2, 3, 4].map((n) => `rep${n}@demo.kayoi.jp`));
    for (const book of books) expect(book.n).toBeGreaterThan(50);
  });

  it('taxes each order once per rate, rounded down, and totals it', async () => {
    const wrong = await one<{ n: number; orders: number }>(sql`
      with sums as (
        select o.id, o.tax_standard, o.tax_reduced, o.subtotal_standard, o.subtotal_reduced,
          coalesce(sum(case l.kind when 'discount' then -l.amount else l.amount end) filter (where l.tax_rate = 10), 0) as std,
          coalesce(sum(case l.kind when 'discount' then -l.amount else l.amount end) filter (where l.tax_rate = 8), 0) as red
        from orders o join order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
        where o.tenant_id = ${OSAKA} group by o.id, o.tax_standard, o.tax_reduced, o.subtotal_standard, o.subtotal_reduced)
      select count(*)::int as orders, count(*) filter (where subtotal_standard <> std or subtotal_reduced <> red
        or tax_standard <> floor(std * 10 / 100) or tax_reduced <> floor(red * 8 / 100))::int as n from sums`);
    expect(wrong.orders).toBeGreaterThan(3000);
    expect(wrong.n).toBe(0);
  });

  it('keeps each customer’s last order date equal to its latest non-cancelled order', async () => {
    const mismatches = await one<{ n: number }>(sql`
      select count(*)::int as n from customers c
      where c.tenant_id = ${OSAKA} and c.last_order_at is distinct from (
        select max(o.ordered_at) from orders o
        where o.tenant_id = c.tenant_id and o.customer_id = c.id and o.status <> 'cancelled')`);
    expect(mismatches.n).toBe(0);
  });

  it('has churned customers without orders for six months, dormant ones, and only 2 years of history', async () => {
    const s = await one<{ churned: number; dormant: number; churned_recent: number; oldest: string }>(sql`
      select count(*) filter (where status = 'churned')::int as churned,
        count(*) filter (where status = 'dormant')::int as dormant,
        count(*) filter (where status = 'churned' and last_order_at > ${NOW}::timestamptz - interval '6 months')::int as churned_recent,
        (select min(ordered_at) from orders where tenant_id = ${OSAKA})::text as oldest
      from customers where tenant_id = ${OSAKA}`);
    expect(s.churned).toBeGreaterThan(5);
    expect(s.dormant).toBeGreaterThan(5);
    expect(s.churned_recent).toBe(0);
    expect(new Date(s.oldest).getTime()).toBeGreaterThan(NOW.getTime() - 2 * 366 * 86_400_000);
  });

  it('gives the reps lived-in working profiles: 松本 Tue–Sat, 西田 at most 8 a day, a training day and a paid holiday next week', async () => {
    const profiles = await queryRows<{ email: string; weekdays: number[]; max: number | null }>(
      t.database.admin,
      sql`select u.email, s.working_weekdays as weekdays, s.max_visits_per_day as max
        from staff_profiles s join "user" u on u.id = s.user_id where s.tenant_id = ${OSAKA} order by u.email`,
    );
    const of = (email: string) => profiles.find((p) => p.email === email)!;
    expect(of('rep4@demo.kayoi.jp').weekdays).toEqual([2, 3, 4, 5, 6]);
    expect(of('rep2@demo.kayoi.jp').max).toBe(8);
    expect(of('rep1@demo.kayoi.jp')).toMatchObject({ weekdays: [1, 2, 3, 4, 5], max: null });
    const absences = await queryRows<{
      email: string;
      start: string;
      end: string;
      kind: string;
      note: string;
    }>(
      t.database.admin,
      sql`select u.email, a.start_date::text as start, a.end_date::text as end, a.kind, a.note
        from rep_absences a join "user" u on u.id = a.user_id where a.tenant_id = ${OSAKA} order by a.start_date`,
    );
    // NOW is Friday 2026-11-27: next week's Wednesday and Friday.
    expect(absences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'rep3@demo.kayoi.jp', start: '2026-12-02', kind: 'training' }),
        expect.objectContaining({ email: 'rep4@demo.kayoi.jp', start: '2026-12-04', kind: 'vacation' }),
      ]),
    );
    expect(absences).toHaveLength(3);
    // No suggested introduction visit falls on a weekend or a day either rep is away.
    const clashes = await one<{ n: number }>(sql`
      select count(*)::int as n from handover_sheets h
      where h.tenant_id = ${OSAKA} and (extract(isodow from h.intro_date) > 5 or exists (
        select 1 from rep_absences a where a.tenant_id = h.tenant_id and a.user_id in (h.from_rep_id, h.to_rep_id)
          and h.intro_date between a.start_date and a.end_date))`);
    expect(clashes.n).toBe(0);
  });

  it('sells more in March than in August', async () => {
    const s = await one<{ march: number; august: number }>(sql`
      select count(*) filter (where extract(month from ordered_at at time zone 'Asia/Tokyo') = 3)::int as march,
        count(*) filter (where extract(month from ordered_at at time zone 'Asia/Tokyo') = 8)::int as august
      from orders where tenant_id = ${OSAKA}`);
    expect(s.march).toBeGreaterThan(s.august * 1.3);
  });

  it('has, as of the day it is seeded, reorders due for many customers and customers at risk (the briefing and 要注意顧客 browser tests rely on it)', async () => {
    const today = '2026-11-27';
    const due = await countDueReorders({ db: t.database.admin, tenantId: OSAKA, today });
    expect(due.size).toBeGreaterThan(100);
    const health = await loadCustomerHealth(t.database.admin, { tenantId: OSAKA, asOfDate: today });
    expect(health.filter((row) => row.health.band === 'at_risk').length).toBeGreaterThan(5);
    expect(health.filter((row) => row.health.band === 'good').length).toBeGreaterThan(health.length / 2);
  });
});
