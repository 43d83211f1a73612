import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import { OPTIMIZE_JOB, registerPlanningJobs } from '../../../src/domains/planning/optimize-plan.ts';
import { staffProfiles } from '../../../src/platform/db/schema/index.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { withJobNamePrefix } from '../../support/idle-job-queue.ts';
import { createTestApp, request, type SignedTenantFixture } from '../../support/test-app.ts';

/** The planner respects the working profile: absences get no visits, max visits a day holds. */
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

interface Visit {
  repId: string;
  date: string;
  customerId: string;
}
let tenant: SignedTenantFixture;
let admin: string;

async function plan(body: Record<string, unknown>) {
  const res = await request(t.app, 'POST', '/api/plans', { cookie: admin, body });
  expect(res.status, await res.clone().text()).toBe(202);
  const { plan: created } = (await res.json()) as { plan: { id: string } };
  const until = Date.now() + 90_000;
  for (;;) {
    const got = (await (
      await request(t.app, 'GET', `/api/plans/${created.id}`, { cookie: admin })
    ).json()) as {
      status: string;
    };
    if (!['queued', 'running'].includes(got.status)) {
      expect(got.status).toBe('ready');
      break;
    }
    if (Date.now() > until) throw new Error('plan did not finish');
    await new Promise((r) => setTimeout(r, 250));
  }
  const visits = await request(t.app, 'GET', `/api/plans/${created.id}/visits`, { cookie: admin });
  return ((await visits.json()) as { visits: Visit[] }).visits;
}

// 2027-02-15 (Mon) … 02-19 (Fri): no holiday in the week.
const week = { startDate: '2027-02-15', days: 5, timeLimitSeconds: 2 };

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 14 });
  admin = await tenant.signIn('admin');
  // Every customer is due every other day or so: short visits, open all day.
  await t.database.admin
    .update(customers)
    .set({ cadenceDays: 2, cadenceToleranceDays: 1, visitDurationMinutes: 15, timeWindows: [] })
    .where(eq(customers.tenantId, tenant.tenantId));
});

it('an absence day gets no visits, and max visits a day is never exceeded', async () => {
  const rep1 = tenant.users.rep1.id;
  const rep2 = tenant.users.rep2.id;
  const path = (id: string) => `/api/organization/people/${id}/working-profile`;
  const profile = (await (await request(t.app, 'GET', path(rep2), { cookie: admin })).json()) as {
    version: number;
  };
  const saved = await request(t.app, 'PUT', path(rep2), {
    cookie: admin,
    body: { version: profile.version, maxVisitsPerDay: 4 },
  });
  expect(saved.status).toBe(200);
  const absence = await request(t.app, 'POST', `/api/organization/people/${rep1}/absences`, {
    cookie: admin,
    body: { startDate: '2027-02-17', kind: 'training', note: '新商品研修' },
  });
  expect(absence.status).toBe(201);

  const visits = await plan(week);
  const rep1Dates = new Set(visits.filter((v) => v.repId === rep1).map((v) => v.date));
  expect(rep1Dates.size).toBeGreaterThan(0);
  expect(rep1Dates.has('2027-02-17')).toBe(false);

  const perDay = new Map<string, number>();
  for (const v of visits.filter((x) => x.repId === rep2)) perDay.set(v.date, (perDay.get(v.date) ?? 0) + 1);
  expect([...perDay.values()].length).toBeGreaterThan(0);
  expect(Math.max(...perDay.values())).toBe(4);
  // rep1 has no limit: more than 4 on some day (14 customers due, 9 hours).
  const rep1Max = Math.max(
    ...[...rep1Dates].map((d) => visits.filter((v) => v.repId === rep1 && v.date === d).length),
  );
  expect(rep1Max).toBeGreaterThan(4);
});

it('a plan limited to an area plans only its customers', async () => {
  const area = tenant.areas[0]!;
  const inArea = new Set(tenant.customers.filter((c) => c.areaId === area.id).map((c) => c.id));
  await t.database.admin
    .update(staffProfiles)
    .set({ maxVisitsPerDay: null })
    .where(and(eq(staffProfiles.tenantId, tenant.tenantId)));
  const visits = await plan({ ...week, areaId: area.id });
  expect(visits.length).toBeGreaterThan(0);
  expect(visits.every((v) => inArea.has(v.customerId))).toBe(true);
  // The area plan is the area's newest plan, never the company's.
  const latest = async (query: string) =>
    (
      (await (await request(t.app, 'GET', `/api/plans/latest${query}`, { cookie: admin })).json()) as {
        plan: { areaId: string | null } | null;
      }
    ).plan;
  expect((await latest(''))?.areaId).toBeNull();
  expect((await latest(`?areaId=${area.id}`))?.areaId).toBe(area.id);
});
