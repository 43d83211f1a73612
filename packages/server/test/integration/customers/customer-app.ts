import { randomInt } from 'node:crypto';
import type { UserKey } from '../../support/tenant-fixture.ts';
import {
  cookieHeader,
  createTestApp,
  request,
  type SignedTenantFixture,
  TEST_CLIENT_IP_HEADER,
  type TestApp,
} from '../../support/test-app.ts';

/** The full test app: createApp with the production domain list (customers at /api/customers). */
export function createCustomerTestApp(): Promise<TestApp> {
  return createTestApp();
}

/** Signs every fixture user in once; `as(key)` calls the API as that user. */
export async function signInAll(t: TestApp, tenant: SignedTenantFixture) {
  const cookies = {} as Record<UserKey, string>;
  for (const key of ['admin', 'manager', 'rep1', 'rep2', 'rep3'] as const)
    cookies[key] = await signIn(t, tenant, key);
  return (key: UserKey) => ({
    cookie: cookies[key],
    get: (path: string, locale?: 'ja' | 'en') =>
      request(t.app, 'GET', path, { cookie: cookies[key], locale }),
    send: (method: string, path: string, body?: unknown, locale?: 'ja' | 'en') =>
      request(t.app, method, path, { cookie: cookies[key], body, locale }),
  });
}

/** A CSV upload as the browser sends it. */
export function csvForm(bytes: Uint8Array | string, fileName = 'customers.csv', encoding?: string): FormData {
  const form = new FormData();
  form.append(
    'file',
    new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: 'text/csv' }),
    fileName,
  );
  if (encoding) form.append('encoding', encoding);
  return form;
}

/**
 * Signs in from an address of its own: the sign-in rate limit is per client address and kept
 * in the database, which a PostgreSQL test run shares across files and runs.
 */
export async function signIn(t: TestApp, tenant: SignedTenantFixture, key: UserKey): Promise<string> {
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const res = await request(t.app, 'POST', '/api/auth/sign-in/email', {
    body: { email: tenant.users[key].email, password: tenant.password },
    headers: { [TEST_CLIENT_IP_HEADER]: ip },
  });
  if (res.status !== 200) throw new Error(`sign-in of ${key} failed: ${res.status} ${await res.text()}`);
  return cookieHeader(res);
}
