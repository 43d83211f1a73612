import { sql } from 'drizzle-orm';
import { type Actor, APP_DB_ROLE } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';

/**
 * Switches a transaction that began on the app's login (writing better-auth's tables: user,
 * account, member, invitation, session) to `kayoi_app` in the actor's tenant, for the tenant
 * tables and the audit trail that follow. There is no way back: write the auth tables first.
 */
export async function enterTenant(tx: Tx, actor: Actor): Promise<void> {
  await tx.execute(sql`select
    set_config('role', ${APP_DB_ROLE}, true),
    set_config('app.tenant_id', ${actor.tenantId}, true),
    set_config('app.user_id', ${actor.userId}, true),
    set_config('app.role', ${actor.role}, true),
    set_config('app.team_id', ${actor.teamId ?? ''}, true)`);
}
