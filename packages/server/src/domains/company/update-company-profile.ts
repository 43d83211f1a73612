import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { companyForbidden, companyIssueText, companyValidationFailed } from './company-errors.ts';
import {
  COMPANY_PROFILES_TABLE,
  type CompanyProfile,
  ensureCompanyProfile,
  loadCompanyProfile,
} from './company-profile-view.ts';
import type { DateStyle, EntityType, RoundingMode } from './company-values.ts';
import { MAX_QUOTE_VALIDITY_DAYS } from './company-values.ts';
import { normalizeRegistrationNumber, registrationNumberIssue } from './registration-number.ts';
import { companyProfiles } from './tables.ts';

export interface UpdateCompanyProfileInput {
  /** The version the caller read; a stale one gets 409 version_conflict and changes nothing. */
  version: number;
  legalName?: string | undefined;
  postalCode?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  contactName?: string | null | undefined;
  /** `T` + 13 digits; full-width, lower case, spaces and hyphens are accepted and normalised. */
  registrationNumber?: string | null | undefined;
  entityType?: EntityType | undefined;
  rounding?: RoundingMode | undefined;
  dateStyle?: DateStyle | undefined;
  quoteValidityDays?: number | undefined;
  paymentTerms?: string | undefined;
}

export interface UpdateCompanyProfileOptions {
  db: Db;
  actor: Actor;
  input: UpdateCompanyProfileInput;
}

type Editable = Omit<CompanyProfile, 'seal' | 'version' | 'updatedAt'>;

const LIMITS = { legalName: 200, address: 200, contactName: 100, paymentTerms: 500 } as const;

/** Blank text clears an optional field. */
const optionalText = (value: string | null | undefined) => {
  if (value === undefined) return undefined;
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Checks and normalises the fields of a patch merged onto the stored profile; errors by field. */
export function checkCompanyFields(
  stored: Editable,
  input: Omit<UpdateCompanyProfileInput, 'version'>,
): { value: Editable; errors: Record<string, LocalizedText> } {
  const errors: Record<string, LocalizedText> = {};
  const next: Editable = { ...stored };
  if (input.legalName !== undefined) next.legalName = input.legalName.trim();
  for (const key of ['postalCode', 'address', 'phone', 'contactName'] as const) {
    const v = optionalText(input[key]);
    if (v !== undefined) next[key] = v === null ? null : v.normalize('NFKC');
  }
  if (input.paymentTerms !== undefined) next.paymentTerms = input.paymentTerms.trim();
  if (input.entityType !== undefined) next.entityType = input.entityType;
  if (input.rounding !== undefined) next.rounding = input.rounding;
  if (input.dateStyle !== undefined) next.dateStyle = input.dateStyle;
  if (input.quoteValidityDays !== undefined) next.quoteValidityDays = input.quoteValidityDays;
  const registration = optionalText(input.registrationNumber);
  if (registration !== undefined)
    next.registrationNumber = registration === null ? null : normalizeRegistrationNumber(registration);

  if (next.legalName === '') errors.legalName = companyIssueText('required');
  for (const [key, max] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
    const v = next[key];
    if (v && [...v].length > max) errors[key] = companyIssueText('too_long', max);
  }
  if (next.postalCode !== null && !/^[0-9]{3}-?[0-9]{4}$/.test(next.postalCode))
    errors.postalCode = companyIssueText('postal_code_format');
  else if (next.postalCode !== null && !next.postalCode.includes('-'))
    next.postalCode = `${next.postalCode.slice(0, 3)}-${next.postalCode.slice(3)}`;
  if (next.phone !== null && !/^[0-9][0-9-]{4,19}$/.test(next.phone))
    errors.phone = companyIssueText('phone_format');
  if (
    !Number.isInteger(next.quoteValidityDays) ||
    next.quoteValidityDays < 1 ||
    next.quoteValidityDays > MAX_QUOTE_VALIDITY_DAYS
  )
    errors.quoteValidityDays = companyIssueText('validity_range');
  // The number is checked whenever it or the entity type changes (a corporation's must be a 法人番号).
  if (next.registrationNumber !== null && (registration !== undefined || input.entityType !== undefined)) {
    const issue = registrationNumberIssue(next.registrationNumber, next.entityType);
    if (issue)
      errors.registrationNumber = companyIssueText(
        issue === 'format' ? 'registration_format' : 'registration_check_digit',
      );
  }
  return { value: next, errors };
}

const editableOf = (p: CompanyProfile): Editable => {
  const { seal: _seal, version: _version, updatedAt: _updatedAt, ...fields } = p;
  return fields;
};

/**
 * Changes the company profile (admins), with optimistic concurrency and an audit row holding
 * each changed field's before and after. 422 naming each refused field (nothing stored): a
 * registration number that is not `T` + 13 digits, or for a corporation whose 法人番号 check
 * digit is wrong; 409 `version_conflict` with the server's copy when stale.
 */
export async function updateCompanyProfile({
  db,
  actor,
  input,
}: UpdateCompanyProfileOptions): Promise<CompanyProfile> {
  if (actor.role !== 'admin') throw companyForbidden();
  const { version, ...patch } = input;
  return withTenant(db, actor, async (tx) => {
    const current = await ensureCompanyProfile(tx, actor);
    const stored = editableOf(current);
    const checked = checkCompanyFields(stored, patch);
    if (Object.keys(checked.errors).length > 0) throw companyValidationFailed(checked.errors);
    await updateVersioned(tx, {
      table: companyProfiles,
      where: eq(companyProfiles.tenantId, actor.tenantId),
      version,
      set: checked.value,
      current: () => loadCompanyProfile(tx, actor),
      notFound: companyForbidden,
    });
    await recordAudit(tx, actor, [
      {
        table: COMPANY_PROFILES_TABLE,
        recordId: actor.tenantId,
        action: 'update',
        before: stored,
        after: checked.value,
      },
    ]);
    return loadCompanyProfile(tx, actor);
  });
}
