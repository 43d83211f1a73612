import { bigint, customType, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenantId } from '../../platform/db/schema/tenancy.ts';

/**
 * The dashboard's summary tables (docs/kpi.md, 性能). Each is kept exact by triggers on the
 * records it sums (migrations 0049 and 0050): every insert, update or delete of an order, visit,
 * 申込書 or planned stop, and every change of a customer's rep, updates it in the same
 * transaction. Nothing else writes them (the app role may only read). `rep_id` and `cur_rep_id` are '' where the record
 * has no rep, and '*' on the rows that sum every rep ({@link ALL_REPS}): the company's day in
 * kpi_order_days, kpi_form_days and kpi_visit_days, the customer over all its reps in
 * kpi_customer_won_days.
 *
 * Their row-level security is that of the records: orders and forms follow the customer's current
 * rep (`cur_rep_id`), visits and planned stops their own rep.
 */

/**
 * The rep_id of the summary rows over every rep. The day tables are keyed by rep first, so a
 * period of the company ('*'), of a rep or of a team's reps is an index range each.
 */
export const ALL_REPS = '*';

/** Orders per Tokyo day, by the order's rep and the customer's current rep: all, won and their amounts. */
export const kpiOrderDays = pgTable(
  'kpi_order_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    repId: text('rep_id').notNull(),
    curRepId: text('cur_rep_id').notNull(),
    /** Orders of any status (a cancelled one is still activity for "no data"). */
    orders: integer('orders').notNull(),
    won: integer('won').notNull(),
    /** Σ (subtotal_standard + subtotal_reduced) of the won orders, yen. */
    excl: bigint('excl', { mode: 'number' }).notNull(),
    /** Σ total of the won orders, yen. */
    incl: bigint('incl', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.repId, t.day, t.curRepId] })],
);

const dateMultirange = customType<{ data: string; driverData: string }>({
  dataType: () => 'datemultirange',
});

/**
 * Per customer and order rep: the Tokyo days with a won order, as a multirange (about 40 ranges
 * for three years of monthly orders), so that "ordered in [a, b)" is one binary search
 * (`won_days && daterange(a, b)`) for 継続率, リピート率 and 顧客稼働数. No row without a won day.
 */
export const kpiCustomerWonDays = pgTable(
  'kpi_customer_won_days',
  {
    tenantId: tenantId(),
    customerId: text('customer_id').notNull(),
    repId: text('rep_id').notNull(),
    curRepId: text('cur_rep_id').notNull(),
    wonDays: dateMultirange('won_days').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.repId] }),
    index('kpi_customer_won_days_cur_rep_idx').on(t.tenantId, t.curRepId),
    // A rep's or a team's customers (by the orders' rep), and the company's '*' rows.
    index('kpi_customer_won_days_rep_idx').on(t.tenantId, t.repId),
  ],
);

/** Visits per day and rep: all, done (checked out), satisfaction answers and their sum. */
export const kpiVisitDays = pgTable(
  'kpi_visit_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    repId: text('rep_id').notNull(),
    visits: integer('visits').notNull(),
    done: integer('done').notNull(),
    answers: integer('answers').notNull(),
    satisfactionSum: integer('satisfaction_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.repId, t.day] })],
);

/**
 * 申込書 collected per day, by the form's rep and the customer's current rep (forms follow their
 * customer's rep under row-level security, as orders do): the forms not voided.
 */
export const kpiFormDays = pgTable(
  'kpi_form_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    repId: text('rep_id').notNull(),
    curRepId: text('cur_rep_id').notNull(),
    forms: integer('forms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.repId, t.day, t.curRepId] })],
);

/** Planned stops per day, rep and plan: their count and Σ travel_seconds_before. */
export const kpiPlanDays = pgTable(
  'kpi_plan_days',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    repId: text('rep_id').notNull(),
    planId: text('plan_id').notNull(),
    stops: integer('stops').notNull(),
    travelSeconds: bigint('travel_seconds', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.repId, t.day, t.planId] })],
);
