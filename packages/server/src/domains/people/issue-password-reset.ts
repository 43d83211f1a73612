import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { organization, user, verification } from '../../platform/db/schema/index.ts';
import type { MailSettings } from './invite-person.ts';
import { lockMember } from './lock-member.ts';
import type { PasswordResetLinkView } from './people-schemas.ts';
import { newToken, PASSWORD_RESET_TTL_MS, passwordResetLink, resetIdentifier } from './people-tokens.ts';
import { sendAccountMail } from './send-account-mail.ts';
import { enterTenant } from './tenant-session.ts';

export interface IssuePasswordResetOptions {
  db: Db;
  /** The admin asking, or (the operator command) the person themself. */
  actor: Actor;
  userId: string;
  mail: MailSettings;
}

/**
 * A one-time password-reset link for a person of the company, valid 1 hour: its token's hash is
 * kept in better-auth's `verification` table. With SMTP it is mailed to the person, otherwise
 * returned for the admin to pass on. 404 for someone outside the company.
 */
export async function issuePasswordReset({
  db,
  actor,
  userId,
  mail,
}: IssuePasswordResetOptions): Promise<PasswordResetLinkView> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
  const { email, companyName } = await db.transaction(async (tx) => {
    await lockMember(tx, actor.tenantId, userId);
    const [person] = await tx.select({ email: user.email }).from(user).where(eq(user.id, userId));
    const [company] = await tx
      .select({ name: organization.name })
      .from(organization)
      .where(eq(organization.id, actor.tenantId));
    await tx.insert(verification).values({
      id: crypto.randomUUID(),
      identifier: resetIdentifier(token),
      value: JSON.stringify({ userId, tenantId: actor.tenantId }),
      expiresAt,
    });
    await enterTenant(tx, actor);
    await recordAudit(tx, actor, [
      {
        table: 'member',
        recordId: userId,
        action: 'status_change',
        before: { passwordReset: null },
        after: { passwordReset: 'issued' },
      },
    ]);
    return { email: person?.email ?? '', companyName: company?.name ?? '' };
  });
  const link = passwordResetLink(mail.publicUrl, token);
  if (!mail.smtpUrl) return { link, mailed: false, expiresAt: expiresAt.toISOString() };
  await sendAccountMail({
    smtpUrl: mail.smtpUrl,
    from: mail.from,
    to: email,
    locale: mail.locale,
    kind: 'password_reset',
    companyName,
    link,
  });
  return { link: null, mailed: true, expiresAt: expiresAt.toISOString() };
}
