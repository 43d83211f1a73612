import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '../../../src/domains/complaints/tables.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { orders } from '../../../src/domains/orders/tables.ts';
import { OPTIMIZE_JOB, registerPlanningJobs } from '../../../src/domains/planning/optimize-plan.ts';
import { addDays, nationalHoliday, todayIn } from '../../../src/domains/planning/working-days.ts';
import { visits } from '../../../src/domains/visits/tables.ts';
import { staffProfiles } from '../../../src/platform/db/schema/index.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { withJobNamePrefix } from '../../support/idle-job-queue.ts';
import { createTestApp, request, type SignedTenantFixture } from '../../support/test-app.ts';

const prefix = `t${randomUUID().slice(0, 8)}.`;
const t = await createTestApp({
  jobQueue: (database) => withJobNamePrefix(createJobQueue({ database }), prefix),
});
await registerPlanningJobs({ jobs: t.jobs, db: t.database.db });
await t.jobs.start();
afterAll(async () => {
  await t.jobs.stop({ timeoutMs: 5_000 });
  if (t.database.driver === 'pg') {
    const name = `${prefix}${OPTIMIZE_JOB}`;
    await t.database.admin.transaction(async (tx) => {
      await tx.execute(sql`delete from pgboss.job where name = ${name}`);
      await tx.execute(sql`select pgboss.delete_queue(${name})`);
    });
  }
  await t.close();
});

const today = todayIn();
const DAY = 86_400_000;
/** Noon (Asia/Tokyo) `days` before today. */
const daysAgo = (days: number) => new Date(Date.parse(`${addDays(today, -days)}T12:00:00+09:00`));

type Reason = { code: string; penalty: number; params: Record<string, unknown> };
type AtRisk = {
  total: number;
  items: {
    customer: { id: string; name: string };
    repName: string | null;
    score: number;
    reasons: Reason[];
  }[];
  nextOffset: number | null;
};

/** A customer of `repId`, seen `lastVisitDaysAgo` days ago, entered 500 days ago. */
async function addCustomer(
  tenant: SignedTenantFixture,
  repId: string,
  name: string,
  overrides: Partial<typeof customers.$inferInsert> = {},
) {
  const id = randomUUID();
  await t.database.admin.insert(customers).values({
    tenantId: tenant.tenantId,
    id,
    code: `H${randomUUID().slice(0, 6)}`,
    name,
    repId,
    lat: 34.6937,
    lng: 135.5023,
    rank: 'B',
    cadenceDays: 28,
    cadenceToleranceDays: 3,
    lastVisitAt: daysAgo(10),
    createdAt: daysAgo(500),
    ...overrides,
  });
  return id;
}

async function addComplaint(tenant: SignedTenantFixture, customerId: string, receivedDaysAgo: number) {
  await t.database.admin.insert(complaints).values({
    tenantId: tenant.tenantId,
    id: randomUUID(),
    customerId,
    source: 'phone',
    kind: 'complaint',
    category: 'delivery',
    severity: 'high',
    title: '納品が2日遅れた',
    status: 'open',
    receivedAt: daysAgo(receivedDaysAgo),
    dueDate: addDays(today, -receivedDaysAgo + 3),
    createdBy: tenant.users.rep1.id,
  });
}

async function addOrder(
  tenant: SignedTenantFixture,
  customerId: string,
  repId: string,
  ago: number,
  amount: number,
  status: 'ordered' | 'cancelled' = 'ordered',
) {
  const id = randomUUID();
  await t.database.admin.insert(orders).values({
    tenantId: tenant.tenantId,
    id,
    orderNo: `HO-${id.slice(0, 8)}`,
    customerId,
    repId,
    orderedAt: daysAgo(ago),
    status,
    subtotalStandard: amount,
    taxStandard: Math.floor(amount / 10),
    total: amount + Math.floor(amount / 10),
  });
}

async function addVisit(
  tenant: SignedTenantFixture,
  customerId: string,
  repId: string,
  ago: number,
  satisfaction: number,
) {
  const at = daysAgo(ago);
  await t.database.admin.insert(visits).values({
    tenantId: tenant.tenantId,
    id: randomUUID(),
    customerId,
    repId,
    date: addDays(today, -ago),
    checkInAt: at,
    checkOutAt: new Date(at.getTime() + 1_800_000),
    satisfaction,
  });
}

const get = async <T>(cookie: string, path: string) => {
  const res = await request(t.app, 'GET', path, { cookie });
  return { status: res.status, body: (await res.json()) as T };
};

