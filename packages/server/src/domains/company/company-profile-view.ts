import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { tenantSettings } from '../../platform/db/schema/tenancy.ts';
import type { DateStyle, EntityType, RoundingMode, SealMimeType } from './company-values.ts';
import { DEFAULT_QUOTE_VALIDITY_DAYS } from './company-values.ts';
import { companyProfiles } from './tables.ts';

/** The company profile as the API shows it (the seal's bytes apart: GET /settings/company/seal). */
export interface CompanyProfile {
  legalName: string;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  contactName: string | null;
  registrationNumber: string | null;
  entityType: EntityType;
  rounding: RoundingMode;
  dateStyle: DateStyle;
  quoteValidityDays: number;
  paymentTerms: string;
  seal: { mimeType: SealMimeType; size: number; updatedAt: string } | null;
  version: number;
  updatedAt: string | null;
}

/** The profile with the seal image, for documents. */
export interface CompanyProfileWithSeal extends CompanyProfile {
  sealData: Uint8Array | null;
}

export const COMPANY_PROFILES_TABLE = 'company_profiles';

const viewColumns = {
  legalName: companyProfiles.legalName,
  postalCode: companyProfiles.postalCode,
  address: companyProfiles.address,
  phone: companyProfiles.phone,
  contactName: companyProfiles.contactName,
  registrationNumber: companyProfiles.registrationNumber,
  entityType: companyProfiles.entityType,
  rounding: companyProfiles.rounding,
  dateStyle: companyProfiles.dateStyle,
  quoteValidityDays: companyProfiles.quoteValidityDays,
  paymentTerms: companyProfiles.paymentTerms,
  sealMimeType: companyProfiles.sealMimeType,
  sealSize: companyProfiles.sealSize,
  sealUpdatedAt: companyProfiles.sealUpdatedAt,
  version: companyProfiles.version,
  updatedAt: companyProfiles.updatedAt,
};

const selectRow = (tx: Tx, actor: Actor) =>
  tx.select(viewColumns).from(companyProfiles).where(eq(companyProfiles.tenantId, actor.tenantId));
type Row = Awaited<ReturnType<typeof selectRow>>[number];

const toView = (row: Row): CompanyProfile => ({
  legalName: row.legalName,
  postalCode: row.postalCode,
  address: row.address,
  phone: row.phone,
  contactName: row.contactName,
  registrationNumber: row.registrationNumber,
  entityType: row.entityType,
  rounding: row.rounding,
  dateStyle: row.dateStyle,
  quoteValidityDays: row.quoteValidityDays,
  paymentTerms: row.paymentTerms,
  seal:
    row.sealMimeType && row.sealSize !== null && row.sealUpdatedAt
      ? { mimeType: row.sealMimeType, size: row.sealSize, updatedAt: row.sealUpdatedAt.toISOString() }
      : null,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * The profile a tenant starts from before anyone saved one: its tenant settings (name, address,
 * phone, registration number) and the defaults (切捨て, 西暦, 30 days).
 */
async function initialProfile(tx: Tx, actor: Actor): Promise<CompanyProfile> {
  const [s] = await tx
    .select({
      companyName: tenantSettings.companyName,
      postalCode: tenantSettings.postalCode,
      address: tenantSettings.address,
      phone: tenantSettings.phone,
      registrationNumber: tenantSettings.invoiceRegistrationNo,
    })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, actor.tenantId));
  return {
    legalName: s?.companyName ?? '',
    postalCode: s?.postalCode ?? null,
    address: s?.address ?? null,
    phone: s?.phone ?? null,
    contactName: null,
    registrationNumber:
      s?.registrationNumber && /^T[0-9]{13}$/.test(s.registrationNumber) ? s.registrationNumber : null,
    entityType: 'corporation',
    rounding: 'floor',
    dateStyle: 'western',
    quoteValidityDays: DEFAULT_QUOTE_VALIDITY_DAYS,
    paymentTerms: '',
    seal: null,
    version: 1,
    updatedAt: null,
  };
}

/** The stored profile of the actor's tenant, or the initial one when none is stored yet. */
export async function loadCompanyProfile(tx: Tx, actor: Actor): Promise<CompanyProfile> {
  const [row] = await selectRow(tx, actor);
  return row ? toView(row) : initialProfile(tx, actor);
}

/** Stores the initial profile when the tenant has none, so a versioned update finds its row. */
export async function ensureCompanyProfile(tx: Tx, actor: Actor): Promise<CompanyProfile> {
  const profile = await loadCompanyProfile(tx, actor);
  if (profile.updatedAt !== null) return profile;
  const { seal: _seal, version: _version, updatedAt: _updatedAt, ...fields } = profile;
  await tx
    .insert(companyProfiles)
    .values({ tenantId: actor.tenantId, ...fields })
    .onConflictDoNothing();
  return loadCompanyProfile(tx, actor);
}

/** The seal image of the actor's tenant, or null. */
export async function loadSeal(
  tx: Tx,
  actor: Actor,
): Promise<{ data: Uint8Array; mimeType: SealMimeType } | null> {
  const [row] = await tx
    .select({ data: companyProfiles.sealData, mimeType: companyProfiles.sealMimeType })
    .from(companyProfiles)
    .where(eq(companyProfiles.tenantId, actor.tenantId));
  return row?.data && row.mimeType ? { data: new Uint8Array(row.data), mimeType: row.mimeType } : null;
}
