import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { organization as organizationPlugin } from 'better-auth/plugins';
import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  account,
  invitation,
  member,
  organization,
  rateLimit,
  session,
  user,
  verification,
} from '../../platform/db/schema/index.ts';
import { errorForLog, type Logger } from '../../platform/logger.ts';

/** The header the HTTP layer sets from the socket address; better-auth rate-limits by it. */
export const CLIENT_IP_HEADER = 'x-kayoi-client-ip';

export interface CreateAuthOptions {
  db: Db;
  config: Pick<Config, 'authSecret' | 'baseUrl' | 'trustedOrigins' | 'signInRateLimit'>;
  logger?: Logger | undefined;
}

/**
 * better-auth over the Drizzle schema: e-mail + password only (no self sign-up: staff are
 * created by the seed or by admins), HttpOnly cookies (Secure on https base URLs), database
 * rate limiting shared by every app instance, and the organization plugin (organization =
 * tenant). A new session gets the user's only tenant as its active organization.
 *
 * @example
 * const auth = createAuth({ db: database.db, config });
 * const session = await auth.api.getSession({ headers });
 */
export function createAuth({ db, config, logger }: CreateAuthOptions) {
  return betterAuth({
    appName: 'Kayoi',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: [...config.trustedOrigins],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user, session, account, verification, rateLimit, organization, member, invitation },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: config.signInRateLimit } },
    },
    advanced: {
      cookiePrefix: 'kayoi',
      useSecureCookies: config.baseUrl.startsWith('https://'),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (newSession) => {
            const memberships = await db
              .select({ organizationId: member.organizationId })
              .from(member)
              .where(and(eq(member.userId, newSession.userId), isNull(member.deactivatedAt)))
              .limit(2);
            // A person deactivated in their company gets no session (sign-in answers `deactivated`).
            if (memberships.length === 0) {
              const [any] = await db
                .select({ id: member.id })
                .from(member)
                .where(eq(member.userId, newSession.userId))
                .limit(1);
              if (any) return false;
            }
            if (newSession.activeOrganizationId) return { data: newSession };
            const only = memberships.length === 1 ? memberships[0]!.organizationId : null;
            return { data: { ...newSession, activeOrganizationId: only } };
          },
        },
      },
    },
    plugins: [
      organizationPlugin({
        allowUserToCreateOrganization: false,
        creatorRole: 'admin',
      }),
    ],
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        const target = logger ?? console;
        const fn = level === 'error' ? target.error : level === 'warn' ? target.warn : target.info;
        // Its arguments can be database errors quoting a query's parameters: log their gist only.
        const safe = args.map((a) => (a instanceof Error ? errorForLog(a) : String(a).slice(0, 300)));
        fn.call(target, { args: safe }, `better-auth: ${message.slice(0, 300)}`);
      },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
