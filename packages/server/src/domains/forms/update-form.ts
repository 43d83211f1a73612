import type { z } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import { todayIn } from '../planning/working-days.ts';
import { formDateInFuture, formNotFound, formVoided } from './form-errors.ts';
import type { UpdateFormBody, VoidFormBody } from './form-schemas.ts';
import { auditedForm, FORMS_TABLE, type FormView, loadForm } from './form-view.ts';
import { forms } from './tables.ts';

export interface UpdateFormOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: z.output<typeof UpdateFormBody>;
  today?: string;
}

/**
 * Changes a form's kind, collected day or note with the version read (409 `version_conflict`
 * with the server's copy when stale; 409 `form_voided` once voided). Audited.
 */
export async function updateForm({
  db,
  actor,
  id,
  input,
  today = todayIn(),
}: UpdateFormOptions): Promise<FormView> {
  if (input.collectedOn !== undefined && input.collectedOn > today) throw formDateInFuture();
  return withTenant(db, actor, async (tx) => {
    const before = await loadForm(tx, actor, id);
    if (!before) throw formNotFound();
    if (before.voidedAt !== null) throw formVoided();
    const set = {
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.collectedOn !== undefined && { collectedOn: input.collectedOn }),
      ...(input.note !== undefined && { note: input.note }),
      updatedBy: actor.userId,
    };
    await updateVersioned(tx, {
      table: forms,
      where: and(eq(forms.tenantId, actor.tenantId), eq(forms.id, id), isNull(forms.voidedAt)) as never,
      version: input.version,
      set,
      current: () => loadForm(tx, actor, id),
      notFound: formNotFound,
    });
    const after = (await loadForm(tx, actor, id)) as FormView;
    await recordAudit(tx, actor, [
      {
        table: FORMS_TABLE,
        recordId: id,
        action: 'update',
        before: auditedForm(before),
        after: auditedForm(after),
        subject: { table: 'customers', id: after.customerId },
      },
    ]);
    return after;
  });
}

export interface VoidFormOptions {
  db: Db;
  actor: Actor;
  id: string;
  input: z.output<typeof VoidFormBody>;
}

/**
 * Voids a form recorded by mistake: it stays (with its attachment, who voided it and why) and
 * counts no more. With the version read; 409 `form_voided` when it already is. Audited.
 */
export async function voidForm({ db, actor, id, input }: VoidFormOptions): Promise<FormView> {
  return withTenant(db, actor, async (tx) => {
    const before = await loadForm(tx, actor, id);
    if (!before) throw formNotFound();
    if (before.voidedAt !== null) throw formVoided();
    await updateVersioned(tx, {
      table: forms,
      where: and(eq(forms.tenantId, actor.tenantId), eq(forms.id, id), isNull(forms.voidedAt)) as never,
      version: input.version,
      set: {
        voidedAt: new Date(),
        voidedBy: actor.userId,
        voidReason: input.reason,
        updatedBy: actor.userId,
      },
      current: () => loadForm(tx, actor, id),
      notFound: formNotFound,
    });
    const after = (await loadForm(tx, actor, id)) as FormView;
    await recordAudit(tx, actor, [
      {
        table: FORMS_TABLE,
        recordId: id,
        action: 'update',
        before: auditedForm(before),
        after: auditedForm(after),
        subject: { table: 'customers', id: after.customerId },
        context: { part: 'void' },
      },
    ]);
    return after;
  });
}
