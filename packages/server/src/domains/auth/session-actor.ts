import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Actor, APP_DB_ROLE } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { runScript, sqlLiteral } from '../../platform/db/run-script.ts';
import type { Auth } from './create-auth.ts';

/**
 * What one look-up of a request's session cookie found:
 * - `actor`: a live session (not expired, not due for its sliding refresh) of a member;
 * - `no_tenant`: a live session whose user belongs to no tenant (or to several and chose none);
 * - `deactivated`: a live session of a person deactivated in the session's tenant;
 * - `undecided`: anything else (no cookie, a bad signature, no such session, expired, due for
 *   refresh, another driver): better-auth's getSession must decide, as it always did.
 */
export type SessionActorLookup =
  | { kind: 'actor'; actor: Actor }
  | { kind: 'no_tenant' }
  | { kind: 'deactivated' }
  | { kind: 'undecided' };

const UNDECIDED: SessionActorLookup = { kind: 'undecided' };
/** better-auth's tokens are 32 alphanumerics; anything else is left to it. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

interface CookieSettings {
  name: string;
  secret: string;
  expiresInMs: number;
  updateAgeMs: number;
}

/** The value of the first cookie called `name` in a Cookie header (as better-call reads it). */
export function firstCookie(header: string, name: string): string | null {
  let index = 0;
  while (index < header.length) {
    const eq = header.indexOf('=', index);
    if (eq === -1) return null;
    let end = header.indexOf(';', index);
    if (end === -1) end = header.length;
    else if (end < eq) {
      index = header.lastIndexOf(';', eq - 1) + 1;
      continue;
    }
    if (header.slice(index, eq).trim() === name) {
      let value = header.slice(eq + 1, end).trim();
      if (value.codePointAt(0) === 34) value = value.slice(1, -1);
      try {
        return value.includes('%') ? decodeURIComponent(value) : value;
      } catch {
        return value;
      }
    }
    index = end + 1;
  }
  return null;
}

/** The token of a cookie signed by better-call (`token.base64(HMAC-SHA256(secret, token))`), or null. */
export function verifiedToken(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return null;
  const token = signed.slice(0, dot);
  const signature = signed.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const given = Buffer.from(signature, 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/**
 * The statements of one look-up, sent in one round trip (one implicit transaction): the session
 * with its user and membership as the app's login (better-auth's tables), setting the tenant
 * and user for the transaction; then, as kayoi_app under row-level security, the person's team.
 */
const lookupScript = (token: string) => `
select s.user_id, s.active_organization_id,
    (extract(epoch from s.expires_at) * 1000)::float8 as expires_ms,
    t.organization_id as tenant_id, t.role, t.deactivated, t.memberships,
    set_config('app.tenant_id',
      case when s.active_organization_id is not null or t.memberships = 1 then t.organization_id else '' end, true),
    set_config('app.user_id', s.user_id, true)
  from "session" s
  join "user" u on u.id = s.user_id
  left join lateral (
    select m.organization_id, m.role, m.deactivated_at is not null as deactivated,
        (count(*) over ())::int as memberships
      from (select organization_id, role, deactivated_at from member
            where user_id = s.user_id
              and (s.active_organization_id is null or organization_id = s.active_organization_id)
            limit 2) m
      limit 1
  ) t on true
  where s.token = ${sqlLiteral(token)};
select set_config('role', ${sqlLiteral(APP_DB_ROLE)}, true);
select team_id from staff_profiles
  where tenant_id = current_setting('app.tenant_id') and user_id = current_setting('app.user_id');`;

interface SessionRow {
  user_id: string;
  active_organization_id: string | null;
  expires_ms: number;
  tenant_id: string | null;
  role: string | null;
  deactivated: boolean | null;
  memberships: number | null;
}

/**
 * Session cookie → Actor in one database round trip, reading the database on every request
 * (nothing is cached: a signed-out or deleted session, a removed membership, a deactivation or
 * a changed role count from the very next request). It answers only what better-auth's
 * getSession would answer the same way (a valid signed cookie naming a session row whose user
 * exists, not expired and not due for getSession's sliding refresh) and then resolves the actor
 * exactly as resolveActor does; every other case is `undecided`, for the caller to hand to
 * better-auth. Off when better-auth keeps sessions anywhere else (cookie cache, secondary storage).
 */
export function sessionActorLookup(auth: Auth) {
  let settings: Promise<CookieSettings | null> | undefined;
  const settingsOf = () => {
    settings ??= auth.$context.then((ctx) => {
      const options = ctx.options as {
        session?: { cookieCache?: { enabled?: boolean } };
        secondaryStorage?: unknown;
      };
      return options.session?.cookieCache?.enabled || options.secondaryStorage
        ? null
        : {
            name: ctx.authCookies.sessionToken.name,
            secret: ctx.secret,
            expiresInMs: ctx.sessionConfig.expiresIn * 1000,
            updateAgeMs: ctx.sessionConfig.updateAge * 1000,
          };
    });
    return settings;
  };

  return async (db: Db, headers: Headers): Promise<SessionActorLookup> => {
    const cookies = headers.get('cookie');
    if (!cookies) return UNDECIDED;
    const config = await settingsOf();
    if (!config) return UNDECIDED;
    const signed = firstCookie(cookies, config.name);
    const token = signed ? verifiedToken(signed, config.secret) : null;
    if (!token || !TOKEN.test(token)) return UNDECIDED;

    const results = await runScript(db, lookupScript(token));
    const row = results?.[0]?.[0] as SessionRow | undefined;
    if (!results || !row) return UNDECIDED;
    const now = Date.now();
    // getSession refuses (and deletes) an expired session, and slides one past its update age.
    if (!(row.expires_ms >= now) || row.expires_ms - config.expiresInMs + config.updateAgeMs <= now)
      return UNDECIDED;

    if (!row.tenant_id || (!row.active_organization_id && row.memberships !== 1))
      return { kind: 'no_tenant' };
    // Deactivation deletes the person's sessions; this refuses one that raced it.
    if (row.deactivated) return { kind: 'deactivated' };
    const team = results[2]?.[0] as { team_id: string | null } | undefined;
    return {
      kind: 'actor',
      actor: {
        tenantId: row.tenant_id,
        userId: row.user_id,
        role: row.role as Actor['role'],
        teamId: team?.team_id ?? null,
      },
    };
  };
}
