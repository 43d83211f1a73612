import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OPTIMIZE_JOB, registerPlanningJobs } from '../../../src/domains/planning/optimize-plan.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { withJobNamePrefix } from '../../support/idle-job-queue.ts';
import { createTestApp, request, type TestApp, testConfig } from '../../support/test-app.ts';

/**
 * Issue 13's done-when: a customer created by typing only a name and an Osaka address appears on
 * the map (a geocoded position) and in the next plan. The geocoder is a GSI-format stub.
 */
let server: Server;
let t: TestApp;
const prefix = `g${randomUUID().slice(0, 8)}.`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://stub').searchParams.get('q') ?? '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        q.includes('大阪市北区天神橋')
          ? [
              {
                geometry: { coordinates: [135.5118, 34.7035], type: 'Point' },
                type: 'Feature',
                properties: { addressCode: '', title: '大阪府大阪市北区天神橋二丁目' },
              },
            ]
          : [],
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestApp({
    config: testConfig({ GEOCODER: 'gsi', GEOCODER_URL: url }),
    jobQueue: (database) => withJobNamePrefix(createJobQueue({ database }), prefix),
  });
  await registerPlanningJobs({ jobs: t.jobs, db: t.database.db });
  await t.jobs.start();
}, 60_000);
afterAll(async () => {
  await t?.jobs.stop({ timeoutMs: 5_000 });
  if (t?.database.driver === 'pg') {
    const name = `${prefix}${OPTIMIZE_JOB}`;
    await t.database.admin.transaction(async (tx) => {
      await tx.execute(sql`delete from pgboss.job where name = ${name}`);
      await tx.execute(sql`select pgboss.delete_queue(${name})`);
    });
  }
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
});

it('plans a customer created with only a name and an Osaka address', async () => {
  const tenant = await t.createTenant({ customersPerRep: 2 });
  const [rep1, manager] = await Promise.all([tenant.signIn('rep1'), tenant.signIn('manager')]);
  const created = await request(t.app, 'POST', '/api/customers', {
    cookie: rep1,
    body: { name: '天神橋の新規店', address: '大阪府大阪市北区天神橋2丁目5-1' },
  });
  expect(created.status).toBe(201);
  const customer = (await created.json()) as { id: string; lat: number; geoPrecision: string };
  expect(customer).toMatchObject({ lat: 34.7035, geoPrecision: 'chome' });

  const res = await request(t.app, 'POST', '/api/plans', {
    cookie: manager,
    body: { startDate: '2027-01-12', days: 5, timeLimitSeconds: 1 },
  });
  expect(res.status).toBe(202);
  const { plan } = (await res.json()) as { plan: { id: string } };
  let status = 'queued';
  for (const until = Date.now() + 90_000; ['queued', 'running'].includes(status) && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = (
      (await (await request(t.app, 'GET', `/api/plans/${plan.id}`, { cookie: manager })).json()) as {
        status: string;
      }
    ).status;
  }
  expect(status).toBe('ready');
  const visits = (await (
    await request(t.app, 'GET', `/api/plans/${plan.id}/visits`, { cookie: manager })
  ).json()) as {
    visits: { customerId: string }[];
  };
  expect(visits.visits.map((v) => v.customerId)).toContain(customer.id);
}, 120_000);
