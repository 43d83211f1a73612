import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { AccountSessions } from '../../platform/http/authentication.ts';
import type { ClientIpResolver } from '../../platform/http/client-ip.ts';
import { authError } from './auth-errors.ts';
import type { Auth } from './create-auth.ts';

const WINDOW_MS = 60_000;

export interface AccountSessionsOptions {
  auth: Auth;
  clientIp: ClientIpResolver;
  /** Attempts per client address and action per minute (SIGN_IN_RATE_LIMIT). */
  limit: number;
}

/**
 * Sessions for account use cases: a sign-in through better-auth's own API with the password just
 * set, and a per-address limit on public account actions kept in better-auth's `rate_limit`
 * table (so every app instance counts together, like sign-in).
 */
export function accountSessions({ auth, clientIp, limit }: AccountSessionsOptions): AccountSessions {
  return {
    async signIn(c, { email, password }) {
      const { headers } = await auth.api.signInEmail({
        body: { email, password },
        headers: c.req.raw.headers,
        returnHeaders: true,
      });
      return headers.getSetCookie();
    },
    async limitAttempts(c: Context<AppEnv>, action: string) {
      const ip = clientIp(c.req.raw, c.env) ?? 'unknown';
      const count = await countAttempt(c.var.db, `kayoi:${action}|${ip}`);
      if (count > limit) throw authError('rate_limited');
    },
  };
}

/** One more attempt under `key` in the current one-minute window; the window's count. */
async function countAttempt(db: Db, key: string): Promise<number> {
  const now = Date.now();
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`insert into rate_limit (id, key, count, last_request)
      values (${crypto.randomUUID()}, ${key}, 1, ${now})
      on conflict (key) do update set
        count = case when rate_limit.last_request < ${now - WINDOW_MS} then 1 else rate_limit.count + 1 end,
        last_request = case when rate_limit.last_request < ${now - WINDOW_MS} then ${now}
          else rate_limit.last_request end
      returning count`,
  );
  return Number(row?.count ?? 1);
}
