import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { Hono, MiddlewareHandler, Schema } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { registerAuthDocs } from '../../domains/auth/auth-docs.ts';
import { authHandler, type ClientIpResolver } from '../../domains/auth/auth-handler.ts';
import { type Auth, createAuth } from '../../domains/auth/create-auth.ts';
import { requireActor } from '../../domains/auth/require-actor.ts';
import { authRoutes } from '../../domains/auth/routes.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { WEB_DIST_DIR } from '../paths.ts';
import type { AppEnv } from './app-env.ts';
import { createRouter } from './create-router.ts';
import { apiNotFound, createErrorHandler, errorForStatus } from './error-handler.ts';
import { localeMiddleware } from './locale.ts';
import { originCheck } from './origin-check.ts';
import { requestLogger } from './request-logger.ts';
import { securityHeaders } from './security-headers.ts';
import { serveWebApp } from './static-web.ts';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

const healthRoute = createRoute({
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
});

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 10 * 1024 * 1024;
/** Routes that accept file uploads get the larger limit. */
const UPLOAD_PATHS = [/^\/api\/customers\/import\/preview$/];

/** A domain router and where it is mounted (below /api, behind the actor middleware). */
export interface DomainRoutes {
  path: string;
  routes: OpenAPIHono<AppEnv> | Hono<AppEnv, Schema, string>;
}

export interface CreateAppOptions {
  database: Database;
  config: Config;
  logger: Logger;
  /** Defaults to createAuth over the same database. */
  auth?: Auth;
  /** Domain routers to mount, e.g. { path: '/customers', routes: customerRoutes }. */
  domains?: readonly DomainRoutes[];
  /** The client address used for rate limiting; defaults to the socket's remote address. */
  clientIp?: ClientIpResolver;
  /** Where the built web app lives (default packages/web/dist). */
  webDistDir?: string;
}

const socketAddress: ClientIpResolver = (_request, env) =>
  (env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;

/** Behind a trusted reverse proxy: the left-most X-Forwarded-For address. */
const forwardedFor: ClientIpResolver = (request, env) =>
  request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || socketAddress(request, env);

const limitBody = (maxSize: number): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw errorForStatus(413);
    },
  });

/**
 * Assembles the HTTP app: logging, secure headers, locale, body limits, CSRF origin check,
 * better-auth at /api/auth/*, public /api/health, /api/openapi.json and /api/docs, then the
 * session → actor middleware in front of every other /api route, the domain routers, a JSON
 * 404 for unknown /api paths, and the single-page app for everything else.
 *
 * @example
 * const app = createApp({ database, config, logger, domains: [{ path: '/customers', routes: customerRoutes }] });
 * serve({ fetch: app.fetch, port: config.port });
 */
export function createApp(options: CreateAppOptions): OpenAPIHono<AppEnv> {
  const { database, config, logger } = options;
  const auth = options.auth ?? createAuth({ db: database.db, config, logger });
  const app = createRouter();

  app.onError(createErrorHandler(logger));
  app.use('*', requestLogger(logger));
  app.use('*', securityHeaders);
  app.use('/api/*', localeMiddleware, async (c, next) => {
    c.set('db', database.db);
    await next();
  });
  const jsonLimit = limitBody(JSON_BODY_LIMIT);
  const uploadLimit = limitBody(UPLOAD_BODY_LIMIT);
  app.use('/api/*', (c, next) =>
    UPLOAD_PATHS.some((p) => p.test(c.req.path)) ? uploadLimit(c, next) : jsonLimit(c, next),
  );
  app.use('/api/*', originCheck(config.trustedOrigins));

  const clientIp = options.clientIp ?? (config.trustProxy ? forwardedFor : socketAddress);
  app.on(['GET', 'POST'], '/api/auth/*', authHandler(auth, clientIp));
  registerAuthDocs(app);
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
  app.get('/api/docs', Scalar({ url: '/api/openapi.json', pageTitle: 'Kayoi API' }));

  app.use('/api/*', requireActor(auth));
  app.route('/api', authRoutes());
  for (const domain of options.domains ?? []) app.route(`/api${domain.path}`, domain.routes);
  app.all('/api/*', apiNotFound);

  app.use('*', serveWebApp(options.webDistDir ?? WEB_DIST_DIR));
  return app;
}
