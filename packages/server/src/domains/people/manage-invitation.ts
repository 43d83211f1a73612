import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { invitation, organization } from '../../platform/db/schema/index.ts';
import type { MailSettings } from './invite-person.ts';
import { invitationView } from './list-people.ts';
import { peopleError } from './people-errors.ts';
import type { InviteResultView } from './people-schemas.ts';
import { hashToken, INVITATION_TTL_MS, invitationLink, newToken } from './people-tokens.ts';
import { sendAccountMail } from './send-account-mail.ts';
import { enterTenant } from './tenant-session.ts';

export interface ManageInvitationOptions {
  db: Db;
  actor: Actor;
  invitationId: string;
}

/** The company's still-pending invitation, locked for the change; 404 for any other id. */
async function lockPending(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(invitation)
    .where(
      and(
        eq(invitation.id, id),
        eq(invitation.organizationId, actor.tenantId),
        eq(invitation.status, 'pending'),
      ),
    )
    .for('update');
  if (!row) throw peopleError('invitation_not_found');
  return row;
}

/**
 * Withdraws an invitation that has not been accepted: its link stops working at once (the
 * accept page then says the invitation is no longer valid). 404 when it was accepted, already
 * withdrawn or belongs to another company.
 */
export async function cancelInvitation({ db, actor, invitationId }: ManageInvitationOptions): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockPending(tx, actor, invitationId);
    await tx.update(invitation).set({ status: 'canceled' }).where(eq(invitation.id, row.id));
    await enterTenant(tx, actor);
    await recordAudit(tx, actor, [
      {
        table: 'invitation',
        recordId: row.id,
        action: 'update',
        before: { status: 'pending' },
        after: { status: 'canceled' },
      },
    ]);
  });
}

/**
 * Sends a pending (or expired) invitation again: a new one-time token valid 7 days from now
 * replaces the old one, whose link stops working. Mailed with SMTP, otherwise the new link is
 * returned for the admin to pass on.
 */
export async function resendInvitation({
  db,
  actor,
  invitationId,
  mail,
}: ManageInvitationOptions & { mail: MailSettings }): Promise<InviteResultView> {
  const token = newToken();
  const updated = await db.transaction(async (tx) => {
    const row = await lockPending(tx, actor, invitationId);
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const [changed] = await tx
      .update(invitation)
      .set({ tokenHash: hashToken(token), expiresAt })
      .where(eq(invitation.id, row.id))
      .returning();
    await enterTenant(tx, actor);
    await recordAudit(tx, actor, [
      {
        table: 'invitation',
        recordId: row.id,
        action: 'update',
        before: { expiresAt: row.expiresAt.toISOString() },
        after: { expiresAt: expiresAt.toISOString() },
      },
    ]);
    return changed!;
  });
  const link = invitationLink(mail.publicUrl, token);
  if (!mail.smtpUrl) return { invitation: invitationView(updated), link, mailed: false };
  const [company] = await db
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, actor.tenantId));
  await sendAccountMail({
    smtpUrl: mail.smtpUrl,
    from: mail.from,
    to: updated.email,
    locale: mail.locale,
    kind: 'invitation',
    companyName: company?.name ?? '',
    link,
  });
  return { invitation: invitationView(updated), link: null, mailed: true };
}
