import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import {
  attachmentTooLarge,
  attachmentTypeRefused,
  formAttachmentNotFound,
  formFieldText,
  formNotFound,
  formVoided,
} from './form-errors.ts';
import { type FormAttachmentType, formLimits, MAX_FORM_ATTACHMENT_BYTES } from './form-values.ts';
import { FORMS_TABLE, type FormView, loadForm } from './form-view.ts';
import { formAttachments } from './tables.ts';

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
/** HEIF brands of a HEIC photo (iPhone: heic; burst and sequences: heix, hevc, hevx, heim, heis). */
const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'];

/**
 * The attachment's type by its first bytes (never its name or the type the browser claims):
 * JPEG, PNG, WebP (RIFF…WEBP), HEIC (an ISO box `ftyp` with a HEIC brand, major or compatible),
 * PDF (`%PDF-`). Anything else is null.
 *
 * @example
 * sniffFormAttachment(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])); // 'application/pdf'
 */
export function sniffFormAttachment(bytes: Uint8Array): FormAttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, ascii('ftyp'), 4) && bytes.length >= 16) {
    const boxSize = Math.min(
      ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0),
      bytes.length,
      256,
    );
    const brandAt = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
    const brands = [brandAt(8)];
    for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(brandAt(at));
    if (brands.some((b) => HEIC_BRANDS.includes(b))) return 'image/heic';
  }
  return null;
}

const extensionOf: Record<FormAttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/** The file's own name without any path or control characters, bounded; a made-up one otherwise. */
function cleanFileName(name: string | undefined, formId: string, type: FormAttachmentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const limited = Array.from(cleaned).slice(0, formLimits.fileName).join('');
  return limited === '' ? `form-${formId.slice(0, 8)}.${extensionOf[type]}` : limited;
}

export interface UploadFormAttachmentOptions {
  db: Db;
  actor: Actor;
  id: string;
  file: { bytes: Uint8Array; name?: string } | null;
}

/**
 * Stores the photo or PDF of a form's paper (replacing an earlier one): type by magic bytes
 * (422 naming `file` otherwise), at most 8 MB (413 naming `file`), with its size and SHA-256.
 * Nothing is stored when refused. Audited (type, size and hash, never the bytes).
 */
export async function uploadFormAttachment({
  db,
  actor,
  id,
  file,
}: UploadFormAttachmentOptions): Promise<FormView> {
  if (!file || file.bytes.length === 0) throw validationFailed({ file: formFieldText.fileMissing });
  if (file.bytes.length > MAX_FORM_ATTACHMENT_BYTES) throw attachmentTooLarge(file.bytes.length);
  const contentType = sniffFormAttachment(file.bytes);
  if (!contentType) throw attachmentTypeRefused();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return withTenant(db, actor, async (tx) => {
    const before = await loadForm(tx, actor, id);
    if (!before) throw formNotFound();
    if (before.voidedAt !== null) throw formVoided();
    const values = {
      data: file.bytes,
      contentType,
      size: file.bytes.length,
      sha256,
      fileName: cleanFileName(file.name, id, contentType),
      uploadedBy: actor.userId,
      uploadedAt: new Date(),
    };
    await tx
      .insert(formAttachments)
      .values({ tenantId: actor.tenantId, formId: id, ...values })
      .onConflictDoUpdate({ target: [formAttachments.tenantId, formAttachments.formId], set: values });
    const after = (await loadForm(tx, actor, id)) as FormView;
    const described = (f: FormView) =>
      f.attachment
        ? {
            attachment: `${f.attachment.contentType} ${f.attachment.size} bytes sha256 ${f.attachment.sha256}`,
          }
        : { attachment: null };
    await recordAudit(tx, actor, [
      {
        table: FORMS_TABLE,
        recordId: id,
        action: 'update',
        before: described(before),
        after: described(after),
        subject: { table: 'customers', id: after.customerId },
        context: { part: 'attachment' },
      },
    ]);
    return after;
  });
}

/** The stored photo or PDF of a form the caller may see (404 when the form or file is not there). */
export async function getFormAttachment({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  return withTenant(db, actor, async (tx) => {
    const form = await loadForm(tx, actor, id);
    if (!form) throw formNotFound();
    const [file] = await tx
      .select({
        data: formAttachments.data,
        contentType: formAttachments.contentType,
        fileName: formAttachments.fileName,
        sha256: formAttachments.sha256,
      })
      .from(formAttachments)
      .where(and(eq(formAttachments.tenantId, actor.tenantId), eq(formAttachments.formId, id)));
    if (!file) throw formAttachmentNotFound();
    return file;
  });
}

/** `inline; filename="…"; filename*=UTF-8''…` (ASCII fallback, the real name per RFC 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
