import type { z } from '@hono/zod-openapi';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SyncStatus } from './sync-schemas.ts';
import { syncHeartbeats } from './tables.ts';

export interface RecordHeartbeatOptions {
  db: Db;
  actor: Actor;
  pending: number;
  now?: Date;
}

/**
 * Records that the caller's phone synced now (its outbox drained as far as it could and the
 * day's data downloaded). Not audited: it is a status, replaced by the next one, not a record
 * anyone edits.
 */
export async function recordHeartbeat({
  db,
  actor,
  pending,
  now = new Date(),
}: RecordHeartbeatOptions): Promise<z.output<typeof SyncStatus>> {
  return withTenant(db, actor, async (tx) => {
    await tx
      .insert(syncHeartbeats)
      .values({ tenantId: actor.tenantId, userId: actor.userId, lastSyncedAt: now, pending })
      .onConflictDoUpdate({
        target: [syncHeartbeats.tenantId, syncHeartbeats.userId],
        set: { lastSyncedAt: now, pending, updatedAt: now },
      });
    return { userId: actor.userId, lastSyncedAt: now.toISOString(), pending };
  });
}
