import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
  WebhookSendResult,
} from '../../../src/contracts.ts';
import { notify } from '../../../src/domains/notifications/notify.ts';
import { runDueWebhookDeliveries } from '../../../src/domains/webhooks/run-due-webhook-deliveries.ts';
import { tenantsWithDueDeliveries } from '../../../src/domains/webhooks/webhook-jobs.ts';
import { webhookSecretBox } from '../../../src/domains/webhooks/webhook-signing.ts';
import { withTenant } from '../../../src/platform/context.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { createTestApp, type SignedTenantFixture, TEST_ORIGIN, testConfig } from '../../support/test-app.ts';
import { callersOf } from '../visits/visit-app.ts';

/** A receiver on an ephemeral local port: records each request and answers the next queued status. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
let server: Server;
let receiverUrl: string;
const received: Received[] = [];
const answers: number[] = [];

const t = await createTestApp({ config: testConfig({ WEBHOOKS_ALLOW_PRIVATE: '1' }) });
const transport = { allowPrivate: true, publicUrl: TEST_ORIGIN };
const secretBox = webhookSecretBox(t.config.authSecret);

let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof callersOf>>;
const read = async <T>(res: Response) => (await res.json()) as T;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (req.url?.endsWith('/hang')) return; // never answers
      if (req.url?.endsWith('/moved')) {
        res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end();
        return;
      }
      res.statusCode = answers.shift() ?? 200;
      res.end(res.statusCode >= 300 ? 'receiver is down' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/kayoi`;
  tenant = await t.createTenant({ customersPerRep: 1 });
  as = await callersOf(t, tenant);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});
beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

/** Verifies a request per the Standard Webhooks spec with node:crypto alone. */
function verifies(request: Received, secret: string): boolean {
  const id = request.headers['webhook-id'] as string;
  const timestamp = request.headers['webhook-timestamp'] as string;
  const signatures = String(request.headers['webhook-signature']).split(' ');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
  return signatures.some((s) => {
    const [version, value] = s.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const createEndpoint = async (body: Record<string, unknown>) => {
  const res = await as('admin').send('POST', '/api/webhooks', body);
  expect(res.status).toBe(201);
  return read<WebhookEndpointWithSecret>(res);
};

/** A plan-ready event raised in the manager's transaction (as the planner does). */
const planReady = (visits: number, dedupeKey?: string) =>
  withTenant(t.database.db, tenant.actor('manager'), (tx) =>
    notify(tx, {
      tenantId: tenant.tenantId,
      recipients: [tenant.users.manager.id, tenant.users.rep1.id],
      kind: 'plan_ready',
      params: { startDate: '2026-12-07', days: 5, visits },
      link: '/plan',
      ...(dedupeKey ? { dedupeKey } : {}),
    }),
  );

const runDue = (now = new Date()) =>
  runDueWebhookDeliveries({ db: t.database.db, tenantId: tenant.tenantId, transport, secretBox, now });
/** The stored secrets as the database holds them (read past RLS with the owner's connection). */
const storedSecrets = (id: string) =>
  queryRows<{ secret: string; previous_secret: string | null }>(
    t.database.admin,
    sql`select secret, previous_secret from webhook_endpoints where id = ${id}`,
  );
const deliveriesOf = async (endpointId: string) =>
  read<WebhookDeliveryList>(await as('admin').get(`/api/webhooks/${endpointId}/deliveries`));

describe('web hooks', () => {
  it('an event is sent once (not per recipient), signed per Standard Webhooks, with an absolute link', async () => {
    const { endpoint, secret } = await createEndpoint({
      url: receiverUrl,
      description: '基幹システム',
      events: ['plan_ready', 'handover_received'],
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint.secretHint).toBe(`whsec_…${secret.slice(-4)}`);
    const list = await read<WebhookEndpointList>(await as('admin').get('/api/webhooks'));
    expect(JSON.stringify(list)).not.toContain(secret);

    await planReady(42);
    expect(await tenantsWithDueDeliveries(t.database.db)).toContain(tenant.tenantId);
    expect(await runDue()).toEqual({ attempted: 1, succeeded: 1 });
    expect(received).toHaveLength(1);
    const [request] = received as [Received];
    expect(verifies(request, secret)).toBe(true);
    expect(verifies({ ...request, body: request.body.replace('42', '43') }, secret)).toBe(false);
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      type: 'plan_ready',
      id: request.headers['webhook-id'],
      tenant: tenant.tenantId,
      data: { startDate: '2026-12-07', days: 5, visits: 42, link: `${TEST_ORIGIN}/plan` },
    });
    expect((await deliveriesOf(endpoint.id)).items[0]).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    // Nothing more is due; an event nobody subscribed to sends nothing.
    await withTenant(t.database.db, tenant.actor('manager'), (tx) =>
      notify(tx, {
        tenantId: tenant.tenantId,
        recipients: [tenant.users.rep1.id],
        kind: 'complaint_escalated',
      }),
    );
    expect(await runDue()).toEqual({ attempted: 0, succeeded: 0 });
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('a 500 is retried after a minute and then succeeds; the attempts are recorded', async () => {
    const { endpoint, secret } = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    await planReady(7, `plan:${endpoint.id}`);
    await planReady(7, `plan:${endpoint.id}`); // the same event again: no second delivery
    answers.push(500);
    const t0 = new Date();
    expect(await runDue(t0)).toEqual({ attempted: 1, succeeded: 0 });
    let [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(delivery?.lastError).toContain('HTTP 500');
    expect(Date.parse(delivery?.nextAttemptAt ?? '') - t0.getTime()).toBe(60_000);

    // Not due yet 30 s later; due a minute later.
    expect(await runDue(new Date(t0.getTime() + 30_000))).toEqual({ attempted: 0, succeeded: 0 });
    expect(await runDue(new Date(t0.getTime() + 61_000))).toEqual({ attempted: 1, succeeded: 1 });
    [delivery] = (await deliveriesOf(endpoint.id)).items;
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(received).toHaveLength(2);
    // The same webhook-id on both attempts (the receiver dedupes by it); both signed.
    expect(received[0]?.headers['webhook-id']).toBe(received[1]?.headers['webhook-id']);
    expect(received.every((r) => verifies(r, secret))).toBe(true);
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('after the sixth failure a delivery is failed; 再送 sends it again at once', async () => {
    const { endpoint } = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    await planReady(3);
    answers.push(503, 503, 503, 503, 503, 503);
    let now = Date.now();
    for (let i = 0; i < 6; i++) {
      expect((await runDue(new Date(now))).attempted).toBe(1);
      now += 7 * 3_600_000;
    }
    const [failed] = (await deliveriesOf(endpoint.id)).items;
    expect(failed).toMatchObject({ status: 'failed', attempts: 6, maxAttempts: 6, nextAttemptAt: null });
    expect(await runDue(new Date(now))).toEqual({ attempted: 0, succeeded: 0 });

    const retry = await read<WebhookSendResult>(
      await as('admin').send('POST', `/api/webhooks/deliveries/${failed?.id}/retry`),
    );
    expect(retry).toMatchObject({
      ok: true,
      statusCode: 200,
      delivery: { status: 'succeeded', attempts: 7 },
    });
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('a receiver that does not answer in time, or redirects, is a failure to retry', async () => {
    const { endpoint } = await createEndpoint({ url: `${receiverUrl}/hang`, events: ['plan_ready'] });
    await planReady(11);
    const outcome = await runDueWebhookDeliveries({
      db: t.database.db,
      tenantId: tenant.tenantId,
      transport: { ...transport, timeoutMs: 300 },
      secretBox,
    });
    expect(outcome).toEqual({ attempted: 1, succeeded: 0 });
    expect((await deliveriesOf(endpoint.id)).items[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'timeout after 0.3 s',
    });
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);

    const moved = await createEndpoint({ url: `${receiverUrl}/moved`, events: ['promise_overdue'] });
    const result = await read<WebhookSendResult>(
      await as('admin').send('POST', `/api/webhooks/${moved.endpoint.id}/test`),
    );
    expect(result).toMatchObject({ ok: false, statusCode: 302 });
    expect(received.filter((r) => r.body.includes('"ping"'))).toHaveLength(1); // the redirect was not followed
    await as('admin').send('DELETE', `/api/webhooks/${moved.endpoint.id}`);
  });

  it('the test button sends a ping now and answers the result', async () => {
    const { endpoint, secret } = await createEndpoint({ url: receiverUrl, events: ['promise_overdue'] });
    const ok = await read<WebhookSendResult>(
      await as('admin').send('POST', `/api/webhooks/${endpoint.id}/test`),
    );
    expect(ok).toMatchObject({
      ok: true,
      statusCode: 200,
      error: null,
      delivery: { eventKind: 'ping', status: 'succeeded' },
    });
    expect(JSON.parse(received[0]?.body ?? '{}').type).toBe('ping');
    expect(verifies(received[0] as Received, secret)).toBe(true);

    answers.push(500);
    const bad = await read<WebhookSendResult>(
      await as('admin').send('POST', `/api/webhooks/${endpoint.id}/test`),
    );
    expect(bad).toMatchObject({ ok: false, statusCode: 500, delivery: { status: 'failed', attempts: 1 } });
    expect(bad.error).toContain('receiver is down');
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('after a rotation the new secret signs, and the previous one too for a day', async () => {
    const { endpoint, secret: old } = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    const rotated = await read<WebhookEndpointWithSecret>(
      await as('admin').send('POST', `/api/webhooks/${endpoint.id}/rotate-secret`),
    );
    expect(rotated.secret).not.toBe(old);
    expect(rotated.endpoint.version).toBe(endpoint.version + 1);
    await as('admin').send('POST', `/api/webhooks/${endpoint.id}/test`);
    expect(verifies(received[0] as Received, rotated.secret)).toBe(true);
    expect(verifies(received[0] as Received, old)).toBe(true);
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('the secrets are stored encrypted: the row holds no whsec_ value, and deliveries still verify', async () => {
    const { endpoint, secret } = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    const [row] = await storedSecrets(endpoint.id);
    expect(row?.secret).toMatch(/^enc:v1:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(row?.secret).not.toContain('whsec_');
    expect(row?.secret).not.toContain(secret.slice(6, 30));
    await as('admin').send('POST', `/api/webhooks/${endpoint.id}/test`);
    expect(verifies(received[0] as Received, secret)).toBe(true);

    const rotated = await read<WebhookEndpointWithSecret>(
      await as('admin').send('POST', `/api/webhooks/${endpoint.id}/rotate-secret`),
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.endpoint.secretHint).toBe(`whsec_…${rotated.secret.slice(-4)}`);
    const [after] = await storedSecrets(endpoint.id);
    for (const stored of [after?.secret, after?.previous_secret]) {
      expect(stored).toMatch(/^enc:v1:/);
      expect(stored).not.toContain('whsec_');
    }
    expect(after?.previous_secret).not.toBe(row?.secret); // sealed again with a fresh IV
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('a secret stored in plain text before encryption still signs, and a rotation encrypts it', async () => {
    const { endpoint } = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    const legacy = 'whsec_TGVnYWN5UGxhaW5UZXh0U2VjcmV0V3JpdHRlbkJlZm9yZSE=';
    await t.database.admin.execute(
      sql`update webhook_endpoints set secret = ${legacy} where id = ${endpoint.id}`,
    );
    const view = await read<WebhookEndpoint>(await as('admin').get(`/api/webhooks/${endpoint.id}`));
    expect(view.secretHint).toBe(`whsec_…${legacy.slice(-4)}`);
    await as('admin').send('POST', `/api/webhooks/${endpoint.id}/test`);
    expect(verifies(received[0] as Received, legacy)).toBe(true);

    const rotated = await read<WebhookEndpointWithSecret>(
      await as('admin').send('POST', `/api/webhooks/${endpoint.id}/rotate-secret`),
    );
    const [row] = await storedSecrets(endpoint.id);
    expect(JSON.stringify(row)).not.toContain('whsec_');
    expect(secretBox.open(row?.previous_secret ?? '')).toBe(legacy);
    await as('admin').send('POST', `/api/webhooks/${endpoint.id}/test`);
    expect(verifies(received[1] as Received, rotated.secret)).toBe(true);
    expect(verifies(received[1] as Received, legacy)).toBe(true);
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('a secret sealed under another app secret sends nothing and asks for a rotation', async () => {
    const { endpoint } = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    const foreign = webhookSecretBox('another-app-secret-of-thirty-two-chars!!').seal('whsec_AAAA');
    await t.database.admin.execute(
      sql`update webhook_endpoints set secret = ${foreign} where id = ${endpoint.id}`,
    );
    const result = await read<WebhookSendResult>(
      await as('admin').send('POST', `/api/webhooks/${endpoint.id}/test`),
    );
    expect(result).toMatchObject({ ok: false, statusCode: null, delivery: { status: 'failed' } });
    expect(result.error).toContain('rotate');
    expect(received).toHaveLength(0);
    const view = await read<WebhookEndpoint>(await as('admin').get(`/api/webhooks/${endpoint.id}`));
    expect(view.secretHint).toBe('whsec_…????');

    const rotated = await read<WebhookEndpointWithSecret>(
      await as('admin').send('POST', `/api/webhooks/${endpoint.id}/rotate-secret`),
    );
    const [row] = await storedSecrets(endpoint.id);
    expect(row?.previous_secret).toBeNull(); // the unreadable one is dropped, not carried on
    await as('admin').send('POST', `/api/webhooks/${endpoint.id}/test`);
    expect(verifies(received[0] as Received, rotated.secret)).toBe(true);
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('deleting a web hook stops its deliveries; turning one off ends its pending ones', async () => {
    const gone = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    const off = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    await planReady(9);
    const del = await as('admin').send('DELETE', `/api/webhooks/${gone.endpoint.id}`);
    expect(del.status).toBe(200);
    const patched = await as('admin').send('PATCH', `/api/webhooks/${off.endpoint.id}`, {
      version: off.endpoint.version,
      active: false,
    });
    expect(((await patched.json()) as WebhookEndpoint).active).toBe(false);
    expect(await runDue()).toEqual({ attempted: 0, succeeded: 0 });
    expect(received).toHaveLength(0);
    expect((await deliveriesOf(off.endpoint.id)).items[0]).toMatchObject({ status: 'failed', attempts: 0 });
    expect((await as('admin').get(`/api/webhooks/${gone.endpoint.id}`)).status).toBe(404);
    // An inactive web hook gets no new events either.
    await planReady(10);
    expect((await deliveriesOf(off.endpoint.id)).items).toHaveLength(1);
    await as('admin').send('DELETE', `/api/webhooks/${off.endpoint.id}`);
  });

  it('a stale version gets 409 with the current web hook', async () => {
    const { endpoint } = await createEndpoint({ url: receiverUrl, events: ['plan_ready'] });
    await as('admin').send('PATCH', `/api/webhooks/${endpoint.id}`, {
      version: endpoint.version,
      description: 'A',
    });
    const stale = await as('admin').send('PATCH', `/api/webhooks/${endpoint.id}`, {
      version: endpoint.version,
      description: 'B',
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: WebhookEndpoint } }).error.current.description).toBe(
      'A',
    );
    await as('admin').send('DELETE', `/api/webhooks/${endpoint.id}`);
  });

  it('reps and managers get 403 on every web hook operation', async () => {
    for (const who of ['rep1', 'manager'] as const) {
      expect((await as(who).get('/api/webhooks')).status).toBe(403);
      expect(
        (await as(who).send('POST', '/api/webhooks', { url: receiverUrl, events: ['plan_ready'] })).status,
      ).toBe(403);
    }
  });

  it('a bad URL or no events gets 422 naming the field, in ja and en', async () => {
    const bad = await as('admin').send(
      'POST',
      '/api/webhooks',
      { url: 'ftp://hooks.example.jp', events: ['plan_ready'] },
      { locale: 'ja' },
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.url).toContain(
      'https://',
    );
    const none = await as('admin').send(
      'POST',
      '/api/webhooks',
      { url: 'https://hooks.example.jp/x', events: [] },
      { locale: 'en' },
    );
    expect(none.status).toBe(422);
    expect(
      ((await none.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toHaveProperty('events');
  });
});

describe('web hooks without WEBHOOKS_ALLOW_PRIVATE (the default)', async () => {
  const strict = await createTestApp();
  afterAll(() => strict.close());

  it('refuses http, loopback, private and link-local addresses, naming url in ja and en', async () => {
    const other = await strict.createTenant({ customersPerRep: 1 });
    const callers = await callersOf(strict, other);
    for (const url of [
      'http://hooks.example.jp/kayoi',
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://localhost/hook',
      'https://user:pw@hooks.example.jp/',
    ]) {
      const res = await callers('admin').send(
        'POST',
        '/api/webhooks',
        { url, events: ['plan_ready'] },
        { locale: 'en' },
      );
      expect(res.status, url).toBe(422);
      expect(
        ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.url,
        url,
      ).toMatch(/https|private|user name/);
    }
    const ja = await callers('admin').send(
      'POST',
      '/api/webhooks',
      { url: 'https://192.168.0.10/', events: ['plan_ready'] },
      { locale: 'ja' },
    );
    expect(((await ja.json()) as { error: { fields: Record<string, string> } }).error.fields.url).toContain(
      '社内ネットワーク',
    );
    const ok = await callers('admin').send('POST', '/api/webhooks', {
      url: 'https://hooks.example.jp/kayoi',
      events: ['plan_ready'],
    });
    expect(ok.status).toBe(201);
  });
});
