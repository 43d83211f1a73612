import { hashPassword } from 'better-auth/crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  account,
  invitation,
  type KayoiRole,
  member,
  staffProfiles,
  teams,
  user,
} from '../../platform/db/schema/index.ts';
import { isUniqueViolation, peopleError, USER_EMAIL_UNIQUE } from './people-errors.ts';
import { hashToken } from './people-tokens.ts';
import { enterTenant } from './tenant-session.ts';

export interface AcceptInvitationOptions {
  db: Db;
  token: string;
  input: { password: string; name?: string | undefined };
}

/**
 * Accepts an invitation (public: the token is the key, usable once): marks it accepted, creates
 * the user with the password, their membership with the invited role and their staff profile in
 * the invited team (none when the team is gone), audited in the new person's name. Returns the
 * e-mail to sign in with. 404 `invitation_invalid` for an unknown, used or expired token;
 * 409 `email_in_use` when the address got an account meanwhile.
 */
export async function acceptInvitation({ db, token, input }: AcceptInvitationOptions) {
  const passwordHash = await hashPassword(input.password);
  const accepted = db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitation)
      .set({ status: 'accepted', acceptedAt: new Date() })
      .where(
        and(
          eq(invitation.tokenHash, hashToken(token)),
          eq(invitation.status, 'pending'),
          gt(invitation.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!claimed) throw peopleError('invitation_invalid');
    const email = claimed.email;
    const [taken] = await tx
      .select({ id: user.id })
      .from(user)
      .where(eq(sql`lower(${user.email})`, email))
      .limit(1);
    if (taken) throw peopleError('email_in_use');
    const name = input.name?.trim() || claimed.name || email;
    const role = (claimed.role ?? 'rep') as KayoiRole;
    const userId = crypto.randomUUID();
    await tx.insert(user).values({ id: userId, name, email, emailVerified: true });
    await tx.insert(account).values({
      id: crypto.randomUUID(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: passwordHash,
    });
    await tx.insert(member).values({
      id: crypto.randomUUID(),
      organizationId: claimed.organizationId,
      userId,
      role,
    });
    const tenantId = claimed.organizationId;
    const provisional: Actor = { tenantId, userId, role, teamId: null };
    await enterTenant(tx, provisional);
    const [team] = claimed.teamId
      ? await tx
          .select({ id: teams.id })
          .from(teams)
          .where(and(eq(teams.tenantId, tenantId), eq(teams.id, claimed.teamId)))
      : [];
    const teamId = team?.id ?? null;
    await tx.insert(staffProfiles).values({ tenantId, userId, teamId, displayName: name });
    await recordAudit(tx, { ...provisional, teamId }, [
      {
        table: 'member',
        recordId: userId,
        action: 'create',
        before: null,
        after: { name, email, role, teamId },
        context: { invitationId: claimed.id },
      },
    ]);
    return { email, userId, tenantId };
  });
  // The address got an account meanwhile (a concurrent acceptance or sign-up): 409, not a 500.
  return accepted.catch((error: unknown) => {
    throw isUniqueViolation(error, USER_EMAIL_UNIQUE) ? peopleError('email_in_use') : error;
  });
}
