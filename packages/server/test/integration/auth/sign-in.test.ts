import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../../../src/domains/auth/create-auth.ts';
import { sessionAuthentication } from '../../../src/domains/auth/session-authentication.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { createApp } from '../../../src/platform/http/create-app.ts';
import {
  cookieHeader,
  createTestApp,
  request,
  type SignedTenantFixture,
  TEST_CLIENT_IP_HEADER,
  type TestApp,
  testConfig,
} from '../../support/test-app.ts';

let t: TestApp;
let tenant: SignedTenantFixture;
/** The default limit: attempts per client address per minute. */
const limit = testConfig().signInRateLimit;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await t.createTenant();
});
afterAll(() => t?.close());

const signInBody = (email: string, password: string) => ({ body: { email, password } });

describe('POST /api/auth/sign-in/email', () => {
  it('signs in with the right password and sets an HttpOnly session cookie', async () => {
    const res = await request(
      t.app,
      'POST',
      '/api/auth/sign-in/email',
      signInBody(tenant.users.rep1.email, tenant.password),
    );
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('kayoi.session_token='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // http base URL in tests
    const me = await request(t.app, 'GET', '/api/me', { cookie: cookieHeader(res) });
    expect(me.status).toBe(200);
  });

  it('refuses a wrong password with 401 in Japanese by default', async () => {
    const res = await request(
      t.app,
      'POST',
      '/api/auth/sign-in/email',
      signInBody(tenant.users.rep1.email, 'wrong-password'),
    );
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'メールアドレスまたはパスワードが正しくありません。' },
    });
  });

  it('refuses an unknown e-mail with the same 401 in English when asked', async () => {
    const res = await request(t.app, 'POST', '/api/auth/sign-in/email', {
      ...signInBody('nobody@example.com', 'whatever-password'),
      locale: 'en',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'The e-mail address or password is incorrect.' },
    });
  });

  it('rate-limits repeated attempts from one address with 429', async () => {
    // A fresh address per run: on PostgreSQL the limiter's rows outlive the test process.
    const headers = {
      [TEST_CLIENT_IP_HEADER]: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
    };
    const statuses: number[] = [];
    for (let i = 0; i < limit + 1; i++) {
      const res = await request(t.app, 'POST', '/api/auth/sign-in/email', {
        ...signInBody(tenant.users.rep2.email, 'wrong-password'),
        headers,
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(await res.json()).toEqual({
          error: {
            code: 'rate_limited',
            message: 'ログインの試行回数が多すぎます。しばらく待ってから再度お試しください。',
          },
        });
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, limit).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password is refused while limited; another address is not affected.
    const limited = await request(t.app, 'POST', '/api/auth/sign-in/email', {
      ...signInBody(tenant.users.rep2.email, tenant.password),
      headers,
      locale: 'en',
    });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Too many/);
    const elsewhere = await request(
      t.app,
      'POST',
      '/api/auth/sign-in/email',
      signInBody(tenant.users.rep2.email, tenant.password),
    );
    expect(elsewhere.status).toBe(200);
  });
});

describe('sessions', () => {
  it('makes the user’s only company the session’s active organization', async () => {
    await tenant.signIn('rep3');
    const rows = await queryRows<{ active: string | null }>(
      t.database.admin,
      sql`select active_organization_id as active from session where user_id = ${tenant.users.rep3.id}`,
    );
    expect(rows.map((r) => r.active)).toEqual([tenant.tenantId]);
  });

  it('marks the cookie Secure (with the __Secure- prefix) when served over https', async () => {
    const config = testConfig({ BASE_URL: 'https://kayoi.example.jp' });
    const auth = createAuth({ db: t.database.db, config });
    const authentication = sessionAuthentication({ auth, clientIp: () => '10.0.0.7' });
    const httpsApp = createApp({
      database: t.database,
      config,
      logger: pino({ level: 'silent' }),
      authentication,
    });
    const res = await httpsApp.request('https://kayoi.example.jp/api/auth/sign-in/email', {
      method: 'POST',
      headers: { origin: 'https://kayoi.example.jp', 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.users.rep1.email, password: tenant.password }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
    expect(cookie).toMatch(/^__Secure-kayoi\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('answers 401 unauthenticated without a session', async () => {
    const res = await request(t.app, 'GET', '/api/me', { locale: 'en' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: 'Please sign in.' } });
  });

  it('answers 401 for a forged cookie', async () => {
    const res = await request(t.app, 'GET', '/api/areas', { cookie: 'kayoi.session_token=forged.value' });
    expect(res.status).toBe(401);
  });

  it('signs out: the old cookie no longer works', async () => {
    const cookie = await tenant.signIn('manager');
    expect((await request(t.app, 'GET', '/api/me', { cookie })).status).toBe(200);
    const out = await request(t.app, 'POST', '/api/auth/sign-out', { cookie, body: {} });
    expect(out.status).toBe(200);
    expect((await request(t.app, 'GET', '/api/me', { cookie })).status).toBe(401);
  });
});
