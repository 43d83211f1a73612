import type { z } from '@hono/zod-openapi';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { customers } from '../customers/tables.ts';
import type { FormView as FormViewSchema } from './form-schemas.ts';
import { formAttachments, forms } from './tables.ts';

export type FormView = z.output<typeof FormViewSchema>;

export const FORMS_TABLE = 'forms';

/**
 * Forms matching `where` (the tenant's; RLS narrows them to the caller's customers), newest
 * collected first, with the customer, the collecting rep's name and the attachment's metadata
 * (never its bytes).
 */
export async function selectForms(tx: Tx, actor: Actor, where: SQL | undefined, limit?: number) {
  const query = tx
    .select({
      form: forms,
      customerCode: customers.code,
      customerName: customers.name,
      repName: staffProfiles.displayName,
      attachmentType: formAttachments.contentType,
      attachmentSize: formAttachments.size,
      attachmentSha256: formAttachments.sha256,
      attachmentName: formAttachments.fileName,
      attachmentAt: formAttachments.uploadedAt,
    })
    .from(forms)
    .innerJoin(customers, and(eq(customers.tenantId, forms.tenantId), eq(customers.id, forms.customerId)))
    .leftJoin(
      staffProfiles,
      and(eq(staffProfiles.tenantId, forms.tenantId), eq(staffProfiles.userId, forms.repId)),
    )
    .leftJoin(
      formAttachments,
      and(eq(formAttachments.tenantId, forms.tenantId), eq(formAttachments.formId, forms.id)),
    )
    .where(and(eq(forms.tenantId, actor.tenantId), where))
    .orderBy(desc(forms.collectedOn), desc(forms.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map(
    (r): FormView => ({
      id: r.form.id,
      customerId: r.form.customerId,
      customerCode: r.customerCode,
      customerName: r.customerName,
      kind: r.form.kind,
      repId: r.form.repId,
      repName: r.repName,
      collectedOn: r.form.collectedOn,
      visitId: r.form.visitId,
      note: r.form.note,
      voidedAt: r.form.voidedAt?.toISOString() ?? null,
      voidReason: r.form.voidReason,
      attachment:
        r.attachmentType === null
          ? null
          : {
              contentType: r.attachmentType,
              size: r.attachmentSize as number,
              sha256: r.attachmentSha256 as string,
              fileName: r.attachmentName as string,
              uploadedAt: (r.attachmentAt as Date).toISOString(),
            },
      version: r.form.version,
      createdBy: r.form.createdBy,
      createdAt: r.form.createdAt.toISOString(),
      updatedBy: r.form.updatedBy,
      updatedAt: r.form.updatedAt.toISOString(),
    }),
  );
}

/** One form as the API shows it, or null when the caller cannot see it. */
export async function loadForm(tx: Tx, actor: Actor, id: string): Promise<FormView | null> {
  return (await selectForms(tx, actor, eq(forms.id, id), 1))[0] ?? null;
}

/** What the audit trail keeps of a form (the fields a person changes). */
export const auditedForm = (f: {
  customerId: string;
  kind: string;
  repId: string;
  collectedOn: string;
  visitId: string | null;
  note: string;
  voidReason?: string | null;
}) => ({
  customerId: f.customerId,
  kind: f.kind,
  repId: f.repId,
  collectedOn: f.collectedOn,
  visitId: f.visitId,
  note: f.note,
  voidReason: f.voidReason ?? null,
});
