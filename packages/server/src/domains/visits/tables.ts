import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { skipReasons, visitOutcomes } from './visit-values.ts';

/**
 * A visit a rep made at a customer (the field app's record; the plan's intent is
 * `planned_visits`). Created by the check-in with the phone's own UUID, ended by the check-out,
 * and carries the visit log (outcome … next visit wish) once saved.
 *
 * For readers elsewhere (briefing, the manager's field view, complaints):
 * - `rep_id` is who visited; row-level security lets a rep read their own visits, a manager
 *   their team's reps', an admin all (kayoi_rep_in_role_scope).
 * - `date` is the check-in's civil day in Asia/Tokyo; `check_in_at`/`check_out_at` are instants.
 * - `outcome` null = no log saved yet; otherwise met 面談 / absent 不在 / revisit 再訪.
 * - `needs` (要望) and `complaint_heard` (不満) are the rep's words, '' when nothing was heard.
 * - `distance_m` is the check-in position's distance to the customer's; `far_from_customer`
 *   is true when it exceeded 500 m beyond the fix's accuracy (flagged, never refused).
 * - A visit is "done" (it counts as the customer's visit) when `check_out_at` is set.
 */
export const visits = pgTable(
  'visits',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    repId: text('rep_id').notNull(),
    /** The planned stop this visit was made at; null for an unplanned visit. */
    plannedVisitId: text('planned_visit_id'),
    date: date('date', { mode: 'string' }).notNull(),
    checkInAt: timestamp('check_in_at', { withTimezone: true }).notNull(),
    checkInLat: doublePrecision('check_in_lat'),
    checkInLng: doublePrecision('check_in_lng'),
    checkInAccuracy: doublePrecision('check_in_accuracy'),
    distanceM: integer('distance_m'),
    farFromCustomer: boolean('far_from_customer').notNull().default(false),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    checkOutLat: doublePrecision('check_out_lat'),
    checkOutLng: doublePrecision('check_out_lng'),
    outcome: text('outcome', { enum: visitOutcomes }),
    notes: text('notes').notNull().default(''),
    /** 要望 heard at the visit. */
    needs: text('needs').notNull().default(''),
    /** 不満 heard at the visit (the complaints domain may open a complaint from it). */
    complaintHeard: text('complaint_heard').notNull().default(''),
    satisfaction: smallint('satisfaction'),
    nextVisitDate: date('next_visit_date', { mode: 'string' }),
    nextVisitNote: text('next_visit_note').notNull().default(''),
    templateId: text('template_id'),
    loggedAt: timestamp('logged_at', { withTimezone: true }),
    loggedBy: text('logged_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('visits_rep_day_idx').on(t.tenantId, t.repId, t.date),
    // INCLUDE (check_out_at, rep_id, date) since migration 0049: a customer's last visit, index only.
    index('visits_customer_idx').on(t.tenantId, t.customerId, t.checkInAt),
    uniqueIndex('visits_planned_visit_uq')
      .on(t.tenantId, t.plannedVisitId)
      .where(sql`${t.plannedVisitId} is not null`),
    check('visits_satisfaction_ck', sql`${t.satisfaction} is null or ${t.satisfaction} between 1 and 5`),
    check(
      'visits_text_ck',
      sql`char_length(${t.notes}) <= 4000 and char_length(${t.needs}) <= 2000 and char_length(${t.complaintHeard}) <= 2000 and char_length(${t.nextVisitNote}) <= 500`,
    ),
    check('visits_check_out_ck', sql`${t.checkOutAt} is null or ${t.checkOutAt} >= ${t.checkInAt}`),
  ],
);

/**
 * A planned stop the rep skipped, and why. The planned visit itself becomes `skipped` (not
 * done: the customer's last visit stays as it was, so the next plan offers them again).
 */
export const visitSkips = pgTable(
  'visit_skips',
  {
    tenantId: tenantId(),
    plannedVisitId: text('planned_visit_id').notNull(),
    customerId: text('customer_id').notNull(),
    repId: text('rep_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    reasonCode: text('reason_code', { enum: skipReasons }).notNull(),
    note: text('note').notNull().default(''),
    skippedAt: timestamp('skipped_at', { withTimezone: true }).notNull().defaultNow(),
    skippedBy: text('skipped_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.plannedVisitId] }),
    index('visit_skips_rep_day_idx').on(t.tenantId, t.repId, t.date),
    check('visit_skips_note_ck', sql`char_length(${t.note}) <= 500`),
  ],
);

/**
 * Visit log templates of a tenant (定期訪問・異常なし, 不在, 補充受付 …): a template pre-fills the
 * outcome, satisfaction and notes. A tenant without rows gets the built-in defaults.
 */
export const visitTemplates = pgTable(
  'visit_templates',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    outcome: text('outcome', { enum: visitOutcomes }).notNull(),
    satisfaction: smallint('satisfaction'),
    notes: text('notes').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check(
      'visit_templates_ck',
      sql`char_length(${t.name}) between 1 and 50 and char_length(${t.notes}) <= 4000 and (${t.satisfaction} is null or ${t.satisfaction} between 1 and 5)`,
    ),
  ],
);
