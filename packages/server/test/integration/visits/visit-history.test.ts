import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { demoTenantPlans } from '../../../src/seed/seed-demo.ts';
import { seedTenant } from '../../../src/seed/seed-tenant.ts';
import { seedVisitHistory, type VisitHistoryCounts } from '../../../src/seed/visit-history.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

/**
 * The demo company's visit history, seeded into a copy of the demo plan under another tenant id,
 * e-mails and random seed (users are global rows whose ids come from the seed, so a shared
 * PostgreSQL test database can run this beside the demo-seed suite).
 */
let t: TestApp;
const NOW = new Date('2026-11-27T03:00:00Z');
const today = todayIn('Asia/Tokyo', NOW);
const tenantId = `t-visits-${randomUUID()}`;
let counts: VisitHistoryCounts;
let seedMs: number;

beforeAll(async () => {
  t = await createTestApp();
  const suffix = randomUUID().slice(0, 8);
  const demo = demoTenantPlans(NOW, () => 'not-a-password-hash')[0]!;
  await seedTenant(t.database.admin, {
    ...demo,
    id: tenantId,
    slug: `visits-${suffix}`,
    seed: demo.seed + 1 + Math.floor(Math.random() * 1_000_000),
    staff: demo.staff.map((s) => ({
      ...s,
      email: s.email.replace('@demo.kayoi.jp', `@visits-${suffix}.test`),
    })),
  });
  const started = performance.now();
  counts = await seedVisitHistory(t.database.admin, { tenantId, now: NOW });
  seedMs = performance.now() - started;
  console.info(`visit history: ${JSON.stringify(counts)} in ${Math.round(seedMs)} ms`);
}, 240_000);
afterAll(() => t?.close());

const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await queryRows<T>(t.database.admin, query))[0]!;

