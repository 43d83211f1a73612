import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor, Locale } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invitation, organization, teams, user } from '../../platform/db/schema/index.ts';
import { invitationView } from './list-people.ts';
import { emailTaken, teamNotFound } from './people-errors.ts';
import type { InviteInput, InviteResultView } from './people-schemas.ts';
import { hashToken, INVITATION_TTL_MS, invitationLink, newToken } from './people-tokens.ts';
import { sendAccountMail } from './send-account-mail.ts';
import { enterTenant } from './tenant-session.ts';

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
  /** The app's public URL the links point at. */
  publicUrl: string;
  locale: Locale;
}

export interface InvitePersonOptions {
  db: Db;
  actor: Actor;
  input: InviteInput;
  mail: MailSettings;
}

/**
 * Invites someone by e-mail with a role and a team: a pending `invitation` (better-auth's table)
 * holding the hash of a one-time token valid 7 days; an earlier open invitation of the same
 * address in the company is cancelled. With SMTP the link is mailed, otherwise returned for the
 * admin to pass on. 422 on `email` when the address already has an account (users are global),
 * on `teamId` when the company has no such team.
 */
export async function invitePerson({
  db,
  actor,
  input,
  mail,
}: InvitePersonOptions): Promise<InviteResultView> {
  const email = input.email.trim().toLowerCase();
  const teamId = input.teamId ?? null;
  const token = newToken();
  const row = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: user.id })
      .from(user)
      .where(eq(sql`lower(${user.email})`, email))
      .limit(1);
    if (taken) throw emailTaken();
    await tx
      .update(invitation)
      .set({ status: 'canceled' })
      .where(
        and(
          eq(invitation.organizationId, actor.tenantId),
          eq(invitation.email, email),
          eq(invitation.status, 'pending'),
        ),
      );
    const [created] = await tx
      .insert(invitation)
      .values({
        id: crypto.randomUUID(),
        organizationId: actor.tenantId,
        email,
        name: input.name,
        role: input.role,
        teamId,
        status: 'pending',
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        inviterId: actor.userId,
        tokenHash: hashToken(token),
      })
      .returning();
    await enterTenant(tx, actor);
    if (teamId) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.tenantId, actor.tenantId), eq(teams.id, teamId), isNull(teams.retiredAt)));
      if (!team) throw teamNotFound();
    }
    await recordAudit(tx, actor, [
      {
        table: 'invitation',
        recordId: created!.id,
        action: 'create',
        before: null,
        after: { email, name: input.name, role: input.role, teamId },
      },
    ]);
    return created!;
  });
  const link = invitationLink(mail.publicUrl, token);
  if (!mail.smtpUrl) return { invitation: invitationView(row), link, mailed: false };
  const [company] = await db
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, actor.tenantId));
  await sendAccountMail({
    smtpUrl: mail.smtpUrl,
    from: mail.from,
    to: email,
    locale: mail.locale,
    kind: 'invitation',
    companyName: company?.name ?? '',
    link,
  });
  return { invitation: invitationView(row), link: null, mailed: true };
}
