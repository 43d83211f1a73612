import type { Actor, Locale } from '../context.ts';
import type { Db } from '../db/database.ts';

/** Hono variables set by the platform middleware before any domain route runs. */
export interface AppEnv {
  Variables: {
    db: Db;
    locale: Locale;
    /** Set on every /api route except /api/auth/*, /api/health and the OpenAPI docs; 401 otherwise. */
    actor: Actor;
  };
}
