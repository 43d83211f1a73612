import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  request,
  type SignedTenantFixture,
  TEST_ORIGIN,
  type TestApp,
} from '../../support/test-app.ts';

let t: TestApp;
let tenant: SignedTenantFixture;
let adminCookie: string;
let repCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await t.createTenant();
  adminCookie = await tenant.signIn('admin');
  repCookie = await tenant.signIn('rep1');
});
afterAll(() => t?.close());

const notFoundEn = { error: { code: 'not_found', message: 'No such API endpoint.' } };

/** POSTs a raw string as the sign-in body (so it can carry \u0000 or a lone surrogate escape). */
const signInRaw = (body: string, options: { locale?: 'ja' | 'en'; contentType?: string | null } = {}) =>
  request(t.app, 'POST', '/api/auth/sign-in/email', {
    body,
    ...(options.locale ? { locale: options.locale } : {}),
    headers:
      options.contentType === null ? {} : { 'content-type': options.contentType ?? 'application/json' },
  });

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };

describe('only the auth endpoints the app uses are exposed (organization API reachable)', () => {
  it('refuses a rep listing the members through better-auth’s organization API with 404', async () => {
    const res = await request(
      t.app,
      'GET',
      `/api/auth/organization/list-members?organizationId=${tenant.tenantId}`,
      { cookie: repCookie, locale: 'en' },
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(notFoundEn);
  });

  it('refuses an admin making a member owner (was 500) with 404 and leaves the role alone', async () => {
    const res = await request(t.app, 'POST', '/api/auth/organization/update-member-role', {
      cookie: adminCookie,
      body: { memberId: tenant.users.rep1.id, role: 'owner', organizationId: tenant.tenantId },
      locale: 'en',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(notFoundEn);
    const me = await request(t.app, 'GET', '/api/me', { cookie: repCookie });
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('rep');
  });

  it('refuses invitations (role owner) and renaming the tenant with 404', async () => {
    const invite = await request(t.app, 'POST', '/api/auth/organization/invite-member', {
      cookie: adminCookie,
      body: { email: 'intruder@example.com', role: 'owner', organizationId: tenant.tenantId },
    });
    expect(invite.status).toBe(404);
    expect(((await invite.json()) as ErrorJson).error.code).toBe('not_found');
    const rename = await request(t.app, 'POST', '/api/auth/organization/update', {
      cookie: adminCookie,
      body: { data: { name: 'Renamed' }, organizationId: tenant.tenantId },
    });
    expect(rename.status).toBe(404);
    const me = await request(t.app, 'GET', '/api/me', { cookie: adminCookie });
    expect(((await me.json()) as { tenant: { name: string } }).tenant.name).not.toBe('Renamed');
  });

  it('refuses update-user (a 500,000-character name, a NUL byte) with 404', async () => {
    for (const name of ['x'.repeat(500_000), 'a\u0000b']) {
      const res = await request(t.app, 'POST', '/api/auth/update-user', {
        cookie: repCookie,
        body: { name },
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorJson).error.code).toBe('not_found');
    }
    const me = await request(t.app, 'GET', '/api/me', { cookie: repCookie });
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe(tenant.users.rep1.name);
  });

  it('answers 404 for other better-auth endpoints and for the used ones under another method', async () => {
    for (const [method, path] of [
      ['POST', '/api/auth/sign-up/email'],
      ['GET', '/api/auth/list-sessions'],
      ['POST', '/api/auth/change-password'],
      ['GET', '/api/auth/sign-in/email'],
      ['GET', '/api/auth/sign-out'],
      ['POST', '/api/auth/get-session'],
    ] as const) {
      const res = await request(t.app, method, path, {
        cookie: repCookie,
        body: method === 'POST' ? {} : undefined,
      });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
  });

  it('still serves get-session to a signed-in user', async () => {
    const res = await request(t.app, 'GET', '/api/auth/get-session', { cookie: repCookie });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { email: string } }).user.email).toBe(tenant.users.rep1.email);
  });

  it('never puts the HttpOnly session token in a response body (sign-in, get-session)', async () => {
    const signInRes = await request(t.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: tenant.users.rep2.email, password: tenant.password },
    });
    expect(signInRes.status).toBe(200);
    const cookie = signInRes.headers.getSetCookie().find((c) => c.includes('session_token='))!;
    const token = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!).split('.')[0]!;
    const signInBody = await signInRes.text();
    expect(signInBody).toContain(tenant.users.rep2.email);
    expect(signInBody).not.toContain(token);
    const session = await request(t.app, 'GET', '/api/auth/get-session', { cookie: cookie.split(';')[0]! });
    const sessionBody = await session.text();
    expect(sessionBody).toContain(tenant.users.rep2.email);
    expect(sessionBody).not.toContain(token);
  });
});

