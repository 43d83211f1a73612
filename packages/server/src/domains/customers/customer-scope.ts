import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { customers } from './tables.ts';

/**
 * The customers an actor may see and edit, as a WHERE condition (tenant included): a rep their
 * own, a manager those whose rep is in their team, an admin the whole tenant. RLS enforces the
 * same rule underneath; this keeps the query plans honest and the app correct on its own.
 */
export function customerScope(actor: Actor): SQL {
  const inTenant = eq(customers.tenantId, actor.tenantId);
  switch (actor.role) {
    case 'admin':
      return inTenant;
    case 'rep':
      return and(inTenant, eq(customers.repId, actor.userId)) as SQL;
    case 'manager':
      if (!actor.teamId) return sql`false`;
      return and(
        inTenant,
        sql`${customers.repId} in (select ${staffProfiles.userId} from ${staffProfiles}
          where ${staffProfiles.tenantId} = ${actor.tenantId} and ${staffProfiles.teamId} = ${actor.teamId})`,
      ) as SQL;
  }
}
