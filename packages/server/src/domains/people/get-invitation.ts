import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { invitation, type KayoiRole, organization } from '../../platform/db/schema/index.ts';
import { peopleError } from './people-errors.ts';
import type { InvitationViewType } from './people-schemas.ts';
import { hashToken } from './people-tokens.ts';

export interface GetInvitationOptions {
  db: Db;
  token: string;
}

/**
 * What an invitation link shows before it is accepted (public: the token is the key): the
 * company, the address, the name and the role. 404 `invitation_invalid` for an unknown, used,
 * cancelled or expired token.
 */
export async function getInvitation({ db, token }: GetInvitationOptions): Promise<InvitationViewType> {
  const [row] = await db
    .select({
      companyName: organization.name,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .where(
      and(
        eq(invitation.tokenHash, hashToken(token)),
        eq(invitation.status, 'pending'),
        gt(invitation.expiresAt, new Date()),
      ),
    );
  if (!row) throw peopleError('invitation_invalid');
  return {
    companyName: row.companyName,
    email: row.email,
    name: row.name ?? '',
    role: (row.role ?? 'rep') as KayoiRole,
    expiresAt: row.expiresAt.toISOString(),
  };
}
