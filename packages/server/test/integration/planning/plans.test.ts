import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import { OPTIMIZE_JOB, registerPlanningJobs } from '../../../src/domains/planning/optimize-plan.ts';
import { auditEvents, member, staffProfiles } from '../../../src/platform/db/schema/index.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { withJobNamePrefix } from '../../support/idle-job-queue.ts';
import { createTestApp, request, type SignedTenantFixture } from '../../support/test-app.ts';
import { testDriver } from '../../support/test-database.ts';

// Each run names its jobs apart: pg-boss runs sharing the test database take only their own.
const prefix = `t${randomUUID().slice(0, 8)}.`;
const t = await createTestApp({
  jobQueue: (database) => withJobNamePrefix(createJobQueue({ database }), prefix),
});
await registerPlanningJobs({ jobs: t.jobs, db: t.database.db });
await t.jobs.start();
afterAll(async () => {
  await t.jobs.stop({ timeoutMs: 5_000 });
  // pg-boss keeps a table per queue: drop this run's (its jobs first, for the foreign key).
  if (t.database.driver === 'pg') {
    const name = `${prefix}${OPTIMIZE_JOB}`;
    await t.database.admin.transaction(async (tx) => {
      await tx.execute(sql`delete from pgboss.job where name = ${name}`);
      await tx.execute(sql`select pgboss.delete_queue(${name})`);
    });
  }
  await t.close();
});

interface PlanBody {
  id: string;
  status: string;
  version: number;
  summary: { visits: number; unplanned: number; travelSeconds: number } | null;
  progress: { fraction: number; message: string | null } | null;
}
interface VisitBody {
  id: string;
  customerId: string;
  customerName: string;
  address: string;
  repId: string;
  date: string;
  seq: number;
  plannedArrival: string;
  plannedStart: string;
  plannedDeparture: string;
  pinned: boolean;
  version: number;
}

/** Seconds after midnight, Asia/Tokyo. */
const tokyoSeconds = (iso: string) => (((Date.parse(iso) / 1000 + 9 * 3600) % 86_400) + 86_400) % 86_400;
const hm = (h: number, m = 0) => h * 3600 + m * 60;

let tenant: SignedTenantFixture;
let manager: string;
let admin: string;
let rep1: string;
let noPositionId: string;
let allDayId: string;

/** Polls the plan until it leaves queued/running (or the deadline passes). */
async function settle(id: string, cookie = manager, deadlineMs = 90_000): Promise<PlanBody> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const res = await request(t.app, 'GET', `/api/plans/${id}`, { cookie });
    const plan = (await res.json()) as PlanBody;
    if (!['queued', 'running'].includes(plan.status) || Date.now() > until) return plan;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function createPlan(body: Record<string, unknown>, cookie = manager) {
  const res = await request(t.app, 'POST', '/api/plans', { cookie, body });
  expect(res.status, await res.clone().text()).toBe(202);
  return (await res.json()) as { plan: PlanBody; jobId: string };
}

const visitsOf = async (planId: string, query = '') => {
  const res = await request(t.app, 'GET', `/api/plans/${planId}/visits${query}`, { cookie: manager });
  expect(res.status).toBe(200);
  return ((await res.json()) as { visits: VisitBody[] }).visits;
};

// 2027-01-11 (Mon) is 成人の日; the week runs to Sunday 01-17.
const week = { startDate: '2027-01-11', days: 7, timeLimitSeconds: 1 };
let first: PlanBody;
let firstVisits: VisitBody[];

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 5 });
  [manager, admin, rep1] = await Promise.all([
    tenant.signIn('manager'),
    tenant.signIn('admin'),
    tenant.signIn('rep1'),
  ]);
  const db = t.database.admin;
  // rep1 starts from the office at Umeda; rep2 from the middle of their customers (no start place).
  await db
    .update(staffProfiles)
    .set({ startLat: 34.7025, startLng: 135.4959, endLat: 34.7025, endLng: 135.4959 })
    .where(and(eq(staffProfiles.tenantId, tenant.tenantId), eq(staffProfiles.userId, tenant.users.rep1.id)));
  const [noPosition, allDay] = tenant.customersOf('rep1');
  noPositionId = noPosition!.id;
  allDayId = allDay!.id;
  await db
    .update(customers)
    .set({ lat: null, lng: null })
    .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.id, noPositionId)));
  // Open through lunch: the lunch break must still fit around its visit.
  await db
    .update(customers)
    .set({ timeWindows: [{ start: '09:00', end: '17:30' }], visitDurationMinutes: 90 })
    .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.id, allDayId)));

  const created = await createPlan(week);
  expect(created.plan.status).toBe('queued');
  first = await settle(created.plan.id);
  firstVisits = await visitsOf(first.id);
}, 120_000);

