import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { createdAt, tenantId } from './tenancy.ts';

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
