import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from './auth.ts';

export const auditActions = ['create', 'update', 'archive', 'status_change', 'delete', 'commit'] as const;
export type AuditAction = (typeof auditActions)[number];

/** What one field was and became: `before` is absent on create, `after` on delete. */
export interface AuditFieldChange {
  before?: unknown;
  after?: unknown;
}

/**
 * The audit trail: one row per changed record, written in the same transaction as the change
 * (src/platform/audit). Append-only: the application role may insert and read rows but has no
 * UPDATE or DELETE grant and no policy that would allow either (migration 0008).
 * `subject_*` names the record whose history the row belongs to (a contact's rows belong to
 * its customer), so a カルテ's history is one index range.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text('actor_user_id').notNull(),
    actorRole: text('actor_role').notNull(),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    subjectTable: text('subject_table').notNull(),
    subjectId: text('subject_id').notNull(),
    action: text('action', { enum: auditActions }).notNull(),
    changes: jsonb('changes').$type<Record<string, AuditFieldChange>>().notNull(),
    /** Why the change happened when the request says more than the action: e.g. { importId }. */
    context: jsonb('context').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_events_subject_idx').on(t.tenantId, t.subjectTable, t.subjectId, t.seq),
    check(
      'audit_events_action_ck',
      sql`${t.action} in ('create', 'update', 'archive', 'status_change', 'delete', 'commit')`,
    ),
  ],
);
