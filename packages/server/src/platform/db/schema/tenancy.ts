import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';

/**
 * Tenant-owned tables: every one carries `tenant_id` (= organization.id), its primary and
 * unique keys start with it, and row-level security restricts it to `app.tenant_id`.
 */
export const tenantId = () =>
  text('tenant_id')
    .notNull()
    .references(() => organization.id, { onDelete: 'cascade' });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Per-tenant settings: the zone dates are read in, and the seller's identity for invoices. */
export const tenantSettings = pgTable('tenant_settings', {
  tenantId: tenantId().primaryKey(),
  timezone: text('timezone').notNull().default('Asia/Tokyo'),
  companyName: text('company_name').notNull(),
  /** 適格請求書発行事業者登録番号 (T + 13 digits). */
  invoiceRegistrationNo: text('invoice_registration_no'),
  postalCode: text('postal_code'),
  address: text('address'),
  phone: text('phone'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const teams = pgTable(
  'teams',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** The team's manager (a user of the tenant with the manager role; no FK: member is better-auth's). */
    managerUserId: text('manager_user_id'),
    /** A retired team keeps its history (plans, KPIs) but takes no new members. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('teams_name_uq').on(t.tenantId, t.name)],
);

/**
 * Which customers an area holds: addresses naming one of the municipalities (市区町村/区, matched
 * in the address text) or postal codes starting with one of the prefixes (digits only).
 */
export interface AreaDefinition {
  municipalities: string[];
  postcodePrefixes: string[];
}

/** Territories (e.g. 大阪市北区・中央区). */
export const areas = pgTable(
  'areas',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    definition: jsonb('definition')
      .$type<AreaDefinition>()
      .notNull()
      .default(sql`'{"municipalities":[],"postcodePrefixes":[]}'::jsonb`),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('areas_name_uq').on(t.tenantId, t.name)],
);

/**
 * A staff member's place in the tenant: team and working profile (where the day starts and
 * ends, working days and hours, lunch break). The role itself lives in `member.role`.
 */
export const staffProfiles = pgTable(
  'staff_profiles',
  {
    tenantId: tenantId(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    teamId: text('team_id'),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    startAddress: text('start_address'),
    startLat: doublePrecision('start_lat'),
    startLng: doublePrecision('start_lng'),
    endAddress: text('end_address'),
    endLat: doublePrecision('end_lat'),
    endLng: doublePrecision('end_lng'),
    /** ISO-less weekday numbers, 0 = Sunday … 6 = Saturday. */
    workingWeekdays: smallint('working_weekdays').array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
    /** Minutes after local midnight. */
    workStartMinute: integer('work_start_minute').notNull().default(540),
    workEndMinute: integer('work_end_minute').notNull().default(1080),
    lunchStartMinute: integer('lunch_start_minute').notNull().default(720),
    lunchEndMinute: integer('lunch_end_minute').notNull().default(780),
    lunchDurationMinutes: integer('lunch_duration_minutes').notNull().default(45),
    /** The most visits the planner gives the rep on one day; null = no limit beyond the hours. */
    maxVisitsPerDay: integer('max_visits_per_day'),
    /** Versions the working profile's edits (organization domain). */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    check('staff_hours_ck', sql`${t.workStartMinute} < ${t.workEndMinute}`),
    check('staff_max_visits_ck', sql`${t.maxVisitsPerDay} is null or ${t.maxVisitsPerDay} between 1 and 50`),
  ],
);
