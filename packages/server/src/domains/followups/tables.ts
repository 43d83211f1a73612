import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { followupOwners, followupStatuses } from './followup-values.ts';

/**
 * A promise (約束) as a task: made in a visit log (`visit_id`) or on its own. Open until someone
 * marks it done; overdue = open with `due_date` (Asia/Tokyo) before today.
 *
 * For readers elsewhere (briefing, the manager's view): `rep_id` is the customer's rep when it
 * was made (row-level security: a rep sees their own, a manager their team's, an admin all, and
 * everyone the followups assigned to them); `owner` says which side promised (us / customer);
 * `assignee_id` who of our side follows it up; `done_at`/`done_by` who kept it and when.
 */
export const followups = pgTable(
  'followups',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    repId: text('rep_id'),
    visitId: text('visit_id'),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    owner: text('owner', { enum: followupOwners }).notNull(),
    assigneeId: text('assignee_id'),
    status: text('status', { enum: followupStatuses }).notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: text('done_by'),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('followups_assignee_idx').on(t.tenantId, t.assigneeId, t.status, t.dueDate),
    index('followups_rep_idx').on(t.tenantId, t.repId, t.status, t.dueDate),
    index('followups_customer_idx').on(t.tenantId, t.customerId, t.status, t.dueDate),
    index('followups_visit_idx').on(t.tenantId, t.visitId),
    check('followups_title_ck', sql`char_length(${t.title}) between 1 and 200`),
    check(
      'followups_done_ck',
      sql`(${t.status} = 'done') = (${t.doneAt} is not null and ${t.doneBy} is not null)`,
    ),
  ],
);
