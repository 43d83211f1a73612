import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
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
