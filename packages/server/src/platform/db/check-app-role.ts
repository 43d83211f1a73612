import { sql } from 'drizzle-orm';
import { ConfigError } from '../config.ts';
import type { Db, Tx } from './database.ts';
import { queryRows } from './query-rows.ts';

/** What the app's database login may do beyond what row-level security allows. */
export interface AppRoleReport {
  /** The login (`current_user` outside any transaction). */
  readonly user: string;
  readonly superuser: boolean;
  readonly bypassRls: boolean;
  /** Relations in schema public the login owns, or owns through a role it can switch to. */
  readonly ownedRelations: readonly string[];
}

/**
 * Reads the current login's attributes and what it owns in schema public.
 *
 * @example
 * const report = await inspectAppRole(database.db);
 */
export async function inspectAppRole(db: Db | Tx): Promise<AppRoleReport> {
  const [row] = await queryRows<{
    user: string;
    superuser: boolean;
    bypass_rls: boolean;
    owned: string[] | null;
  }>(
    db,
    sql`select current_user as "user", r.rolsuper as superuser, r.rolbypassrls as bypass_rls,
          array(select c.relname::text from pg_class c
                where c.relnamespace = 'public'::regnamespace
                  and pg_has_role(current_user, c.relowner, 'MEMBER')
                order by c.relname) as owned
        from pg_roles r where r.rolname = current_user`,
  );
  if (!row) throw new Error('the current database user has no pg_roles row');
  return {
    user: row.user,
    superuser: row.superuser,
    bypassRls: row.bypass_rls,
    ownedRelations: row.owned ?? [],
  };
}

/** Why the login could escape row-level security (with `reset role`), or null when it cannot. */
export function describeAppRoleProblem(report: AppRoleReport): string | null {
  const reasons: string[] = [];
  if (report.superuser) reasons.push('is a superuser');
  else if (report.bypassRls) reasons.push('has BYPASSRLS');
  if (!report.superuser && report.ownedRelations.length > 0) {
    const shown = report.ownedRelations.slice(0, 5).join(', ');
    const more = report.ownedRelations.length > 5 ? ` and ${report.ownedRelations.length - 5} more` : '';
    reasons.push(`owns ${shown}${more} in schema public`);
  }
  if (reasons.length === 0) return null;
  return [
    `The app's database login (DATABASE_URL, role "${report.user}") ${reasons.join(' and ')}: a query that`,
    'resets its role would not be bound by row-level security. As the database owner, create a login',
    'that is only a member of kayoi_runtime:',
    `  CREATE ROLE kayoi LOGIN PASSWORD '…' IN ROLE kayoi_runtime;`,
    'then set DATABASE_URL=postgres://kayoi:…@host/db and DATABASE_ADMIN_URL to the owner',
    '(migrations and the demo seed run through it).',
  ].join('\n');
}

export interface CheckAppRoleOptions {
  /** Refuse (throw ConfigError) instead of warning: NODE_ENV=production. */
  production: boolean;
  warn: (message: string) => void;
}

/**
 * Run after migrating, on the app's handle: in production a login that is a superuser, bypasses
 * RLS or owns tables stops the start with a ConfigError saying how to create the right one;
 * elsewhere it is a warning. PGlite is single-user (always a superuser): do not call it there.
 *
 * @example
 * if (database.driver === 'pg') await checkAppRole(database.db, { production, warn: (m) => logger.warn(m) });
 */
export async function checkAppRole(db: Db, options: CheckAppRoleOptions): Promise<AppRoleReport> {
  const report = await inspectAppRole(db);
  const problem = describeAppRoleProblem(report);
  if (problem && options.production) throw new ConfigError(problem);
  if (problem) options.warn(`${problem}\n(Continuing: NODE_ENV is not production.)`);
  return report;
}
