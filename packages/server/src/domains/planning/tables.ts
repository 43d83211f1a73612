import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';

/**
 * Days the whole company is closed besides national holidays (お盆, 年末年始, 創立記念日 …):
 * nobody is planned on them. One row per date, in the tenant's zone.
 */
export const tenantClosedDays = pgTable(
  'tenant_closed_days',
  {
    tenantId: tenantId(),
    date: date('date', { mode: 'string' }).notNull(),
    label: text('label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.date] }),
    check('tenant_closed_days_label_ck', sql`char_length(${t.label}) between 1 and 100`),
  ],
);

/**
 * The planner's settings of a tenant; a tenant without a row plans with the defaults. Travel
 * without OSRM (and for the pairs OSRM cannot route) is the straight line × `detour_factor` at
 * `average_speed_kmh`.
 */
export const planningSettings = pgTable(
  'planning_settings',
  {
    tenantId: tenantId().primaryKey(),
    detourFactor: doublePrecision('detour_factor').notNull().default(1.3),
    averageSpeedKmh: doublePrecision('average_speed_kmh').notNull().default(25),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('planning_settings_detour_ck', sql`${t.detourFactor} between 1 and 3`),
    check('planning_settings_speed_ck', sql`${t.averageSpeedKmh} > 0 and ${t.averageSpeedKmh} <= 120`),
  ],
);

export const planStatuses = ['queued', 'running', 'ready', 'failed', 'cancelled'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** What a finished plan amounts to (the solver's summary, in the API's words). */
export interface PlanSummary {
  travelSeconds: number;
  visits: number;
  unplanned: number;
  /** Visits of the previous plan of the same scope that changed day or rep. */
  movedVisits: number;
}

/**
 * One optimisation of a scope (a team, or the whole company when `team_id` is null) over a
 * horizon: queued, then computed by the `planning.optimize` job into planned visits.
 */
export const plans = pgTable(
  'plans',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    teamId: text('team_id'),
    /** Limits the plan to the customers of one area (the organization domain's areas); null = all. */
    areaId: text('area_id'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    days: integer('days').notNull(),
    status: text('status', { enum: planStatuses }).notNull().default('queued'),
    jobId: text('job_id'),
    createdBy: text('created_by').notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    summary: jsonb('summary').$type<PlanSummary>(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('plans_scope_idx').on(t.tenantId, t.teamId, t.createdAt),
    check('plans_days_ck', sql`${t.days} between 1 and 28`),
  ],
);

export const plannedVisitStatuses = ['planned', 'done', 'skipped'] as const;

/**
 * A visit of a plan: customer, rep, day, order and times (timestamptz of the Asia/Tokyo day).
 * `pinned` keeps it through a refresh; `fixed` is an agreed appointment.
 */
export const plannedVisits = pgTable(
  'planned_visits',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    planId: text('plan_id').notNull(),
    customerId: text('customer_id').notNull(),
    repId: text('rep_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    seq: integer('seq').notNull(),
    plannedArrival: timestamp('planned_arrival', { withTimezone: true }).notNull(),
    plannedStart: timestamp('planned_start', { withTimezone: true }).notNull(),
    plannedDeparture: timestamp('planned_departure', { withTimezone: true }).notNull(),
    travelSecondsBefore: integer('travel_seconds_before').notNull().default(0),
    status: text('status', { enum: plannedVisitStatuses }).notNull().default('planned'),
    pinned: boolean('pinned').notNull().default(false),
    fixed: boolean('fixed').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'planned_visits_plan_fk',
      columns: [t.tenantId, t.planId],
      foreignColumns: [plans.tenantId, plans.id],
    }).onDelete('cascade'),
    index('planned_visits_plan_idx').on(t.tenantId, t.planId, t.repId, t.date, t.seq),
    index('planned_visits_customer_idx').on(t.tenantId, t.customerId, t.date),
  ],
);

/** Why a customer due in the horizon got no visit in a plan. */
export const planUnplanned = pgTable(
  'plan_unplanned',
  {
    tenantId: tenantId(),
    planId: text('plan_id').notNull(),
    customerId: text('customer_id').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.customerId] }),
    foreignKey({
      name: 'plan_unplanned_plan_fk',
      columns: [t.tenantId, t.planId],
      foreignColumns: [plans.tenantId, plans.id],
    }).onDelete('cascade'),
  ],
);

/**
 * One rep's day of a plan as the solver left it (and as a move or an appointment re-sequenced
 * it): driving time including the way back, when the route leaves and returns, and the lunch
 * break it placed. Written with the plan's visits; one row per rep and working date.
 */
export const planDays = pgTable(
  'plan_days',
  {
    tenantId: tenantId(),
    planId: text('plan_id').notNull(),
    repId: text('rep_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    visitCount: integer('visit_count').notNull().default(0),
    travelSeconds: integer('travel_seconds').notNull().default(0),
    firstStart: timestamp('first_start', { withTimezone: true }),
    lastEnd: timestamp('last_end', { withTimezone: true }),
    lunchStart: timestamp('lunch_start', { withTimezone: true }),
    lunchEnd: timestamp('lunch_end', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.repId, t.date] }),
    foreignKey({
      name: 'plan_days_plan_fk',
      columns: [t.tenantId, t.planId],
      foreignColumns: [plans.tenantId, plans.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A user's private calendar feed: only the SHA-256 of the token in the URL is stored. One per
 * tenant and user; a reset replaces it (the old URL then answers 404).
 */
export const calendarTokens = pgTable(
  'calendar_tokens',
  {
    tenantId: tenantId(),
    userId: text('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    uniqueIndex('calendar_tokens_hash_uq').on(t.tokenHash),
    check('calendar_tokens_hash_ck', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * An agreed appointment (アポイント) booked outside the planner, e.g. a handover's introduction
 * visit: a rep sees a customer on a day in a time window, maybe with a companion (the outgoing
 * rep). A ready plan covering that day gets it as a fixed visit at once (`plannedVisitId`); a
 * plan built over that day later pins it at its start.
 */
export const appointments = pgTable(
  'appointments',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    repId: text('rep_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** Minutes after local (Asia/Tokyo) midnight. */
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    note: text('note').notNull().default(''),
    /** Who comes along (a user of the tenant), e.g. the outgoing rep of a handover. */
    companionId: text('companion_id'),
    planId: text('plan_id'),
    plannedVisitId: text('planned_visit_id'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('appointments_rep_date_idx').on(t.tenantId, t.repId, t.date),
    check(
      'appointments_window_ck',
      sql`${t.startMinute} >= 0 and ${t.startMinute} < ${t.endMinute} and ${t.endMinute} <= 1440`,
    ),
    check('appointments_note_ck', sql`char_length(${t.note}) <= 200`),
  ],
);
