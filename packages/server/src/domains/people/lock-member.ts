import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { member } from '../../platform/db/schema/index.ts';
import { peopleError } from './people-errors.ts';

/** A person's membership in the tenant, locked for the rest of the transaction; 404 when none. */
export async function lockMember(tx: Tx, tenantId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(member)
    .where(and(eq(member.organizationId, tenantId), eq(member.userId, userId)))
    .for('update');
  if (!row) throw peopleError('person_not_found');
  return row;
}

/**
 * 409 `last_admin` when `userId` is the company's only active admin (the other admins' rows are
 * locked, so two admins cannot demote each other at once).
 */
export async function ensureAnotherActiveAdmin(tx: Tx, tenantId: string, userId: string) {
  const others = await tx
    .select({ id: member.id })
    .from(member)
    .where(
      and(
        eq(member.organizationId, tenantId),
        eq(member.role, 'admin'),
        isNull(member.deactivatedAt),
        ne(member.userId, userId),
      ),
    )
    .for('update');
  if (others.length === 0) throw peopleError('last_admin');
}

/** The membership's next version. */
export const nextVersion = sql`${member.version} + 1`;
