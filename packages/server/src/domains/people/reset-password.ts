import { hashPassword } from 'better-auth/crypto';
import { and, eq, gt } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { account, session, user, verification } from '../../platform/db/schema/index.ts';
import { lockMember } from './lock-member.ts';
import { peopleError } from './people-errors.ts';
import { resetIdentifier } from './people-tokens.ts';
import { enterTenant } from './tenant-session.ts';

export interface ResetPasswordOptions {
  db: Db;
  token: string;
  password: string;
}

/**
 * Sets a new password through a one-time reset link (public: the token is the key; it is
 * deleted on use) and ends the person's other sessions. Returns the e-mail to sign in with.
 * 404 `reset_invalid` for an unknown, used or expired token, or a deactivated person.
 */
export async function resetPassword({ db, token, password }: ResetPasswordOptions) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .delete(verification)
      .where(and(eq(verification.identifier, resetIdentifier(token)), gt(verification.expiresAt, new Date())))
      .returning({ value: verification.value });
    if (!used) throw peopleError('reset_invalid');
    const { userId, tenantId } = JSON.parse(used.value) as { userId: string; tenantId: string };
    const membership = await lockMember(tx, tenantId, userId).catch(() => null);
    if (!membership || membership.deactivatedAt) throw peopleError('reset_invalid');
    const [person] = await tx.select({ email: user.email }).from(user).where(eq(user.id, userId));
    const updated = await tx
      .update(account)
      .set({ password: passwordHash, updatedAt: new Date() })
      .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')))
      .returning({ id: account.id });
    if (updated.length === 0)
      await tx.insert(account).values({
        id: crypto.randomUUID(),
        accountId: userId,
        providerId: 'credential',
        userId,
        password: passwordHash,
      });
    await tx.delete(session).where(eq(session.userId, userId));
    const actor: Actor = { tenantId, userId, role: membership.role as Actor['role'], teamId: null };
    await enterTenant(tx, actor);
    await recordAudit(tx, actor, [
      {
        table: 'member',
        recordId: userId,
        action: 'status_change',
        before: { passwordReset: 'issued' },
        after: { passwordReset: 'used' },
      },
    ]);
    return { email: person?.email ?? '' };
  });
}
