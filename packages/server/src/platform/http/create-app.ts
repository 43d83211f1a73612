import { createRequire } from 'node:module';
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Hono, Schema } from 'hono';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createGeocoder, type Geocoder } from '../geo/geocoder.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Logger } from '../logger.ts';
import { WEB_DIST_DIR } from '../paths.ts';
import { createSigner } from '../signer.ts';
import { mountApiDocs } from './api-docs.ts';
import type { AppEnv } from './app-env.ts';
import type { Authentication } from './authentication.ts';
import { limitBody, MAX_BODY_LIMIT } from './body-limit.ts';
import { createRouter } from './create-router.ts';
import { defineRoute } from './define-route.ts';
import { apiNotFound, createErrorHandler } from './error-handler.ts';
import { localeMiddleware } from './locale.ts';
import { originCheck } from './origin-check.ts';
import { requestLogger } from './request-logger.ts';
import { securityHeaders } from './security-headers.ts';
import { serveWebApp } from './static-web.ts';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  tags: ['platform'],
  summary: 'Liveness',
  responses: {
    200: {
      description: 'The server is up',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
  access: { roles: 'public', scope: 'public' },
});

/** A domain router and where it is mounted (below /api, behind the actor middleware). */
export interface DomainRoutes {
  path: string;
  routes: OpenAPIHono<AppEnv> | Hono<AppEnv, Schema, string>;
  /** Served without a session, before the session check (e.g. a tokenised calendar feed). */
  public?: boolean;
}

export interface CreateAppOptions {
  database: Database;
  config: Config;
  logger: Logger;
  /** Who is calling: sign-in endpoints and session → actor (the auth domain's sessionAuthentication). */
  authentication: Authentication;
  /** Domain routers to mount, e.g. { path: '/customers', routes: customerRoutes }. */
  domains?: readonly DomainRoutes[];
  /** The job queue domain routes enqueue on (`c.var.jobs`); main.ts starts and stops it. */
  jobs?: JobQueue;
  /** Addresses → positions (`c.var.geocoder`); default: the one the configuration names. */
  geocoder?: Geocoder;
  /** Where the built web app lives (default packages/web/dist). */
  webDistDir?: string;
}

/**
 * Assembles the HTTP app: logging, secure headers, locale, the body-size ceiling, CSRF origin
 * check, the sign-in endpoints, public /api/health, /api/openapi.json and /api/docs, then the
 * session → actor middleware in front of every other /api route, the domain routers (each
 * route brings its own access rule, body limit and idempotency through defineRoute), a JSON
 * 404 for unknown /api paths, and the single-page app for everything else. The platform knows
 * no domain: main.ts passes the authentication and the domain routers in.
 *
 * @example
 * const app = createApp({ database, config, logger, authentication, domains: appDomains });
 * serve({ fetch: app.fetch, port: config.port });
 */
export function createApp(options: CreateAppOptions): OpenAPIHono<AppEnv> {
  const { database, config, logger } = options;
  const app = createRouter();

  app.onError(createErrorHandler(logger));
  app.use('*', requestLogger(logger));
  app.use('*', securityHeaders);
  const signer = createSigner(config.authSecret);
  const geocoder =
    options.geocoder ??
    createGeocoder({ kind: config.geocoder, url: config.geocoderUrl, timeoutMs: config.geocoderTimeoutMs });
  app.use('/api/*', localeMiddleware, async (c, next) => {
    c.set('db', database.db);
    c.set('config', config);
    c.set('signer', signer);
    c.set('geocoder', geocoder);
    if (options.jobs) c.set('jobs', options.jobs);
    await next();
  });
  // Each route limits its own body (1 MB by default, see defineRoute); this is the ceiling.
  app.use('/api/*', limitBody(MAX_BODY_LIMIT));
  app.use('/api/*', originCheck(config.trustedOrigins));

  options.authentication.mount(app);
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: `${config.baseUrl.startsWith('https://') ? '__Secure-' : ''}kayoi.session_token`,
    description: 'Set by POST /api/auth/sign-in/email {email,password}.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kayoi API',
      version,
      description:
        'Route-sales workbench. Failures: `{ error: { code, message, fields? } }`; ' +
        'Accept-Language ja|en picks the language (ja by default). State-changing requests need an Origin header.',
    },
  });
  mountApiDocs(app, { url: '/api/openapi.json', pageTitle: 'Kayoi API' });
  for (const domain of options.domains ?? [])
    if (domain.public) app.route(`/api${domain.path}`, domain.routes);

  app.use('/api/*', async (c, next) => {
    c.set('actor', await options.authentication.actorOf(c));
    await next();
  });
  for (const domain of options.domains ?? [])
    if (!domain.public) app.route(`/api${domain.path}`, domain.routes);
  app.all('/api/*', apiNotFound);

  app.use('*', serveWebApp(options.webDistDir ?? WEB_DIST_DIR));
  return app;
}
