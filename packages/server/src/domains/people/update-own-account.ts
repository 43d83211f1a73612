import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { member, staffProfiles, user } from '../../platform/db/schema/index.ts';
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
