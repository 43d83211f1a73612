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

/**
 * What account use cases (sign-up, accepting an invitation, a password reset) need from the
 * authentication; `mount` makes it `c.var.sessions`.
 */
export interface AccountSessions {
  /** Signs in with the password just set; returns the Set-Cookie header values to send. */
  signIn(c: Context<AppEnv>, credentials: { email: string; password: string }): Promise<string[]>;
  /**
   * Counts one attempt at `action` from the caller's address; past the sign-in limit per
   * minute throws 429 `rate_limited`.
   */
  limitAttempts(c: Context<AppEnv>, action: string): Promise<void>;
}
