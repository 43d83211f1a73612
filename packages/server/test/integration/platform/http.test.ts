import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDomains } from '../../../src/app-domains.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { SCALAR_BUNDLE_PATH } from '../../../src/platform/http/api-docs.ts';
import { JSON_BODY_LIMIT } from '../../../src/platform/http/body-limit.ts';
import { createApp } from '../../../src/platform/http/create-app.ts';
import { createRouter } from '../../../src/platform/http/create-router.ts';
import { defineRoute } from '../../../src/platform/http/define-route.ts';
import { createTestApp, request, type SignedTenantFixture, type TestApp } from '../../support/test-app.ts';

let t: TestApp;
let tenant: SignedTenantFixture;
let cookie: string;
let webDist: string;

/** A stand-in domain router: echoes a validated body and fails on demand. */
const echoRoute = defineRoute({
  method: 'post',
  path: '/echo',
  request: { body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
  responses: { 200: { description: 'echo' } },
  access: { roles: ['rep', 'manager', 'admin'], scope: 'tenant' },
});
const probeRoutes = createRouter()
  .openapi(echoRoute, (c) => c.json(c.req.valid('json')))
  .get('/boom', () => {
    throw new Error('secret stack detail');
  });

/** A customer's data as a failed query's parameter: must never reach a log line. */
const secretParam = `customer-secret-${'x'.repeat(1_000_000)}`;
/** Fails like a Drizzle query: the SQL, then every parameter after `params:`; the driver's error as cause. */
const loggingProbeRoutes = createRouter()
  .get('/db-boom', () => {
    throw new Error(
      `Failed query: insert into customers (name, phone) values ($1, $2)\nparams: ${secretParam},06-1234-5678`,
      {
        cause: Object.assign(new Error('duplicate key value'), {
          code: '23505',
          constraint: 'customers_pkey',
        }),
      },
    );
  })
  .get('/real-db-boom', async (c) => {
    await queryRows(c.var.db, sql`select ${secretParam}::integer as n`);
    return c.json({});
  })
  .get('/boom', () => {
    throw new Error('plain failure');
  });

interface ErrorLogEntry {
  method: string;
  path: string;
  error: { name: string; message: string; code?: string; constraint?: string; stack?: string };
}

/** Calls a logging probe route on an app whose logger writes to memory: every line, and the error entry. */
async function logsOf(path: string) {
  const lines: string[] = [];
  const app = createApp({
    database: t.database,
    config: t.config,
    logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
    authentication: t.authentication,
    domains: [{ path: '/probe', routes: loggingProbeRoutes }],
  });
  const res = await request(app, 'GET', path, { cookie });
  const entry = lines
    .map((line) => JSON.parse(line) as ErrorLogEntry & { msg: string })
    .find((l) => l.msg === 'unhandled error');
  if (!entry) return { status: res.status, lines, entry };
  const { method, path: loggedPath, error } = entry;
  return { status: res.status, lines, entry: { method, path: loggedPath, error } };
}

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'kayoi-web-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Kayoi SPA</title>');
  writeFileSync(join(webDist, 'assets', 'app-3f9a.js'), 'console.log(1)');
  t = await createTestApp({
    webDistDir: webDist,
    domains: [...appDomains, { path: '/probe', routes: probeRoutes }],
  });
  tenant = await t.createTenant();
  cookie = await tenant.signIn('rep1');
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('public endpoints', () => {
  it('GET /api/health answers ok without a session', async () => {
    const res = await request(t.app, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/openapi.json is an OpenAPI 3.1 document listing the routes', async () => {
    const res = await request(t.app, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Kayoi API');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/me',
        '/api/users',
        '/api/areas',
        '/api/customers',
        '/api/customers/{id}',
      ]),
    );
  });

  it('GET /api/docs serves the API reference page', async () => {
    const res = await request(t.app, 'GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/api/openapi.json');
  });

  it('GET /api/docs loads no script from a CDN (was an unpinned jsDelivr script without integrity)', async () => {
    const res = await request(t.app, 'GET', '/api/docs');
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/<script[^>]*\bsrc="(https?:)?\/\//);
    expect(scripts.some((tag) => tag.includes(`src="${SCALAR_BUNDLE_PATH}?v=`))).toBe(true);
    // Every script (the bundle and the inline start-up) carries the nonce the CSP allows; no CDN is allowed.
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(scripts.every((tag) => tag.includes(`nonce="${nonce}"`))).toBe(true);
    expect(scriptSrc).not.toMatch(/https?:|'unsafe-inline'/);
  });

  it('serves the Scalar bundle itself as JavaScript with a year-long cache', async () => {
    const res = await request(t.app, 'GET', `${SCALAR_BUNDLE_PATH}?v=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toContain('createApiReference');
  });
});

describe('CSRF origin check', () => {
  it('refuses a state-changing request without an Origin', async () => {
    const res = await request(t.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: tenant.users.rep1.email, password: tenant.password },
      origin: null,
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_rejected');
  });

  it('refuses a foreign Origin even with a valid session cookie', async () => {
    const res = await request(t.app, 'POST', '/api/auth/sign-out', {
      cookie,
      body: {},
      origin: 'https://evil.example',
      locale: 'en',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: {
        code: 'csrf_rejected',
        message: 'Request refused: it did not come from this application. Reload the page and try again.',
      },
    });
    expect((await request(t.app, 'GET', '/api/me', { cookie })).status).toBe(200);
  });

  it('refuses an Origin that only equals the Host header (DNS rebinding)', async () => {
    const res = await request(t.app, 'POST', 'http://evil.example/api/auth/sign-out', {
      cookie,
      body: {},
      origin: 'http://evil.example',
      headers: { host: 'evil.example' },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_rejected');
    expect((await request(t.app, 'GET', '/api/me', { cookie })).status).toBe(200);
  });

  it('accepts the app’s own origin', async () => {
    const res = await request(t.app, 'POST', '/api/probe/echo', { cookie, body: { ok: true } });
    expect(res.status).toBe(200);
  });
});

describe('errors', () => {
  it('refuses a JSON body over 1 MB with 413 in the standard shape', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(JSON_BODY_LIMIT) });
    const res = await request(t.app, 'POST', '/api/probe/echo', {
      cookie,
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'payload_too_large', message: '送信データが大きすぎます。' },
    });
  });

  it('answers 404 not_found in JSON for an unknown API route', async () => {
    const res = await request(t.app, 'GET', '/api/no-such-thing', { cookie, locale: 'en' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such API endpoint.' } });
  });

  it('hides an unexpected failure behind 500 internal, without the stack', async () => {
    const res = await request(t.app, 'GET', '/api/probe/boom', { cookie });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'サーバーで問題が発生しました。時間をおいて再度お試しください。' },
    });
    expect(text).not.toContain('secret stack detail');
  });

  it('logs an unexpected database failure briefly, without the query’s parameters (was several MB)', async () => {
    const { status, lines, entry } = await logsOf('/api/probe/db-boom');
    expect(status).toBe(500);
    expect(entry).toEqual({
      method: 'GET',
      path: '/api/probe/db-boom',
      error: {
        name: 'Error',
        message: 'Failed query: insert into customers (name, phone) values ($1, $2)',
        code: '23505',
        constraint: 'customers_pkey',
      },
    });
    for (const line of lines) {
      expect(line.length).toBeLessThan(2000);
      expect(line).not.toContain('customer-secret');
      expect(line).not.toContain('06-1234-5678');
    }
  });

  it('logs a real failed query without the parameter the driver quotes back', async () => {
    const { status, lines, entry } = await logsOf('/api/probe/real-db-boom');
    expect(status).toBe(500);
    expect(entry?.error).toMatchObject({ code: '22P02' }); // invalid_text_representation
    expect(entry?.error.message).toMatch(/^Failed query: select \$1::integer/);
    for (const line of lines) {
      expect(line.length).toBeLessThan(2000);
      expect(line).not.toContain('customer-secret');
    }
  });

  it('logs an unexpected non-database failure with its stack', async () => {
    const { entry } = await logsOf('/api/probe/boom');
    expect(entry?.error).toMatchObject({ name: 'Error', message: 'plain failure' });
    expect(entry?.error.stack).toMatch(/^\s+at /);
  });

  it('maps schema failures to 422 with a message per field in the caller’s language', async () => {
    const itemsRoute = createRoute({
      method: 'post',
      path: '/items',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({ name: z.string().min(1), cadenceDays: z.number().int().max(365) }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'ok',
          content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } },
        },
      },
    });
    const route = createRouter().openapi(itemsRoute, (c) => c.json({ ok: true }, 200));
    const app = createApp({
      database: t.database,
      config: t.config,
      logger: (await import('pino')).pino({ level: 'silent' }),
      authentication: t.authentication,
      domains: [{ path: '/probe', routes: route }],
    });
    const body = { name: '', cadenceDays: 400 };
    const ja = await request(app, 'POST', '/api/probe/items', { cookie, body });
    expect(ja.status).toBe(422);
    expect(await ja.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: '入力内容に誤りがあります。',
        fields: { name: '必須項目です。', cadenceDays: '365以下にしてください。' },
      },
    });
    const en = await request(app, 'POST', '/api/probe/items', { cookie, body, locale: 'en' });
    expect(((await en.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      name: 'This field is required.',
      cadenceDays: 'Must be at most 365.',
    });
  });
});

describe('web app serving', () => {
  it('serves index.html for client-side routes, revalidated', async () => {
    const res = await request(t.app, 'GET', '/customers/123');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Kayoi SPA');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets with a one-year immutable cache', async () => {
    const res = await request(t.app, 'GET', '/assets/app-3f9a.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404 for a missing asset and never escapes the dist folder', async () => {
    expect((await request(t.app, 'GET', '/assets/missing.js')).status).toBe(404);
    const res = await request(t.app, 'GET', '/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).not.toContain('root:');
  });

  it('sends a Content-Security-Policy allowing OpenStreetMap tiles and inline styles', async () => {
    const res = await request(t.app, 'GET', '/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('https://tile.openstreetmap.org');
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('tells how to build the web app when dist is missing', async () => {
    const app = createApp({
      database: t.database,
      config: t.config,
      logger: (await import('pino')).pino({ level: 'silent' }),
      authentication: t.authentication,
      webDistDir: join(webDist, 'nope'),
    });
    const res = await request(app, 'GET', '/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