describe('customer health: the at-risk list and a customer’s reasons', () => {
  let tenant: SignedTenantFixture;
  let cookies: Record<'admin' | 'manager' | 'rep1' | 'rep2', string>;
  let troubled: string;
  let falling: string;
  let fine: string;
  let elsewhere: string;

  beforeAll(async () => {
    tenant = await t.createTenant({ customersPerRep: 0 });
    const [admin, manager, rep1, rep2] = await Promise.all(
      (['admin', 'manager', 'rep1', 'rep2'] as const).map((k) => tenant.signIn(k)),
    );
    cookies = { admin: admin!, manager: manager!, rep1: rep1!, rep2: rep2! };
    const { rep1: r1, rep2: r2, rep3: r3 } = tenant.users;
    // Seen 60 days ago on a 28-day cadence, a high complaint open 40 days: at risk.
    troubled = await addCustomer(tenant, r1.id, '喫茶ひまわり', { lastVisitAt: daysAgo(60) });
    await addComplaint(tenant, troubled, 40);
    await addOrder(tenant, troubled, r1.id, 20, 30_000);
    // 12 orders a year until 100 days ago, then only a cancelled one; scores 5, 5, 4 → 2, 2.
    falling = await addCustomer(tenant, r2.id, '北浜法律事務所', { lastVisitAt: daysAgo(5) });
    for (let i = 0; i < 12; i++) await addOrder(tenant, falling, r2.id, 100 + i * 28, 40_000);
    await addOrder(tenant, falling, r2.id, 30, 40_000, 'cancelled');
    for (const [ago, score] of [
      [200, 5],
      [150, 5],
      [110, 4],
      [40, 2],
      [5, 2],
    ] as const)
      await addVisit(tenant, falling, r2.id, ago, score);
    fine = await addCustomer(tenant, r1.id, '梅田歯科クリニック');
    await addOrder(tenant, fine, r1.id, 12, 20_000);
    // rep3 is in the other team: the manager never sees this one.
    elsewhere = await addCustomer(tenant, r3.id, '堺港運輸', { lastVisitAt: daysAgo(200) });
  });

  it('lists the least healthy first, each with its reasons and rep, and leaves the healthy out', async () => {
    const { status, body } = await get<AtRisk>(cookies.admin, '/api/customer-health/at-risk');
    expect(status).toBe(200);
    expect(body.items.map((i) => i.customer.id)).toEqual([elsewhere, troubled, falling]);
    const first = body.items[1]!;
    expect(first.repName).toBe(tenant.users.rep1.name);
    // 29 days late on 28: 10 + 20·29/28 → 30 (the cap); high 14 + 40 days open 4 + past due 5 = 23.
    expect(first.reasons.map((r) => [r.code, r.penalty])).toEqual([
      ['visit_overdue', 30],
      ['open_complaints', 23],
    ]);
    expect(first.score).toBe(47);
    expect(first.reasons[1]).toMatchObject({
      code: 'open_complaints',
      params: { count: 1, oldestDays: 40, overdueCount: 1, worstSeverity: 'high' },
    });
    expect(first.reasons[0]).toMatchObject({
      params: { overdueDays: 29, cadenceDays: 28, daysSinceVisit: 60 },
    });
    expect(body.items.some((i) => i.customer.id === fine)).toBe(false);
  });

  it('reads falling orders against the customer’s own year, a cancelled order not counted, and falling scores', async () => {
    const { body } = await get<{ score: number; reasons: Reason[] }>(
      cookies.rep2,
      `/api/customers/${falling}/health`,
    );
    const codes = body.reasons.map((r) => r.code);
    expect(codes).toContain('orders_falling');
    expect(codes).toContain('satisfaction_falling');
    const orders = body.reasons.find((r) => r.code === 'orders_falling')!;
    // 12 orders in the 365 days before the last 90 → 3 expected; none came (the cancelled one is not one).
    expect(orders.params).toMatchObject({
      recentOrders: 0,
      expectedOrders: 3,
      recentAmount: 0,
      dropPercent: 100,
    });
    const scores = body.reasons.find((r) => r.code === 'satisfaction_falling')!;
    expect(scores.params).toEqual({ recentMean: 2, previousMean: 4.67, recentAnswers: 2 });
  });

  it('gives the カルテ the same score and reasons as the list', async () => {
    const list = await get<AtRisk>(cookies.manager, '/api/customer-health/at-risk');
    const row = list.body.items.find((i) => i.customer.id === troubled)!;
    const one = await get<{ score: number; reasons: Reason[] }>(
      cookies.rep1,
      `/api/customers/${troubled}/health`,
    );
    expect(one.status).toBe(200);
    expect(one.body.score).toBe(row.score);
    expect(one.body.reasons).toEqual(row.reasons);
  });

  it('shows a rep their own book and a manager their team’s, whatever the filter asks', async () => {
    const rep1 = await get<AtRisk>(cookies.rep1, '/api/customer-health/at-risk');
    expect(rep1.body.items.map((i) => i.customer.id)).toEqual([troubled]);
    const peek = await get<AtRisk>(
      cookies.rep1,
      `/api/customer-health/at-risk?repId=${tenant.users.rep2.id}`,
    );
    expect(peek.body).toMatchObject({ total: 0, items: [] });
    const manager = await get<AtRisk>(cookies.manager, '/api/customer-health/at-risk');
    expect(manager.body.items.map((i) => i.customer.id)).toEqual([troubled, falling]);
    const byRep = await get<AtRisk>(
      cookies.manager,
      `/api/customer-health/at-risk?repId=${tenant.users.rep2.id}`,
    );
    expect(byRep.body.items.map((i) => i.customer.id)).toEqual([falling]);
    const other = await get<{ error: { code: string } }>(cookies.rep1, `/api/customers/${elsewhere}/health`);
    expect(other.status).toBe(404);
  });

  it('pages the list within its bounds and names a bad limit', async () => {
    const page = await get<AtRisk>(cookies.admin, '/api/customer-health/at-risk?limit=2');
    expect(page.body).toMatchObject({ total: 3, nextOffset: 2 });
    const rest = await get<AtRisk>(cookies.admin, '/api/customer-health/at-risk?limit=2&offset=2');
    expect(rest.body.items.map((i) => i.customer.id)).toEqual([falling]);
    expect(rest.body.nextOffset).toBeNull();
    const bad = await get<{ error: { fields: Record<string, string> } }>(
      cookies.admin,
      '/api/customer-health/at-risk?limit=500',
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toContain('limit');
  });

  it('counts a complaint once resolved no more', async () => {
    await t.database.admin
      .update(complaints)
      .set({ status: 'resolved', resolvedAt: new Date() })
      .where(sql`${complaints.customerId} = ${troubled}`);
    const one = await get<{ reasons: Reason[] }>(cookies.rep1, `/api/customers/${troubled}/health`);
    expect(one.body.reasons.map((r) => r.code)).toEqual(['visit_overdue']);
  });
});

describe('the planner: a customer the health score flags shows up in the next plan', () => {
  it('plans the customer with an old open complaint and drops its twin when only one visit fits', async () => {
    const tenant = await t.createTenant({ customersPerRep: 0 });
    const manager = await tenant.signIn('manager');
    // The next working day: Monday to Friday, not a national holiday.
    let day = addDays(today, 1);
    while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) || nationalHoliday(day))
      day = addDays(day, 1);
    const seen = new Date(Date.parse(`${day}T12:00:00+09:00`) - 29 * DAY);
    // rep1 works 09:00–18:00 without a lunch break: 9 hours.
    await t.database.admin
      .update(staffProfiles)
      .set({ lunchDurationMinutes: 0 })
      .where(sql`${staffProfiles.tenantId} = ${tenant.tenantId}`);
    // Twins: same place, rank, cadence and last visit; each a 5-hour visit, so rep1's day holds one.
    const twin = {
      lastVisitAt: seen,
      visitDurationMinutes: 300,
      timeWindows: [{ start: '09:00', end: '17:30' }],
    };
    const calm = await addCustomer(tenant, tenant.users.rep1.id, 'A 印刷（問題なし）', twin);
    const flagged = await addCustomer(tenant, tenant.users.rep1.id, 'B 印刷（苦情あり）', twin);
    await addComplaint(tenant, flagged, 45);

    const health = await get<{ risk: number }>(manager, `/api/customers/${flagged}/health`);
    expect(health.body.risk).toBeGreaterThan(0);
    const created = await request(t.app, 'POST', '/api/plans', {
      cookie: manager,
      body: { startDate: day, days: 1, timeLimitSeconds: 1 },
    });
    expect(created.status, await created.clone().text()).toBe(202);
    const { plan } = (await created.json()) as { plan: { id: string } };
    let status = 'queued';
    for (const until = Date.now() + 60_000; ['queued', 'running'].includes(status) && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await get<{ status: string }>(manager, `/api/plans/${plan.id}`)).body.status;
    }
    expect(status).toBe('ready');
    const planned = await get<{ visits: { customerId: string }[] }>(manager, `/api/plans/${plan.id}/visits`);
    expect(planned.body.visits.map((v) => v.customerId)).toEqual([flagged]);
    const unplanned = await get<{ customers?: { customerId: string }[]; items?: { customerId: string }[] }>(
      manager,
      `/api/plans/${plan.id}/unplanned`,
    );
    expect(JSON.stringify(unplanned.body)).toContain(calm);
  });
});
