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
import { createdAt, staffProfiles, tenantId } from '../../platform/db/schema/tenancy.ts';
import { customers } from '../customers/tables.ts';

/**
 * One handover (引き継ぎ): a batch of customers moved to one receiving rep in one commit. The new
 * rep is notified once per batch. Visible to the receiving rep's scope and to whoever made it.
 */
export const handovers = pgTable(
  'handovers',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    toRepId: text('to_rep_id').notNull(),
    customerCount: integer('customer_count').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'handovers_to_rep_fk',
      columns: [t.tenantId, t.toRepId],
      foreignColumns: [staffProfiles.tenantId, staffProfiles.userId],
    }),
    index('handovers_to_rep_idx').on(t.tenantId, t.toRepId, t.createdAt),
  ],
);

/**
 * The handover sheet of one moved customer for its new rep: the outgoing rep's note and the
 * suggested introduction visit together; the rest (briefing, history, open promises, complaints,
 * quotes, cautions) is read live from the customer's records when the sheet is shown.
 */
export const handoverSheets = pgTable(
  'handover_sheets',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    handoverId: text('handover_id').notNull(),
    customerId: text('customer_id').notNull(),
    fromRepId: text('from_rep_id'),
    toRepId: text('to_rep_id').notNull(),
    note: text('note').notNull().default(''),
    /** A day both reps work (Asia/Tokyo) to visit the customer together; null when none was found. */
    introDate: date('intro_date', { mode: 'string' }),
    followupsMoved: integer('followups_moved').notNull().default(0),
    /** Open complaints of the outgoing rep that moved to the new rep with the customer. */
    complaintsMoved: integer('complaints_moved').notNull().default(0),
    /** The introduction visit once accepted (the planning domain's appointment; no FK). */
    introAppointmentId: text('intro_appointment_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'handover_sheets_handover_fk',
      columns: [t.tenantId, t.handoverId],
      foreignColumns: [handovers.tenantId, handovers.id],
    }),
    foreignKey({
      name: 'handover_sheets_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    index('handover_sheets_handover_idx').on(t.tenantId, t.handoverId),
    index('handover_sheets_to_rep_idx').on(t.tenantId, t.toRepId, t.createdAt),
    index('handover_sheets_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
    check('handover_sheets_note_ck', sql`char_length(${t.note}) <= 2000`),
  ],
);

/**
 * Who had the customer when: one row each time a customer's rep changed through a handover
 * (from → to, by whom, when). Append-only; visible as its customer is.
 */
export const customerAssignments = pgTable(
  'customer_assignments',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    fromRepId: text('from_rep_id'),
    toRepId: text('to_rep_id').notNull(),
    handoverId: text('handover_id'),
    assignedBy: text('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'customer_assignments_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    index('customer_assignments_customer_idx').on(t.tenantId, t.customerId, t.assignedAt),
  ],
);
