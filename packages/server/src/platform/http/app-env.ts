import type { Config } from '../config.ts';
import type { Actor, Locale } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { Geocoder } from '../geo/geocoder.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Signer } from '../signer.ts';
import type { AccountSessions } from './authentication.ts';

/** Hono variables set by the platform middleware before any domain route runs. */
export interface AppEnv {
  Variables: {
    db: Db;
    locale: Locale;
    /** Signs tokens handed to clients (list cursors). */
    signer: Signer;
    /** The app's job queue (work done off the request thread: plans, exports). */
    jobs: JobQueue;
    /** Addresses → positions (GEOCODER / GEOCODER_URL; GSI by default). */
    geocoder: Geocoder;
    /** The app's configuration (public URL, sign-up switch, SMTP). */
    config: Config;
    /** Starting a session after a password was set, and rate limiting public account actions. */
    sessions: AccountSessions;
    /** Set on every /api route except /api/auth/*, /api/health and the OpenAPI docs; 401 otherwise. */
    actor: Actor;
  };
}
