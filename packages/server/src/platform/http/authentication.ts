import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../context.ts';
import type { AppEnv } from './app-env.ts';

/**
 * How the app learns who is calling. The platform only needs these two things; the auth domain
 * provides them (sessions through better-auth) and main.ts hands them to createApp.
 */
export interface Authentication {
  /** Serves the sign-in endpoints (under /api/auth) and adds them to the API description. */
  mount(app: OpenAPIHono<AppEnv>): void;
  /** The caller of a request; throws an AppError (401 without a session, 403 without a tenant). */
  actorOf(c: Context<AppEnv>): Promise<Actor>;
}
