import { sql } from 'drizzle-orm';
import type { Db, Tx } from './db/database.ts';
import type { KayoiRole } from './db/schema/auth.ts';

export type Locale = 'ja' | 'en';

/** Who is calling: the tenant, the user and their role. Domain code never reads globals. */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly role: KayoiRole;
  /** The manager's (or rep's) team; null for staff outside any team. */
  readonly teamId: string | null;
}

/** The PostgreSQL role every tenant transaction runs as: not a superuser, so RLS applies. */
export const APP_DB_ROLE = 'kayoi_app';

/**
 * Runs `fn` in a transaction scoped to the actor: the session drops to the non-superuser
 * `kayoi_app` role and row-level security sees `app.tenant_id`, `app.user_id`, `app.role`
 * and `app.team_id`. Use cases check the actor's permissions themselves as well; RLS is the
 * second line.
 *
 * @example
 * const rows = await withTenant(db, actor, (tx) => tx.select().from(customers));
 */
export function withTenant<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${APP_DB_ROLE}, true),
      set_config('app.tenant_id', ${actor.tenantId}, true),
      set_config('app.user_id', ${actor.userId}, true),
      set_config('app.role', ${actor.role}, true),
      set_config('app.team_id', ${actor.teamId ?? ''}, true)`);
    return fn(tx);
  });
}
