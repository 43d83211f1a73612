import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { account } from '../../platform/db/schema/index.ts';
import { fieldError } from './people-errors.ts';
import { enterTenant } from './tenant-session.ts';

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
