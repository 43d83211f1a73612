import { randomInt } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { pino } from 'pino';
import { appDomains } from '../../src/app-domains.ts';
import { type Auth, createAuth } from '../../src/domains/auth/create-auth.ts';
import { sessionAuthentication } from '../../src/domains/auth/session-authentication.ts';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import type { MigratableDatabase } from '../../src/platform/db/open-database.ts';
import type { AppEnv } from '../../src/platform/http/app-env.ts';
import type { Authentication } from '../../src/platform/http/authentication.ts';
import { type CreateAppOptions, createApp } from '../../src/platform/http/create-app.ts';
import type { JobQueue } from '../../src/platform/jobs/job-queue.ts';
import { createIdleJobQueue } from './idle-job-queue.ts';
import { createTenantFixture, type TenantFixtureOptions, type UserKey } from './tenant-fixture.ts';
import { createTestDatabase } from './test-database.ts';

/** The origin the test app trusts; `request()` sends it on every state-changing call. */
export const TEST_ORIGIN = 'http://localhost:3000';
/** The client IP (must be a valid IP) requests are rate-limited by; default: a random one per request. */
export const TEST_CLIENT_IP_HEADER = 'x-test-client-ip';

export interface TestApp {
  app: OpenAPIHono<AppEnv>;
  database: MigratableDatabase;
  auth: Auth;
  authentication: Authentication;
  config: Config;
  jobs: JobQueue;
  /** A fresh isolated tenant whose users can sign in through this app. */
  createTenant(options?: TenantFixtureOptions): Promise<SignedTenantFixture>;
  close(): Promise<void>;
}

export type SignedTenantFixture = Awaited<ReturnType<typeof createTenantFixture>> & {
  /** Signs in through POST /api/auth/sign-in/email; returns the Cookie header value. */
  signIn(key: UserKey): Promise<string>;
};

/** A random private IPv4 address: better-auth ignores anything that is not an IP. */
const randomTestIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export const testConfig = (overrides: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, LOG_LEVEL: 'silent', ...overrides });

/**
 * The full app (createApp with every domain router) over a fresh test database. Open once per
 * test file; rate limiting is per test-client-ip header so tests do not starve each other.
 *
 * @example
 * const t = await createTestApp();
 * const tenant = await t.createTenant();
 * const res = await request(t.app, 'GET', '/api/me', { cookie: await tenant.signIn('rep1') });
 */
export async function createTestApp(
  options: Partial<CreateAppOptions> & {
    auth?: Auth;
    /** A real job queue for the app (default: one that queues and runs nothing). */
    jobQueue?: (database: MigratableDatabase) => JobQueue;
  } = {},
): Promise<TestApp> {
  const { jobQueue, ...appOptions } = options;
  const database = await createTestDatabase();
  const jobs = jobQueue?.(database) ?? createIdleJobQueue();
  const config = options.config ?? testConfig();
  const logger = options.logger ?? pino({ level: 'silent' });
  const auth = options.auth ?? createAuth({ db: database.db, config, logger });
  const authentication =
    options.authentication ??
    sessionAuthentication({
      auth,
      clientIp: (req) => req.headers.get(TEST_CLIENT_IP_HEADER) ?? randomTestIp(),
    });
  const app = createApp({
    domains: appDomains,
    jobs,
    ...appOptions,
    authentication,
    database,
    config,
    logger,
  });
  return {
    app,
    database,
    auth,
    authentication,
    config,
    jobs,
    async createTenant(fixtureOptions) {
      const fixture = await createTenantFixture(database.admin, fixtureOptions);
      return {
        ...fixture,
        signIn: (key) => signIn(app, fixture.users[key].email, fixture.password),
      };
    },
    async close() {
      await jobs.stop({ timeoutMs: 5_000 });
      await database.close();
    },
  };
}

/** Signs in with e-mail and password; returns the Cookie header value or throws. */
export async function signIn(app: OpenAPIHono<AppEnv>, email: string, password: string): Promise<string> {
  const res = await request(app, 'POST', '/api/auth/sign-in/email', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return cookieHeader(res);
}

/** The Cookie header a browser would send back after this response. */
export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

export interface RequestOptions {
  cookie?: string;
  /** JSON body (or FormData / string sent as-is). */
  body?: unknown;
  locale?: 'ja' | 'en';
  /** Origin header; defaults to TEST_ORIGIN for non-GET requests, `null` sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
}

/**
 * Calls the app like a browser on the same origin would.
 *
 * @example
 * const res = await request(app, 'PATCH', `/api/customers/${id}`, { cookie, body: { name, version: 1 } });
 */
export function request(
  app: OpenAPIHono<AppEnv>,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.locale) headers.set('accept-language', options.locale);
  const origin = options.origin === undefined ? (method === 'GET' ? undefined : TEST_ORIGIN) : options.origin;
  if (origin) headers.set('origin', origin);
  let body: FormData | string | undefined;
  if (options.body instanceof FormData || typeof options.body === 'string') body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set('content-type', 'application/json');
  }
  return Promise.resolve(app.request(path, { method, headers, body }));
}
