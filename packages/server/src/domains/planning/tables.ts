import { sql } from 'drizzle-orm';
import { check, date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from '../../platform/db/schema/tenancy.ts';

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