describe('sign-in input is bounded', () => {
  it('refuses an e-mail over 254 characters with 422 naming the field, in Japanese by default', async () => {
    const email = `${'a'.repeat(250)}@example.com`;
    const res = await signInRaw(JSON.stringify({ email, password: tenant.password }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: '入力内容に誤りがあります。',
        fields: { email: '254文字以内で入力してください。' },
      },
    });
  });

  it('refuses a password over 256 characters with 422 in English when asked', async () => {
    const res = await signInRaw(
      JSON.stringify({ email: tenant.users.rep1.email, password: 'p'.repeat(257) }),
      { locale: 'en' },
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Some fields are not valid.',
        fields: { password: 'Must be at most 256 characters.' },
      },
    });
  });

  it('refuses a NUL byte in the password with 422 naming the field', async () => {
    const res = await signInRaw(
      JSON.stringify({ email: tenant.users.rep1.email, password: 'abc\u0000def' }),
      {
        locale: 'en',
      },
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorJson).error.fields).toEqual({
      password: 'Contains a character that cannot be stored (a NUL or a broken character).',
    });
  });

  it('refuses a lone surrogate in the e-mail, or a NUL byte in another field, with 422', async () => {
    const surrogate = await signInRaw(
      `{"email":"rep\\ud800@example.com","password":${JSON.stringify(tenant.password)}}`,
    );
    expect(surrogate.status).toBe(422);
    expect(((await surrogate.json()) as ErrorJson).error.fields).toEqual({
      email: '保存できない文字（NUL文字や壊れた文字）が含まれています。',
    });
    const extra = await signInRaw(
      JSON.stringify({ email: tenant.users.rep1.email, password: tenant.password, callbackURL: '/\u0000' }),
    );
    expect(extra.status).toBe(422);
    expect(Object.keys(((await extra.json()) as ErrorJson).error.fields ?? {})).toEqual(['callbackURL']);
  });

  it('refuses a huge or deeply nested sign-in body with 4xx, not 500', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const nested = await signInRaw(`{"email":${deep},"password":"x"}`, { locale: 'en' });
    expect(nested.status).toBeGreaterThanOrEqual(400);
    expect(nested.status).toBeLessThan(500);
    const big = await signInRaw(JSON.stringify({ email: 'a@b.jp', password: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
  });

  it('answers a malformed or non-JSON body with 4xx in the standard shape, never 5xx', async () => {
    const cases = [
      signInRaw('{"email": "rep1@', { locale: 'en' }),
      signInRaw('', { locale: 'en' }),
      signInRaw('[1,2]', { locale: 'en' }),
      signInRaw('"just a string"', { locale: 'en' }),
      signInRaw('{"email": 1, "password": null}', { locale: 'en' }),
      signInRaw('email=a@b.c&password=x', { locale: 'en', contentType: 'application/x-www-form-urlencoded' }),
      signInRaw('email=a@b.c', { locale: 'en', contentType: 'text/plain' }),
      signInRaw('{}', { locale: 'en', contentType: null }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as ErrorJson;
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    }
  });

  it('still signs in with a valid body', async () => {
    const res = await signInRaw(
      JSON.stringify({ email: tenant.users.rep2.email, password: tenant.password }),
    );
    expect(res.status).toBe(200);
  });
});

describe('sign-out without a body (was 415, session left valid)', () => {
  it('ends the session and clears the cookie', async () => {
    const cookie = await tenant.signIn('manager');
    expect((await request(t.app, 'GET', '/api/me', { cookie })).status).toBe(200);
    // As a browser's fetch(url, { method: 'POST' }) arrives: an empty body, no Content-Type.
    const out = await t.app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie, origin: TEST_ORIGIN },
      body: new Uint8Array(0),
    });
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith('kayoi.session_token='));
    expect(cleared).toMatch(/Max-Age=0/i);
    expect((await request(t.app, 'GET', '/api/me', { cookie })).status).toBe(401);
  });
});
