import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';

/**
 * When each person's phone last synced: one row per user, replaced by every heartbeat (the phone
 * sends one after its outbox drained and the day's data was downloaded). `pending` is how many
 * changes were still waiting on the phone then (failed or in conflict), so a manager sees a rep
 * whose phone holds unsent work. Row-level security: a rep their own, a manager their team's,
 * an admin all.
 */
export const syncHeartbeats = pgTable(
  'sync_heartbeats',
  {
    tenantId: tenantId(),
    userId: text('user_id').notNull(),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }).notNull(),
    pending: integer('pending').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    check('sync_heartbeats_pending_ck', sql`${t.pending} between 0 and 10000`),
  ],
);
