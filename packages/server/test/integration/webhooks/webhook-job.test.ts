import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDeliveryList, WebhookEndpointWithSecret } from '../../../src/contracts.ts';
import { notify } from '../../../src/domains/notifications/notify.ts';
import {
  DELIVER_JOB,
  enqueueDelivery,
  registerWebhookJobs,
} from '../../../src/domains/webhooks/webhook-jobs.ts';
import { webhookSecretBox } from '../../../src/domains/webhooks/webhook-signing.ts';
import { withTenant } from '../../../src/platform/context.ts';
import { createJobQueue } from '../../../src/platform/jobs/create-job-queue.ts';
import { withJobNamePrefix } from '../../support/idle-job-queue.ts';
import { createTestApp, TEST_ORIGIN, testConfig } from '../../support/test-app.ts';
import { callersOf } from '../visits/visit-app.ts';

const prefix = `t${randomUUID().slice(0, 8)}.`;
const t = await createTestApp({
  config: testConfig({ WEBHOOKS_ALLOW_PRIVATE: '1' }),
  jobQueue: (database) => withJobNamePrefix(createJobQueue({ database }), prefix),
});
await registerWebhookJobs({
  jobs: t.jobs,
  db: t.database.db,
  transport: { allowPrivate: true, publicUrl: TEST_ORIGIN },
  secretBox: webhookSecretBox(t.config.authSecret),
});
await t.jobs.start();

const bodies: string[] = [];
let server: Server;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      bodies.push(body);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.jobs.stop({ timeoutMs: 5_000 });
  if (t.database.driver === 'pg') {
    const name = `${prefix}${DELIVER_JOB}`;
    await t.database.admin.transaction(async (tx) => {
      await tx.execute(sql`delete from pgboss.job where name = ${name}`);
      await tx.execute(sql`select pgboss.delete_queue(${name})`);
    });
  }
  await t.close();
});

describe('the webhooks.deliver job', () => {
  it('sends a handover event raised in a transaction, through the job queue', async () => {
    const tenant = await t.createTenant({ customersPerRep: 1 });
    const as = await callersOf(t, tenant);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kayoi`;
    const created = await as('admin').send('POST', '/api/webhooks', { url, events: ['handover_received'] });
    const { endpoint } = (await created.json()) as WebhookEndpointWithSecret;
    await withTenant(t.database.db, tenant.actor('admin'), (tx) =>
      notify(tx, {
        tenantId: tenant.tenantId,
        recipients: [tenant.users.rep2.id],
        kind: 'handover_received',
        params: { count: 3, fromName: '田中 一郎', byName: '管理 花子' },
        link: '/handovers/h-1',
      }),
    );
    const jobId = await enqueueDelivery(t.jobs, tenant.tenantId);
    let state = '';
    for (let i = 0; i < 100 && !['completed', 'failed'].includes(state); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await t.jobs.getJob(jobId, { tenantId: tenant.tenantId }))?.state ?? '';
    }
    expect(state).toBe('completed');
    expect(bodies.map((b) => JSON.parse(b))).toContainEqual(
      expect.objectContaining({
        type: 'handover_received',
        data: { count: 3, fromName: '田中 一郎', byName: '管理 花子', link: `${TEST_ORIGIN}/handovers/h-1` },
      }),
    );
    const list = (await (
      await as('admin').get(`/api/webhooks/${endpoint.id}/deliveries`)
    ).json()) as WebhookDeliveryList;
    expect(list.items[0]).toMatchObject({ eventKind: 'handover_received', status: 'succeeded', attempts: 1 });
  });
});
