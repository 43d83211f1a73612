import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, staffProfiles, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { customers } from '../customers/tables.ts';
import {
  complaintCategories,
  complaintHistoryTypes,
  complaintKinds,
  complaintSeverities,
  complaintSources,
  complaintStatuses,
} from './complaint-values.ts';

/**
 * A complaint or inquiry (不満・問い合わせ) of a customer: who handles it (owner), its status and a
 * due date from its severity. Visible as its customer is (RLS: the customers policy, via EXISTS).
 */
export const complaints = pgTable(
  'complaints',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    source: text('source', { enum: complaintSources }).notNull(),
    /** The visit it was heard at (the visits domain's id; no FK: that table is another domain's). */
    visitId: text('visit_id'),
    kind: text('kind', { enum: complaintKinds }).notNull(),
    category: text('category', { enum: complaintCategories }).notNull(),
    severity: text('severity', { enum: complaintSeverities }).notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    status: text('status', { enum: complaintStatuses }).notNull().default('open'),
    ownerId: text('owner_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** Civil date (Asia/Tokyo): severity's working days after the received (or reopened) day. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'complaints_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    foreignKey({
      name: 'complaints_owner_fk',
      columns: [t.tenantId, t.ownerId],
      foreignColumns: [staffProfiles.tenantId, staffProfiles.userId],
    }),
    // A customer's complaints newest first (briefing, timeline) and the tenant's list (keyset).
    index('complaints_customer_idx').on(t.tenantId, t.customerId, t.receivedAt),
    index('complaints_received_idx').on(t.tenantId, t.receivedAt, t.id),
    // The overdue ones (field view, escalation): few rows of the still-open ones.
    index('complaints_open_due_idx')
      .on(t.tenantId, t.dueDate)
      .where(sql`${t.status} in ('open', 'in_progress')`),
    index('complaints_owner_idx').on(t.tenantId, t.ownerId),
    check(
      'complaints_text_ck',
      sql`char_length(${t.title}) between 1 and 200 and char_length(${t.detail}) <= 4000`,
    ),
  ],
);

/** Every action on a complaint, append-only (kayoi_app may insert and read, never change). */
export const complaintActions = pgTable(
  'complaint_actions',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    complaintId: text('complaint_id').notNull(),
    type: text('type', { enum: complaintHistoryTypes }).notNull(),
    note: text('note').notNull().default(''),
    fromStatus: text('from_status', { enum: complaintStatuses }),
    toStatus: text('to_status', { enum: complaintStatuses }).notNull(),
    ownerId: text('owner_id'),
    actorId: text('actor_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'complaint_actions_complaint_fk',
      columns: [t.tenantId, t.complaintId],
      foreignColumns: [complaints.tenantId, complaints.id],
    }),
    index('complaint_actions_complaint_idx').on(t.tenantId, t.complaintId, t.createdAt),
    check('complaint_actions_note_ck', sql`char_length(${t.note}) <= 2000`),
  ],
);
