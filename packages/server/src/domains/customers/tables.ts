import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/db/schema/auth.ts';
import { areas, createdAt, staffProfiles, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { customerRanks, customerStatuses, geoPrecisions, honorifics } from './customer-values.ts';

export type TimeWindow = { start: string; end: string };

export const customers = pgTable(
  'customers',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull().default(''),
    honorific: text('honorific', { enum: honorifics }).notNull().default('onchu'),
    postalCode: text('postal_code').notNull().default(''),
    address: text('address').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** How lat/lng were reached (customer-values.ts geoPrecisions); manual is never overwritten by a geocode of the same address. */
    geoPrecision: text('geo_precision', { enum: geoPrecisions }).notNull().default('none'),
    /** When the address was last geocoded (found or not); null = never, or the geocoder failed. */
    geocodedAt: timestamp('geocoded_at', { withTimezone: true }),
    phone: text('phone').notNull().default(''),
    repId: text('rep_id'),
    areaId: text('area_id'),
    rank: text('rank', { enum: customerRanks }).notNull().default('B'),
    status: text('status', { enum: customerStatuses }).notNull().default('active'),
    cadenceDays: integer('cadence_days').notNull().default(28),
    cadenceToleranceDays: integer('cadence_tolerance_days').notNull().default(3),
    /** 0 = Sunday … 6 = Saturday; empty = any working day. */
    preferredWeekdays: smallint('preferred_weekdays').array().notNull().default(sql`'{}'::smallint[]`),
    /** Opening hours in local time, e.g. [{start:'09:00',end:'12:00'},{start:'13:00',end:'17:30'}]. */
    timeWindows: jsonb('time_windows').$type<TimeWindow[]>().notNull().default([]),
    visitDurationMinutes: integer('visit_duration_minutes').notNull().default(30),
    /** 好み・人柄 */
    preferences: text('preferences').notNull().default(''),
    /** 注意点 */
    cautions: text('cautions').notNull().default(''),
    notes: text('notes').notNull().default(''),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true }),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer('version').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('customers_code_uq').on(t.tenantId, t.code),
    foreignKey({
      name: 'customers_rep_fk',
      columns: [t.tenantId, t.repId],
      foreignColumns: [staffProfiles.tenantId, staffProfiles.userId],
    }),
    foreignKey({
      name: 'customers_area_fk',
      columns: [t.tenantId, t.areaId],
      foreignColumns: [areas.tenantId, areas.id],
    }),
    index('customers_rep_idx').on(t.tenantId, t.repId),
    index('customers_kana_idx').on(t.tenantId, t.nameKana),
    index('customers_last_order_idx').on(t.tenantId, t.lastOrderAt),
    // Keyset pages of the customer book (src/domains/customers/customer-query.ts): one index per
    // sort, so a page reads ~limit rows instead of sorting the whole tenant.
    index('customers_sort_name_idx').on(t.tenantId, t.nameKana, t.name, t.id),
    index('customers_sort_rank_idx').on(t.tenantId, t.rank, t.nameKana, t.name, t.id),
    index('customers_sort_last_order_idx').on(
      t.tenantId,
      sql`coalesce(${t.lastOrderAt}, '-infinity'::timestamptz)`,
      t.id,
    ),
    check('customers_cadence_ck', sql`${t.cadenceDays} between 1 and 365 and ${t.cadenceToleranceDays} >= 0`),
    check('customers_duration_ck', sql`${t.visitDurationMinutes} between 1 and 600`),
    // The planner's "no position" list (?position=missing) reads few rows of a large book.
    index('customers_no_position_idx')
      .on(t.tenantId)
      .where(sql`${t.lat} is null or ${t.lng} is null or ${t.geoPrecision} = 'city'`),
  ],
);

/**
 * The customer book's settings per tenant (a missing row = the defaults): how new customer
 * codes look (prefix + zero-padded number, C00213 by default) and the month the fiscal year
 * starts (the カルテ's 今年度 figures; April by default).
 */
export const customerSettings = pgTable(
  'customer_settings',
  {
    tenantId: tenantId().primaryKey(),
    codePrefix: text('code_prefix').notNull().default('C'),
    codeDigits: smallint('code_digits').notNull().default(5),
    fiscalYearStartMonth: smallint('fiscal_year_start_month').notNull().default(4),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'customer_settings_code_ck',
      sql`${t.codePrefix} ~ '^[A-Za-z0-9-]{0,8}$' and ${t.codeDigits} between 3 and 10`,
    ),
    check('customer_settings_fiscal_ck', sql`${t.fiscalYearStartMonth} between 1 and 12`),
  ],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull().default(''),
    title: text('title').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    isPrimary: boolean('is_primary').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'customer_contacts_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
    index('customer_contacts_customer_idx').on(t.tenantId, t.customerId),
  ],
);

export const customerImportStatuses = ['previewed', 'committed'] as const;

/** One refused cell of an uploaded CSV, in both UI languages. */
export interface StoredImportError {
  /** 1-based data row (the header is row 0). */
  row: number;
  /** The Japanese column header, e.g. 電話番号. */
  column: string;
  message: { ja: string; en: string };
}

/**
 * A previewed customer CSV import, kept server-side so the commit needs no second upload and
 * works on any app instance. Only its creator can commit it (RLS on created_by too), once,
 * before expires_at.
 */
export const customerImports = pgTable(
  'customer_imports',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    status: text('status', { enum: customerImportStatuses }).notNull().default('previewed'),
    /** The encoding the file was read in: 'utf8' | 'sjis'. */
    encoding: text('encoding').notNull(),
    fileName: text('file_name').notNull().default(''),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    errors: jsonb('errors').$type<StoredImportError[]>().notNull().default([]),
    /** The validated rows, ready to upsert (shape owned by src/domains/customers). */
    rows: jsonb('rows').$type<Record<string, unknown>[]>().notNull().default([]),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('customer_imports_expires_idx').on(t.tenantId, t.expiresAt),
  ],
);
