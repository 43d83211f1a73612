import { z } from 'zod';
import { resolveFromRepoRoot } from './paths.ts';

const DEV_SECRET = 'kayoi-dev-secret-do-not-use-in-production-000';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PGlite folder; relative paths resolve against the repository root (not the cwd). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** When set, PostgreSQL via `pg` is used instead of PGlite: the app's own login. */
  DATABASE_URL: postgresUrl.optional(),
  /** The owner's login (migrations, the demo seed); defaults to DATABASE_URL. */
  DATABASE_ADMIN_URL: postgresUrl.optional(),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Public URL of the app, e.g. https://kayoi.example.jp; defaults to http://HOST:PORT. */
  BASE_URL: z.url().optional(),
  /** Extra origins allowed to call the API (comma-separated), e.g. the Vite dev server. */
  TRUSTED_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** 1 behind a reverse proxy: the client address (for sign-in rate limiting) comes from X-Forwarded-For. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Set to 0 to skip seeding the demo company into an empty database. */
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  /** Sign-in attempts allowed per client address per minute. */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** 0 turns the public company sign-up (POST /api/signup) off, e.g. for a private installation. */
  ALLOW_SIGNUP: z.enum(['0', '1']).default('1'),
  /** smtp(s)://user:pass@host:port: invitations and password resets are mailed; without it the admin gets the link. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From address of that mail. */
  MAIL_FROM: z.string().max(254).default('Kayoi <no-reply@kayoi.local>'),
  /** An OSRM-compatible routing service (its /table API) for travel times; straight-line estimates without. */
  OSRM_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Where addresses become positions: gsi (国土地理院, no key; the default), nominatim (GEOCODER_URL),
   * off. Default: nominatim when GEOCODER_URL is set, off under NODE_ENV=test, gsi otherwise.
   */
  GEOCODER: z.enum(['gsi', 'nominatim', 'off']).optional(),
  /** A Nominatim-compatible service's base URL; with GEOCODER=gsi, a server speaking GSI's format. */
  GEOCODER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Per geocoding request, in milliseconds. */
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /**
   * 1 lets web hooks reach loopback, private and link-local addresses (and plain http there), e.g.
   * a receiver on the same network; refused by default, so a hook cannot probe the server's network.
   */
  WEBHOOKS_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The app's PostgreSQL login (not a superuser, owns nothing); undefined = PGlite. */
  readonly databaseUrl: string | undefined;
  /** The owner's PostgreSQL login for migrations and the demo seed; DATABASE_URL when not set. */
  readonly databaseAdminUrl: string | undefined;
  readonly authSecret: string;
  /** True when BETTER_AUTH_SECRET was not set and the development default is used. */
  readonly authSecretIsDefault: boolean;
  readonly baseUrl: string;
  readonly trustedOrigins: readonly string[];
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly seedDemo: boolean;
  readonly trustProxy: boolean;
  /** Sign-in attempts allowed per client address per minute. */
  readonly signInRateLimit: number;
  /** Whether POST /api/signup may create a company. */
  readonly allowSignup: boolean;
  /** SMTP server for invitation and password-reset mail; undefined = links are handed to the admin. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Base URL of an OSRM-compatible routing service; undefined = straight-line travel estimates. */
  readonly osrmUrl: string | undefined;
  /** The geocoder addresses are located with (src/platform/geo/geocoder.ts). */
  readonly geocoder: 'gsi' | 'nominatim' | 'off';
  /** Its base URL; undefined = GSI's own (https://msearch.gsi.go.jp). */
  readonly geocoderUrl: string | undefined;
  readonly geocoderTimeoutMs: number;
  /** Web hooks may reach loopback, private and link-local addresses (WEBHOOKS_ALLOW_PRIVATE=1). */
  readonly webhooksAllowPrivate: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the configuration from environment variables; throws ConfigError
 * naming every bad variable.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.BETTER_AUTH_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  BETTER_AUTH_SECRET: required in production (32+ random characters, e.g. `openssl rand -base64 32`)',
    );
  }
  if (e.GEOCODER === 'nominatim' && !e.GEOCODER_URL) {
    throw new ConfigError('Invalid configuration:\n  GEOCODER_URL: required with GEOCODER=nominatim');
  }
  if (e.DATABASE_ADMIN_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_ADMIN_URL: needs DATABASE_URL (the app login) as well; the embedded database has no logins',
    );
  }
  const baseUrl = (e.BASE_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
    /\/$/,
    '',
  );
  const extra = e.TRUSTED_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const localOrigins =
    e.NODE_ENV === 'production'
      ? []
      : [
          `http://localhost:${e.PORT}`,
          `http://127.0.0.1:${e.PORT}`,
          'http://localhost:5173',
          'http://127.0.0.1:5173',
        ];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolveFromRepoRoot(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseAdminUrl: e.DATABASE_ADMIN_URL ?? e.DATABASE_URL,
    authSecret: e.BETTER_AUTH_SECRET ?? DEV_SECRET,
    authSecretIsDefault: !e.BETTER_AUTH_SECRET,
    baseUrl,
    trustedOrigins: [...new Set([new URL(baseUrl).origin, ...localOrigins, ...extra])],
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === '1',
    trustProxy: e.TRUST_PROXY === '1',
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    allowSignup: e.ALLOW_SIGNUP === '1',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    osrmUrl: e.OSRM_URL?.replace(/\/+$/, ''),
    geocoder: e.GEOCODER ?? (e.GEOCODER_URL ? 'nominatim' : e.NODE_ENV === 'test' ? 'off' : 'gsi'),
    geocoderUrl: e.GEOCODER_URL?.replace(/\/+$/, ''),
    geocoderTimeoutMs: e.GEOCODER_TIMEOUT_MS,
    webhooksAllowPrivate: e.WEBHOOKS_ALLOW_PRIVATE === '1',
  };
}
