import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { customers } from '../customers/tables.ts';
import { formAttachmentTypes, formKinds } from './form-values.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * One 申込書 (application form) collected from a customer: its kind, who collected it and on which
 * civil day (Asia/Tokyo), optionally at which visit. A form recorded by mistake is voided (it stays,
 * with the reason, and counts no more), never deleted.
 *
 * For readers elsewhere (KPIs 申込書回収枚数, briefing, timeline): count rows with
 * `voided_at is null`, by `rep_id` and `collected_on`. Visible as its customer is (RLS: the
 * customers policy via EXISTS; admins all).
 */
export const forms = pgTable(
  'forms',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    kind: text('kind', { enum: formKinds }).notNull(),
    /** Who collected the paper. */
    repId: text('rep_id').notNull(),
    collectedOn: date('collected_on', { mode: 'string' }).notNull(),
    /** The visit it was collected at (the visits domain's id; no FK: that table is another domain's). */
    visitId: text('visit_id'),
    note: text('note').notNull().default(''),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: text('voided_by'),
    voidReason: text('void_reason'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'forms_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    // Counts per rep and period (KPIs, the list's per-rep figures) and a customer's forms (カルテ).
    index('forms_rep_day_idx').on(t.tenantId, t.repId, t.collectedOn),
    index('forms_collected_idx').on(t.tenantId, t.collectedOn, t.id),
    index('forms_customer_idx').on(t.tenantId, t.customerId, t.collectedOn),
    index('forms_visit_idx').on(t.tenantId, t.visitId).where(sql`${t.visitId} is not null`),
    check(
      'forms_text_ck',
      sql`char_length(${t.note}) <= 1000 and (${t.voidReason} is null or char_length(${t.voidReason}) between 1 and 500)`,
    ),
    check('forms_void_ck', sql`(${t.voidedAt} is null) = (${t.voidReason} is null)`),
  ],
);

/**
 * The photo or PDF of a form's paper (one per form; a new upload replaces it). The type is the one
 * its first bytes say, `sha256` is hex of the stored bytes. Read only when the file is asked for.
 */
export const formAttachments = pgTable(
  'form_attachments',
  {
    tenantId: tenantId(),
    formId: text('form_id').notNull(),
    data: bytea('data').notNull(),
    contentType: text('content_type', { enum: formAttachmentTypes }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.formId] }),
    foreignKey({
      name: 'form_attachments_form_fk',
      columns: [t.tenantId, t.formId],
      foreignColumns: [forms.tenantId, forms.id],
    }).onDelete('cascade'),
    check(
      'form_attachments_ck',
      sql`${t.size} between 1 and 10485760 and ${t.size} = octet_length(${t.data}) and char_length(${t.sha256}) = 64 and char_length(${t.fileName}) between 1 and 200`,
    ),
  ],
);