describe(`plans on ${testDriver()}`, () => {
  it('optimises team A over a week into ready visits', () => {
    expect(first.status).toBe('ready');
    expect(first.progress?.fraction).toBe(1);
    expect(first.summary?.visits).toBe(firstVisits.length);
    // 10 customers in team A, one without a position: every other one is visited once.
    expect(firstVisits.length).toBe(9);
  });

  it('plans visits only on the reps’ working days: none on 成人の日 nor at the weekend', () => {
    const dates = new Set(firstVisits.map((v) => v.date));
    for (const off of ['2027-01-11', '2027-01-16', '2027-01-17']) expect(dates.has(off)).toBe(false);
    for (const d of dates) expect(['2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15']).toContain(d);
  });

  it('keeps each customer with its own rep, in team A', () => {
    const repOf = new Map(tenant.customers.map((c) => [c.id, c.repId]));
    for (const v of firstVisits) expect(v.repId).toBe(repOf.get(v.customerId));
    expect(new Set(firstVisits.map((v) => v.repId))).toEqual(
      new Set([tenant.users.rep1.id, tenant.users.rep2.id]),
    );
  });

  it('keeps each visit inside its customer’s opening hours', () => {
    for (const v of firstVisits) {
      const start = tokyoSeconds(v.plannedStart);
      const end = tokyoSeconds(v.plannedDeparture);
      if (v.customerId === allDayId) {
        expect(start).toBeGreaterThanOrEqual(hm(9));
        expect(end).toBeLessThanOrEqual(hm(17, 30));
      } else {
        const morning = start >= hm(9) && end <= hm(12);
        const afternoon = start >= hm(13) && end <= hm(17, 30);
        expect(morning || afternoon, `${v.plannedStart}–${v.plannedDeparture}`).toBe(true);
      }
    }
  });

  it('leaves room for the 45-minute lunch between 12:00 and 13:00 on every rep’s day', () => {
    const days = new Map<string, VisitBody[]>();
    for (const v of firstVisits)
      days.set(`${v.repId}|${v.date}`, [...(days.get(`${v.repId}|${v.date}`) ?? []), v]);
    for (const [day, visits] of days) {
      const busy = visits
        .map((v) => [tokyoSeconds(v.plannedStart), tokyoSeconds(v.plannedDeparture)] as const)
        .filter(([s, e]) => e > hm(12) && s < hm(13));
      const free = [hm(12), ...busy.flat(), hm(13)];
      let longest = 0;
      for (let i = 0; i + 1 < free.length; i += 2)
        longest = Math.max(longest, (free[i + 1] as number) - (free[i] as number));
      expect(longest, day).toBeGreaterThanOrEqual(45 * 60);
    }
  });

  it('lists visits by rep and day in order, with the customer’s name and address', async () => {
    const v = firstVisits[0]!;
    const day = await visitsOf(first.id, `?repId=${v.repId}&date=${v.date}`);
    expect(day.map((x) => x.seq)).toEqual(day.map((_, i) => i + 1));
    expect(day.every((x) => x.repId === v.repId && x.date === v.date)).toBe(true);
    expect(day[0]!.customerName).toMatch(/株式会社テスト/);
    expect(day[0]!.address).toMatch(/大阪府/);
    for (let i = 1; i < day.length; i++)
      expect(Date.parse(day[i]!.plannedArrival)).toBeGreaterThanOrEqual(
        Date.parse(day[i - 1]!.plannedDeparture),
      );
  });

  it('names the customer without a position among the unplanned, in the caller’s language', async () => {
    const res = await request(t.app, 'GET', `/api/plans/${first.id}/unplanned`, {
      cookie: manager,
      locale: 'en',
    });
    const { unplanned } = (await res.json()) as {
      unplanned: { customerId: string; reason: string; message: string }[];
    };
    expect(unplanned).toContainEqual(
      expect.objectContaining({
        customerId: noPositionId,
        reason: 'no_position',
        message: expect.stringMatching(/position/),
      }),
    );
  });

  it('shows a rep only their own visits', async () => {
    const res = await request(t.app, 'GET', '/api/plans/my-visits?from=2027-01-11&days=7', { cookie: rep1 });
    const { visits } = (await res.json()) as { visits: VisitBody[] };
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.every((v) => v.repId === tenant.users.rep1.id)).toBe(true);
    expect(visits.length).toBe(firstVisits.filter((v) => v.repId === tenant.users.rep1.id).length);
    expect((await request(t.app, 'GET', `/api/plans/${first.id}/visits`, { cookie: rep1 })).status).toBe(403);
  });

  it('refuses a rep, and a horizon over 28 days with a message on the field', async () => {
    expect((await request(t.app, 'POST', '/api/plans', { cookie: rep1, body: week })).status).toBe(403);
    for (const locale of ['ja', 'en'] as const) {
      const res = await request(t.app, 'POST', '/api/plans', {
        cookie: manager,
        locale,
        body: { ...week, days: 29 },
      });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields.days).toEqual(expect.any(String));
    }
  });

  it('answers the newest ready plan of the team', async () => {
    const res = await request(t.app, 'GET', '/api/plans/latest', { cookie: manager });
    expect(((await res.json()) as { plan: PlanBody }).plan.id).toBe(first.id);
    const byAdmin = await request(t.app, 'GET', `/api/plans/latest?teamId=${tenant.teams.a.id}`, {
      cookie: admin,
    });
    expect(((await byAdmin.json()) as { plan: PlanBody }).plan.id).toBe(first.id);
  });

  it('cancels a running plan; the ready one stays the latest', async () => {
    const { plan } = await createPlan({ ...week, timeLimitSeconds: 60 });
    const until = Date.now() + 30_000;
    while ((await settle(plan.id, manager, 0)).status === 'queued' && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await request(t.app, 'POST', `/api/plans/${plan.id}/cancel`, { cookie: manager });
    expect(res.status).toBe(200);
    expect(((await res.json()) as PlanBody).status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await settle(plan.id)).status).toBe('cancelled');
    expect(await visitsOf(plan.id)).toEqual([]);
    const again = await request(t.app, 'POST', `/api/plans/${plan.id}/cancel`, { cookie: manager });
    expect(again.status).toBe(409);
    const latest = await request(t.app, 'GET', '/api/plans/latest', { cookie: manager });
    expect(((await latest.json()) as { plan: PlanBody }).plan.id).toBe(first.id);
  }, 60_000);

  it('keeps a pinned visit through a refresh and replaces the rest of the previous plan', async () => {
    const target = firstVisits.find((v) => v.customerId !== allDayId && v.repId === tenant.users.rep1.id)!;
    const pin = await request(t.app, 'POST', `/api/plans/${first.id}/visits/${target.id}/pin`, {
      cookie: manager,
      body: { pinned: true, version: target.version },
    });
    expect(pin.status).toBe(200);
    expect(((await pin.json()) as VisitBody).pinned).toBe(true);
    const stale = await request(t.app, 'POST', `/api/plans/${first.id}/visits/${target.id}/pin`, {
      cookie: manager,
      body: { pinned: false, version: target.version },
    });
    expect(stale.status).toBe(409);

    const { plan } = await createPlan(week);
    const refreshed = await settle(plan.id);
    expect(refreshed.status).toBe('ready');
    const kept = (await visitsOf(plan.id)).find((v) => v.customerId === target.customerId);
    expect(kept).toMatchObject({
      date: target.date,
      repId: target.repId,
      pinned: true,
    });
    // An appointment is kept to the minute.
    const minute = (iso: string) => Math.round(Date.parse(iso) / 60_000);
    expect(minute(kept!.plannedStart)).toBe(minute(target.plannedStart));
    expect(await visitsOf(first.id)).toEqual([]);
    const next = await request(t.app, 'GET', `/api/plans/next-visit?customerId=${target.customerId}`, {
      cookie: rep1,
    });
    // 2027 is in the future of the test machine: the pinned visit is the customer's next one.
    const { visit } = (await next.json()) as { visit: VisitBody | null };
    expect(visit?.id).toBe(kept!.id);
  }, 120_000);

  it('audits a plan’s creation and each change of its status, in the manager’s name', async () => {
    const rows = await t.database.admin
      .select({ action: auditEvents.action, role: auditEvents.actorRole, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, first.id)))
      .orderBy(auditEvents.seq);
    expect(rows.map((r) => [r.action, r.role, r.changes.status?.after])).toEqual([
      ['create', 'manager', 'queued'],
      ['status_change', 'manager', 'running'],
      ['status_change', 'manager', 'ready'],
    ]);
  });

  it('plans nobody who was deactivated: their customers wait for a rep', async () => {
    const whose = and(eq(member.organizationId, tenant.tenantId), eq(member.userId, tenant.users.rep2.id));
    await t.database.admin.update(member).set({ deactivatedAt: new Date() }).where(whose);
    try {
      const { plan } = await createPlan({ ...week, startDate: '2027-01-18' });
      const done = await settle(plan.id);
      expect(done.status).toBe('ready');
      const planned = await visitsOf(plan.id);
      expect(planned.length).toBeGreaterThan(0);
      expect(planned.filter((v) => v.repId === tenant.users.rep2.id)).toEqual([]);
    } finally {
      await t.database.admin.update(member).set({ deactivatedAt: null }).where(whose);
    }
  }, 120_000);
});
