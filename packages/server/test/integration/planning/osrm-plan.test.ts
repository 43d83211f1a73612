import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import { OPTIMIZE_JOB, registerPlanningJobs } from '../../../src/domains/planning/optimize-plan.ts';
import { staffProfiles } from '../../../src/platform/db/schema/index.ts';
import { haversineMetres } from '../../../src/platform/geo/haversine.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { withJobNamePrefix } from '../../support/idle-job-queue.ts';
import { createTestApp, request } from '../../support/test-app.ts';
import { testDriver } from '../../support/test-database.ts';

/**
 * A stub speaking OSRM's /table (GET /table/v1/driving/lng,lat;…?sources=…&destinations=…):
 * durations are the straight line at 2 m/s (far slower than the tenant's 25 km/h × 1.3), so a
 * plan's travel shows which source it came from.
 */
let tableRequests = 0;
const stubSeconds = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.round((haversineMetres(a, b) / 2) * 10) / 10;
function answer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const match = /^\/table\/v1\/driving\/([^/]+)$/.exec(url.pathname);
  res.writeHead(match ? 200 : 400, { 'content-type': 'application/json' });
  if (!match) return void res.end(JSON.stringify({ code: 'InvalidQuery', message: 'bad path' }));
  tableRequests++;
  const points = match[1]!.split(';').map((pair) => {
    const [lng, lat] = pair.split(',').map(Number);
    return { lat: lat!, lng: lng! };
  });
  const indexes = (name: string) => (url.searchParams.get(name) ?? '').split(';').map(Number);
  const sources = indexes('sources').map((i) => points[i]!);
  const destinations = indexes('destinations').map((i) => points[i]!);
  res.end(
    JSON.stringify({
      code: 'Ok',
      durations: sources.map((s) => destinations.map((d) => stubSeconds(s, d))),
      distances: sources.map((s) => destinations.map((d) => Math.round(haversineMetres(s, d) * 12) / 10)),
    }),
  );
}

const server: Server = createServer(answer);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const osrmUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const prefix = `t${randomUUID().slice(0, 8)}.`;
const t = await createTestApp({
  jobQueue: (database) => withJobNamePrefix(createJobQueue({ database }), prefix),
});
await registerPlanningJobs({ jobs: t.jobs, db: t.database.db, osrmUrl });
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
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Visit {
  customerId: string;
  repId: string;
  date: string;
  seq: number;
  lat: number;
  lng: number;
  travelSecondsBefore: number;
}

describe(`a plan with OSRM_URL set on ${testDriver()}`, () => {
  let visits: Visit[];
  let days: { repId: string; date: string; travelSeconds: number; visitCount: number }[];
  let summary: { travelSeconds: number };
  const office = { lat: 34.7025, lng: 135.4959 };

  beforeAll(async () => {
    const tenant = await t.createTenant({ customersPerRep: 4 });
    const manager = await tenant.signIn('manager');
    await t.database.admin
      .update(staffProfiles)
      .set({ startLat: office.lat, startLng: office.lng, endLat: office.lat, endLng: office.lng })
      .where(eq(staffProfiles.tenantId, tenant.tenantId));
    // Open all day: the slow road network must still fit the visits.
    await t.database.admin
      .update(customers)
      .set({ timeWindows: [], visitDurationMinutes: 20 })
      .where(and(eq(customers.tenantId, tenant.tenantId)));
    const created = await request(t.app, 'POST', '/api/plans', {
      cookie: manager,
      body: { startDate: '2027-01-12', days: 2, timeLimitSeconds: 1 },
    });
    expect(created.status).toBe(202);
    const { plan } = (await created.json()) as { plan: { id: string } };
    const until = Date.now() + 60_000;
    let body: { status: string; summary: { travelSeconds: number } };
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      body = (await (
        await request(t.app, 'GET', `/api/plans/${plan.id}`, { cookie: manager })
      ).json()) as typeof body;
    } while (['queued', 'running'].includes(body.status) && Date.now() < until);
    expect(body.status).toBe('ready');
    summary = body.summary;
    visits = (
      (await (await request(t.app, 'GET', `/api/plans/${plan.id}/visits`, { cookie: manager })).json()) as {
        visits: Visit[];
      }
    ).visits;
    days = (
      (await (await request(t.app, 'GET', `/api/plans/${plan.id}/days`, { cookie: manager })).json()) as {
        days: typeof days;
      }
    ).days;
  }, 90_000);

  it('asks the /table service and travels by its durations, not the straight-line estimate', () => {
    expect(tableRequests).toBeGreaterThan(0);
    expect(visits.length).toBeGreaterThan(0);
    for (const d of days.filter((x) => x.visitCount > 0)) {
      const route = visits.filter((v) => v.repId === d.repId && v.date === d.date);
      let from = office;
      let expected = 0;
      for (const v of route) {
        const leg = Math.round(stubSeconds(from, v));
        expect(Math.abs(v.travelSecondsBefore - leg), `leg to ${v.customerId}`).toBeLessThanOrEqual(1);
        expected += leg;
        from = v;
      }
      expected += Math.round(stubSeconds(from, office));
      expect(Math.abs(d.travelSeconds - expected)).toBeLessThanOrEqual(route.length + 1);
    }
    expect(summary.travelSeconds).toBe(days.reduce((s, d) => s + d.travelSeconds, 0));
  });
});
