import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { ACCESS_EXTENSION, type OperationAccess } from '../../platform/http/define-route.ts';
import { errorResponses } from '../../platform/http/openapi-schemas.ts';

const publicAccess = { [ACCESS_EXTENSION]: { roles: 'public', scope: 'public' } satisfies OperationAccess };

/**
 * Documents the better-auth endpoints the web app uses (served by better-auth itself, so
 * they are not zod routes): sign-in and sign-out.
 */
export function registerAuthDocs(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/auth/sign-in/email',
    ...publicAccess,
    tags: ['auth'],
    summary: 'Sign in with e-mail and password; sets the HttpOnly session cookie',
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.object({
              email: z.email().openapi({ example: 'rep1@demo.kayoi.jp' }),
              password: z.string().openapi({ example: 'kayoi-demo-2026' }),
            }),
          },
        },
      },
    },
    responses: {
      200: { description: 'Signed in (Set-Cookie: kayoi.session_token)' },
      ...errorResponses(401, 403, 429),
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/auth/sign-out',
    ...publicAccess,
    tags: ['auth'],
    summary: 'Sign out: ends the session and clears the cookie',
    responses: { 200: { description: 'Signed out' }, ...errorResponses(403) },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/auth/get-session',
    ...publicAccess,
    tags: ['auth'],
    summary: 'The current session and user, or null without one (the token stays in the HttpOnly cookie)',
    responses: { 200: { description: 'The session, or null' } },
  });
}
