/**
 * Starts Kayoi: configuration, database (PGlite under DATA_DIR with a folder lock, or
 * PostgreSQL via DATABASE_URL), migrations and the demo company on an empty database (through
 * the owner's DATABASE_ADMIN_URL), a check that the app's login cannot escape row-level
 * security, then the HTTP server. SIGINT/SIGTERM close the server and the database and release
 * the lock.
 */
import { serve } from '@hono/node-server';
import { appDomains } from './app-domains.ts';
import { createAuth } from './domains/auth/create-auth.ts';
import { sessionAuthentication } from './domains/auth/session-authentication.ts';
import { registerPlanningJobs } from './domains/planning/optimize-plan.ts';
import { configurePlanning } from './domains/planning/planning-travel.ts';
import { registerWebhookJobs, startWebhookDispatcher } from './domains/webhooks/webhook-jobs.ts';
import { webhookSecretBox } from './domains/webhooks/webhook-signing.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { checkAppRole } from './platform/db/check-app-role.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { openDatabase } from './platform/db/open-database.ts';
import { clientIpResolver } from './platform/http/client-ip.ts';
import { createApp } from './platform/http/create-app.ts';
import { createJobQueue } from './platform/jobs/create-job-queue.ts';
import { createLogger } from './platform/logger.ts';
import { planDemo } from './seed/plan-demo.ts';
import { formatDemoAccounts, isDatabaseEmpty, seedDemo } from './seed/seed-demo.ts';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config);
  if (config.authSecretIsDefault) {
    logger.warn(
      'BETTER_AUTH_SECRET is not set: using the development default (never do this in production).',
    );
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    adminUrl: config.databaseAdminUrl,
    dataDir: config.dataDir,
  });
  logger.info(
    { driver: database.driver, ...(config.databaseUrl ? {} : { dataDir: config.dataDir }) },
    'database ready (migrations applied)',
  );
  // PGlite is single-user: its one login is a superuser, so there is nothing to check.
  if (database.driver === 'pg') {
    try {
      await checkAppRole(database.db, {
        production: config.env === 'production',
        warn: (message) => logger.warn(message),
      });
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  let seeded = false;
  if (config.seedDemo && (await isDatabaseEmpty(database.admin))) {
    const started = performance.now();
    await seedDemo(database.admin, { appSecret: config.authSecret });
    seeded = true;
    logger.info({ ms: Math.round(performance.now() - started) }, 'seeded the demo company');
  }

  const auth = createAuth({ db: database.db, config, logger });
  const authentication = sessionAuthentication({
    auth,
    clientIp: clientIpResolver(config),
    attemptLimit: config.signInRateLimit,
  });
  const jobs = createJobQueue({ database, onError: (error) => logger.error({ err: error }, 'job queue') });
  await registerPlanningJobs({ jobs, db: database.db, osrmUrl: config.osrmUrl });
  configurePlanning({ publicUrl: config.baseUrl });
  await registerWebhookJobs({
    jobs,
    db: database.db,
    transport: { allowPrivate: config.webhooksAllowPrivate, publicUrl: config.baseUrl },
    secretBox: webhookSecretBox(config.authSecret),
  });
  await jobs.start();
  const stopWebhooks = startWebhookDispatcher({
    jobs,
    db: database.db,
    onError: (error) => logger.warn({ err: error }, 'web hook dispatcher'),
  });
  const app = createApp({ database, config, logger, authentication, domains: appDomains, jobs });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = config.baseUrl;
    console.log(`\nKayoi is running at ${url}  (listening on ${info.address}:${info.port})`);
    console.log(`API reference: ${url}/api/docs`);
    console.log(`${seeded ? 'Demo company seeded. ' : ''}${formatDemoAccounts()}\n`);
    // The demo's first plan (two weeks, every rep) is computed in the background once listening.
    if (config.seedDemo)
      planDemo({ db: database.db, admin: database.admin, jobs })
        .then((jobId) => jobId && logger.info({ jobId }, 'planning the demo company’s next two weeks'))
        .catch((error) => logger.warn({ err: error }, 'could not plan the demo company'));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      stopWebhooks();
      await jobs.stop({ timeoutMs: 5_000 }).catch(() => {});
      await database.close();
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() open.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