describe('the demo visit history', () => {
  it('is two years of visits at every customer', async () => {
    const row = await one<{ customers: number; visited: number; first: string }>(sql`
      select (select count(*)::int from customers where tenant_id = ${tenantId}) as customers,
        (select count(distinct customer_id)::int from visits where tenant_id = ${tenantId}) as visited,
        (select min(date)::text from visits where tenant_id = ${tenantId}) as first`);
    expect(row.visited).toBeGreaterThan(row.customers * 0.9);
    expect(counts.visits).toBeGreaterThan(row.customers * 8);
    expect(row.first <= addDays(today, -700)).toBe(true);
  });

  it('follows the order history and the customers’ last visits', async () => {
    const row = await one<{ orders: number; unvisited: number; last_mismatch: number }>(sql`
      select
        (select count(*)::int from orders o where o.tenant_id = ${tenantId}
          and o.ordered_at >= ${NOW.toISOString()}::timestamptz - interval '730 days') as orders,
        (select count(*)::int from orders o where o.tenant_id = ${tenantId}
          and o.ordered_at >= ${NOW.toISOString()}::timestamptz - interval '730 days'
          and not exists (select 1 from visits v where v.tenant_id = o.tenant_id and v.customer_id = o.customer_id
            and o.ordered_at between v.check_in_at and v.check_out_at)) as unvisited,
        (select count(*)::int from customers c where c.tenant_id = ${tenantId}
          and c.last_visit_at >= ${NOW.toISOString()}::timestamptz - interval '700 days'
          and abs(extract(epoch from (c.last_visit_at - (select max(v.check_in_at) from visits v
            where v.tenant_id = c.tenant_id and v.customer_id = c.id)))) > 1800) as last_mismatch`);
    expect(row.orders).toBeGreaterThan(1000);
    expect(row.unvisited).toBe(0);
    expect(row.last_mismatch).toBe(0);
  });

  it('reads like a rep’s log: mostly 面談, some 不在 and 再訪, satisfaction mostly 3–5, needs and complaints now and then', async () => {
    const row = await one<{
      met: number;
      absent: number;
      revisit: number;
      rated: number;
      good: number;
      needs: number;
      complaints: number;
      forms: number;
    }>(sql`
      select count(*) filter (where outcome = 'met')::int as met,
        count(*) filter (where outcome = 'absent')::int as absent,
        count(*) filter (where outcome = 'revisit')::int as revisit,
        count(satisfaction)::int as rated,
        count(*) filter (where satisfaction between 3 and 5)::int as good,
        count(*) filter (where needs <> '')::int as needs,
        count(*) filter (where complaint_heard <> '')::int as complaints,
        (select count(*)::int from forms f where f.tenant_id = ${tenantId}) as forms
      from visits where tenant_id = ${tenantId}`);
    const total = row.met + row.absent + row.revisit;
    expect(total).toBe(counts.visits);
    expect(row.met / total).toBeGreaterThan(0.75);
    expect(row.absent).toBeGreaterThan(0);
    expect(row.revisit).toBeGreaterThan(0);
    expect(row.good / row.rated).toBeGreaterThan(0.9);
    expect(row.needs).toBeGreaterThan(0);
    expect(row.complaints).toBeGreaterThan(0);
    expect(row.forms).toBeGreaterThan(0);
  });

  it('has the paper behind recent 申込書: photos (a PDF scan now and then) and a few voided with a reason', async () => {
    const row = await one<{
      photos: number;
      pdfs: number;
      bad: number;
      voided: number;
      unexplained: number;
    }>(sql`
      select count(*) filter (where a.content_type = 'image/png')::int as photos,
        count(*) filter (where a.content_type = 'application/pdf')::int as pdfs,
        count(*) filter (where a.size <> octet_length(a.data) or substring(a.data from 1 for 4) not in
          ('\\x89504e47'::bytea, '\\x25504446'::bytea))::int as bad,
        (select count(*)::int from forms f where f.tenant_id = ${tenantId} and f.voided_at is not null) as voided,
        (select count(*)::int from forms f where f.tenant_id = ${tenantId} and f.voided_at is not null
          and coalesce(f.void_reason, '') = '') as unexplained
      from form_attachments a where a.tenant_id = ${tenantId}`);
    expect(row.photos).toBeGreaterThan(3);
    expect(row.pdfs).toBeGreaterThan(0);
    expect(row.bad).toBe(0);
    expect(row.voided).toBeGreaterThan(0);
    expect(row.unexplained).toBe(0);
  });

  it('has promises mostly kept on time, a few overdue now and a couple due this week', async () => {
    const row = await one<{
      done: number;
      on_time: number;
      overdue: number;
      this_week: number;
      orphan: number;
    }>(sql`
      select count(*) filter (where status = 'done')::int as done,
        count(*) filter (where status = 'done' and (done_at at time zone 'Asia/Tokyo')::date <= due_date)::int as on_time,
        count(*) filter (where status = 'open' and due_date < ${today}::date)::int as overdue,
        count(*) filter (where status = 'open' and due_date between ${today}::date and ${addDays(today, 6)}::date)::int as this_week,
        count(*) filter (where not exists (select 1 from visits v where v.tenant_id = f.tenant_id and v.id = f.visit_id))::int as orphan
      from followups f where tenant_id = ${tenantId}`);
    expect(row.done).toBeGreaterThan(30);
    expect(row.on_time / row.done).toBeGreaterThan(0.8);
    expect(row.overdue).toBeGreaterThanOrEqual(1);
    expect(row.overdue).toBeLessThanOrEqual(6);
    expect(row.this_week).toBeGreaterThanOrEqual(2);
    expect(row.orphan).toBe(0);
  });

  it('gives the tenant its routine templates', async () => {
    const rows = await queryRows<{ name: string }>(
      t.database.admin,
      sql`select name from visit_templates where tenant_id = ${tenantId} order by sort_order`,
    );
    expect(rows.map((r) => r.name)).toEqual(['定期訪問・異常なし', '補充受付', '不在', '再訪（担当者不在）']);
  });
});
