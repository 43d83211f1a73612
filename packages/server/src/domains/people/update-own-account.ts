import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { account, member, staffProfiles, user } from '../../platform/db/schema/index.ts';
import { fieldError } from './people-errors.ts';
import { enterTenant } from './tenant-session.ts';

export interface UpdateOwnAccountOptions {
  db: Db;
  actor: Actor;
  input: { name?: string | undefined; language?: 'ja' | 'en' | undefined };
}

/** The caller's own name (user and staff profile) and UI language (their membership). Audited. */
export async function updateOwnAccount({ db, actor, input }: UpdateOwnAccountOptions) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: user.name, language: member.language })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(and(eq(member.organizationId, actor.tenantId), eq(member.userId, actor.userId)));
    const after = {
      name: input.name ?? before?.name ?? '',
      language: (input.language ?? before?.language ?? null) as 'ja' | 'en' | null,
    };
    if (input.name !== undefined)
      await tx.update(user).set({ name: input.name, updatedAt: new Date() }).where(eq(user.id, actor.userId));
    if (input.language !== undefined)
      await tx
        .update(member)
        .set({ language: input.language, updatedAt: new Date() })
        .where(and(eq(member.organizationId, actor.tenantId), eq(member.userId, actor.userId)));
    await enterTenant(tx, actor);
    if (input.name !== undefined)
      await tx
        .update(staffProfiles)
        .set({ displayName: input.name, updatedAt: new Date() })
        .where(and(eq(staffProfiles.tenantId, actor.tenantId), eq(staffProfiles.userId, actor.userId)));
    await recordAudit(tx, actor, [
      { table: 'member', recordId: actor.userId, action: 'update', before: before ?? null, after },
    ]);
    return after;
  });
}

export interface ChangeOwnPasswordOptions {
  db: Db;
  actor: Actor;
  input: { current: string; next: string };
}

/** The caller's own password, after checking the current one (422 on `current` when wrong). */
export async function changeOwnPassword({ db, actor, input }: ChangeOwnPasswordOptions) {
  const [credential] = await db
    .select({ id: account.id, password: account.password })
    .from(account)
    .where(and(eq(account.userId, actor.userId), eq(account.providerId, 'credential')));
  const ok =
    credential?.password != null &&
    (await verifyPassword({ hash: credential.password, password: input.current }));
  if (!ok || !credential)
    throw fieldError('current', {
      ja: '現在のパスワードが正しくありません。',
      en: 'The current password is not correct.',
    });
  const hash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx
      .update(account)
      .set({ password: hash, updatedAt: new Date() })
      .where(eq(account.id, credential.id));
    await enterTenant(tx, actor);
    await recordAudit(tx, actor, [
      {
        table: 'member',
        recordId: actor.userId,
        action: 'status_change',
        before: { password: 'old' },
        after: { password: 'changed' },
      },
    ]);
  });
  return { ok: true as const };
}
