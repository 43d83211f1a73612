import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { DocumentIssuer } from '../documents/quote-document.ts';
import {
  type CompanyProfile,
  type CompanyProfileWithSeal,
  loadCompanyProfile,
  loadSeal,
} from './company-profile-view.ts';

/**
 * The company profile of the actor's tenant with its seal image, in the caller's transaction:
 * what the quotes domain reads for defaults (rounding, validity, payment terms) and documents.
 * Any signed-in role may read it. A tenant that never saved one gets its tenant settings and
 * the defaults (切捨て, 西暦, 30 days).
 *
 * @example
 * const profile = await getCompanyProfile(tx, actor);
 * const pdf = await renderQuotePdf(doc, toDocumentIssuer(profile));
 */
export async function getCompanyProfile(tx: Tx, actor: Actor): Promise<CompanyProfileWithSeal> {
  const profile = await loadCompanyProfile(tx, actor);
  const seal = profile.seal ? await loadSeal(tx, actor) : null;
  return { ...profile, sealData: seal?.data ?? null };
}

/** The issuer block of a document, from a company profile. */
export function toDocumentIssuer(profile: CompanyProfileWithSeal): DocumentIssuer {
  return {
    legalName: profile.legalName,
    postalCode: profile.postalCode,
    address: profile.address,
    phone: profile.phone,
    contactName: profile.contactName,
    registrationNumber: profile.registrationNumber,
    seal:
      profile.seal && profile.sealData ? { data: profile.sealData, mimeType: profile.seal.mimeType } : null,
    dateStyle: profile.dateStyle,
  };
}

/** The company profile of the caller's tenant as the API shows it (any signed-in role). */
export function readCompanyProfile({ db, actor }: { db: Db; actor: Actor }): Promise<CompanyProfile> {
  return withTenant(db, actor, (tx) => loadCompanyProfile(tx, actor));
}
