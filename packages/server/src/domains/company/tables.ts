import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { dateStyles, entityTypes, roundingModes, sealMimeTypes } from './company-values.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The tenant's identity on its documents (見積書, 注文請書) and the rules they are computed by:
 * one row per tenant, edited by admins with optimistic concurrency. The seal image lives here
 * too (at most 1 MB, PNG or JPEG), read only when a document or the seal itself is asked for.
 */
export const companyProfiles = pgTable(
  'company_profiles',
  {
    tenantId: tenantId().primaryKey(),
    legalName: text('legal_name').notNull(),
    postalCode: text('postal_code'),
    address: text('address'),
    phone: text('phone'),
    contactName: text('contact_name'),
    /** 適格請求書発行事業者登録番号, normalised: T + 13 digits. */
    registrationNumber: text('registration_number'),
    entityType: text('entity_type', { enum: entityTypes }).notNull().default('corporation'),
    sealData: bytea('seal_data'),
    sealMimeType: text('seal_mime_type', { enum: sealMimeTypes }),
    sealSize: integer('seal_size'),
    sealUpdatedAt: timestamp('seal_updated_at', { withTimezone: true }),
    rounding: text('rounding', { enum: roundingModes }).notNull().default('floor'),
    dateStyle: text('date_style', { enum: dateStyles }).notNull().default('western'),
    quoteValidityDays: integer('quote_validity_days').notNull().default(30),
    paymentTerms: text('payment_terms').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('company_profiles_registration_ck', sql`${t.registrationNumber} ~ '^T[0-9]{13}$'`),
    check('company_profiles_entity_ck', sql`${t.entityType} in ('corporation', 'sole_proprietor')`),
    check('company_profiles_rounding_ck', sql`${t.rounding} in ('floor', 'ceil', 'half_up')`),
    check('company_profiles_date_style_ck', sql`${t.dateStyle} in ('western', 'japanese')`),
    check('company_profiles_validity_ck', sql`${t.quoteValidityDays} between 1 and 365`),
    check(
      'company_profiles_seal_ck',
      sql`(${t.sealData} is null and ${t.sealMimeType} is null and ${t.sealSize} is null) or
          (${t.sealData} is not null and ${t.sealMimeType} in ('image/png', 'image/jpeg')
           and ${t.sealSize} = octet_length(${t.sealData}) and ${t.sealSize} <= 1048576)`,
    ),
  ],
);
