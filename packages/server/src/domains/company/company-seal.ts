import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isEmbeddableImage } from '../documents/seal-image.ts';
import {
  companyForbidden,
  companyIssueText,
  companyValidationFailed,
  sealNotFound,
  sealTooLarge,
} from './company-errors.ts';
import {
  COMPANY_PROFILES_TABLE,
  type CompanyProfile,
  ensureCompanyProfile,
  loadCompanyProfile,
  loadSeal,
} from './company-profile-view.ts';
import { MAX_SEAL_BYTES, type SealMimeType } from './company-values.ts';
import { companyProfiles } from './tables.ts';

/** The image type by its first bytes (never by the file name or the type the browser claims). */
export function sealMimeTypeOf(bytes: Uint8Array): SealMimeType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > png.length && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

const sealAudit = (p: CompanyProfile) => ({
  seal: p.seal ? `${p.seal.mimeType} ${p.seal.size} bytes` : null,
});

/**
 * Stores the seal image (admins): PNG or JPEG by magic bytes (422 naming `file` otherwise, or
 * when the image does not decode), at most 1 MB (413 with the size). Replaces any earlier seal; audited; answers the profile.
 */
export async function uploadCompanySeal({
  db,
  actor,
  file,
}: {
  db: Db;
  actor: Actor;
  file: Uint8Array | null;
}): Promise<CompanyProfile> {
  if (actor.role !== 'admin') throw companyForbidden();
  if (!file || file.length === 0) throw companyValidationFailed({ file: companyIssueText('seal_missing') });
  if (file.length > MAX_SEAL_BYTES) throw sealTooLarge(file.length);
  const mimeType = sealMimeTypeOf(file);
  if (!mimeType) throw companyValidationFailed({ file: companyIssueText('seal_type') });
  if (!isEmbeddableImage(file, mimeType))
    throw companyValidationFailed({ file: companyIssueText('seal_unreadable') });
  return withTenant(db, actor, async (tx) => {
    const before = await ensureCompanyProfile(tx, actor);
    await tx
      .update(companyProfiles)
      .set({
        sealData: file,
        sealMimeType: mimeType,
        sealSize: file.length,
        sealUpdatedAt: new Date(),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(companyProfiles.tenantId, actor.tenantId));
    const after = await loadCompanyProfile(tx, actor);
    await recordAudit(tx, actor, [
      {
        table: COMPANY_PROFILES_TABLE,
        recordId: actor.tenantId,
        action: 'update',
        before: sealAudit(before),
        after: sealAudit(after),
      },
    ]);
    return after;
  });
}

/** Removes the seal image (admins); 404 when none is stored. Audited; answers the profile. */
export async function deleteCompanySeal({ db, actor }: { db: Db; actor: Actor }): Promise<CompanyProfile> {
  if (actor.role !== 'admin') throw companyForbidden();
  return withTenant(db, actor, async (tx) => {
    const before = await loadCompanyProfile(tx, actor);
    if (!before.seal) throw sealNotFound();
    await tx
      .update(companyProfiles)
      .set({
        sealData: null,
        sealMimeType: null,
        sealSize: null,
        sealUpdatedAt: null,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(companyProfiles.tenantId, actor.tenantId));
    const after = await loadCompanyProfile(tx, actor);
    await recordAudit(tx, actor, [
      {
        table: COMPANY_PROFILES_TABLE,
        recordId: actor.tenantId,
        action: 'update',
        before: sealAudit(before),
        after: sealAudit(after),
      },
    ]);
    return after;
  });
}

/** The seal image of the caller's tenant (any signed-in role: it is printed on every document). */
export async function getCompanySeal({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<{ data: Uint8Array; mimeType: SealMimeType }> {
  const seal = await withTenant(db, actor, (tx) => loadSeal(tx, actor));
  if (!seal) throw sealNotFound();
  return seal;
}
