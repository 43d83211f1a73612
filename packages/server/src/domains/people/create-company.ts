import { hashPassword } from 'better-auth/crypto';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  account,
  member,
  organization,
  staffProfiles,
  tenantSettings,
  user,
} from '../../platform/db/schema/index.ts';
import { emailTaken, isUniqueViolation, USER_EMAIL_UNIQUE } from './people-errors.ts';
import { enterTenant } from './tenant-session.ts';

export interface CreateCompanyOptions {
  /** The app's login (a request) or the owner's handle (the operator command). */
  db: Db;
  input: {
    companyName: string;
    adminName: string;
    email: string;
    /** Null: the admin sets it through a one-time link (the operator command). */
    password: string | null;
  };
}

export interface CreatedCompany {
  tenantId: string;
  userId: string;
  /** The first admin, as an Actor of the new tenant. */
  admin: Actor;
}

/**
 * A new company (tenant) and its first admin, in one transaction: the organization, the
 * admin's user, password and membership, then (as kayoi_app in the new tenant) its settings and
 * the admin's staff profile, audited in the admin's name. What else a tenant has (teams, areas,
 * planning settings, counters) is made when first needed. 422 on `email` when it is taken
 * (users are global).
 */
export async function createCompany({ db, input }: CreateCompanyOptions): Promise<CreatedCompany> {
  const email = input.email.trim().toLowerCase();
  const tenantId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const admin: Actor = { tenantId, userId, role: 'admin', teamId: null };
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const created = db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: user.id })
      .from(user)
      .where(eq(sql`lower(${user.email})`, email))
      .limit(1);
    if (taken) throw emailTaken();
    await tx.insert(organization).values({ id: tenantId, name: input.companyName, slug: tenantId });
    await tx.insert(user).values({ id: userId, name: input.adminName, email, emailVerified: false });
    await tx.insert(account).values({
      id: crypto.randomUUID(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: passwordHash,
    });
    const memberId = crypto.randomUUID();
    await tx.insert(member).values({ id: memberId, organizationId: tenantId, userId, role: 'admin' });

    await enterTenant(tx, admin);
    await tx.insert(tenantSettings).values({ tenantId, companyName: input.companyName });
    await tx.insert(staffProfiles).values({ tenantId, userId, displayName: input.adminName });
    await recordAudit(tx, admin, [
      {
        table: 'tenant_settings',
        recordId: tenantId,
        action: 'create',
        before: null,
        after: { companyName: input.companyName },
      },
      {
        table: 'member',
        recordId: userId,
        action: 'create',
        before: null,
        after: { name: input.adminName, email, role: 'admin' },
        context: { via: input.password === null ? 'operator' : 'signup' },
      },
    ]);
  });
  // Two sign-ups with one address at once: the second meets the unique e-mail, not a 500.
  await created.catch((error: unknown) => {
    throw isUniqueViolation(error, USER_EMAIL_UNIQUE) ? emailTaken() : error;
  });
  return { tenantId, userId, admin };
}
