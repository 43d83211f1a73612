import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, staffProfiles, tenantId } from '../../platform/db/schema/tenancy.ts';

export const absenceKinds = ['vacation', 'training', 'other'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];

/**
 * A rep's days away (休暇 / 研修 / その他), a civil date range in the tenant's zone, both ends
 * inclusive. The planner gives the rep no visits on them (get-rep-working-days).
 */
export const repAbsences = pgTable(
  'rep_absences',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    userId: text('user_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: absenceKinds }).notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'rep_absences_profile_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [staffProfiles.tenantId, staffProfiles.userId],
    }).onDelete('cascade'),
    index('rep_absences_user_idx').on(t.tenantId, t.userId, t.startDate),
    check('rep_absences_range_ck', sql`${t.startDate} <= ${t.endDate}`),
    check('rep_absences_note_ck', sql`char_length(${t.note}) <= 500`),
  ],
);
