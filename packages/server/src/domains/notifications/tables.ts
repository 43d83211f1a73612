import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from '../../platform/db/schema/tenancy.ts';
import { notificationKinds } from './notification-values.ts';

/**
 * One in-app notification for one person (the shell's badge and /notifications). Written by
 * other domains through `notify`; read and marked read only by its recipient (RLS).
 * `dedupe_key` makes an event notify once however often it is seen (e.g. one promise overdue).
 */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    recipientId: text('recipient_id').notNull(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Where the notification leads in the app, e.g. /handovers/<batch id>. */
    link: text('link').notNull().default(''),
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The badge and the list: unread first, newest first, of one person.
    index('notifications_recipient_idx').on(t.tenantId, t.recipientId, t.readAt, t.createdAt),
    uniqueIndex('notifications_dedupe_uq')
      .on(t.tenantId, t.recipientId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    check('notifications_link_ck', sql`char_length(${t.link}) <= 500`),
  ],
);
