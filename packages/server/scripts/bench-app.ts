import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { appDomains } from '../src/app-domains.ts';
import { createAuth } from '../src/domains/auth/create-auth.ts';
import { sessionAuthentication } from '../src/domains/auth/session-authentication.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { MigratableDatabase } from '../src/platform/db/open-database.ts';
import { createApp } from '../src/platform/http/create-app.ts';
import { DEMO_PASSWORD } from '../src/seed/seed-demo.ts';
import { createIdleJobQueue } from '../test/support/idle-job-queue.ts';

/** The origin the benches' app believes it is served at (sign-in checks the Origin header). */
export const BENCH_ORIGIN = 'http://localhost:3000';

/**
 * The real app for a bench, on a local port of 127.0.0.1, over `database` (its jobs idle, its
 * logs silent), with what a bench needs around it: the base URL, a sign-in that returns the
 * session cookie (the demo password), and the pieces it is made of, for A/B variants.
 *
 * @example
 * const bench = await serveBenchApp(database, databaseUrl);
 * const cookie = await bench.signIn('rep1@kpi-bench.kayoi.jp');
 * await fetch(`${bench.base}/api/me`, { headers: { cookie } });
 * await bench.close();
 */
export async function serveBenchApp(database: MigratableDatabase, databaseUrl: string) {
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: BENCH_ORIGIN,
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
  });
  const logger = pino({ level: 'silent' });
  const auth = createAuth({ db: database.db, config, logger });
  const authentication = sessionAuthentication({ auth, clientIp: () => '127.0.0.1' });
  /** The app with these settings and another way of authenticating (an A/B in one process). */
  const appWith = (auth: typeof authentication) =>
    createApp({
      database,
      config,
      logger,
      authentication: auth,
      domains: appDomains,
      jobs: createIdleJobQueue(),
    });
  const app = appWith(authentication);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  /** Signs `email` in with the demo password; the Cookie header of its session. */
  const signIn = async (email: string) => {
    const res = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
  };
  const close = () => new Promise((resolve) => server.close(resolve));
  return { app, appWith, auth, authentication, base, signIn, close };
}
