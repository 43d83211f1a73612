import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { insertForm } from './create-form.ts';
import { formFieldText, formIdTaken } from './form-errors.ts';
import { type FormKind, formKinds, formLimits } from './form-values.ts';
import { auditedForm, FORMS_TABLE } from './form-view.ts';
import { formAttachments, forms } from './tables.ts';

/**
 * One line of a visit log's 申込書: a kind code (or, from older clients, a free-text kind such as
 * 「定期便申込書」, read like the migration did), how many papers (without an id), an optional note,
 * and optionally the client-made id of the one form it stands for.
 */
export interface VisitFormEntry {
  id?: string | undefined;
  kind: string;
  count?: number | undefined;
  note?: string | undefined;
}

/** A free-text kind of an older client, by its words (解約, 更新, 変更/振替, 申込). */
export function kindOfText(text: string): FormKind {
  if ((formKinds as readonly string[]).includes(text)) return text as FormKind;
  if (text.includes('解約')) return 'cancellation';
  if (text.includes('更新')) return 'renewal';
  if (text.includes('変更') || text.includes('振替')) return 'contract_change';
  if (text.includes('申込')) return 'new_service';
  return 'other';
}

const normalise = (entry: VisitFormEntry) => {
  const kind = kindOfText(entry.kind.trim());
  const legacyText = (formKinds as readonly string[]).includes(entry.kind.trim()) ? '' : entry.kind.trim();
  return {
    id: entry.id,
    kind,
    note: (entry.note ?? legacyText).slice(0, formLimits.note),
    count: entry.id ? 1 : (entry.count ?? 1),
  };
};

/** Field errors of a visit log's forms before anything is written (`fieldOf(i, name)` names them). */
export function checkVisitFormEntries(
  entries: readonly VisitFormEntry[],
  fieldOf: (index: number, name: string) => string,
): Record<string, LocalizedText> {
  const errors: Record<string, LocalizedText> = {};
  const total = entries.reduce((sum, e) => sum + (e.id ? 1 : (e.count ?? 1)), 0);
  if (total > formLimits.perVisit)
    errors[fieldOf(entries.length - 1, 'count')] = formFieldText.tooMany(formLimits.perVisit);
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (e.id === undefined) return;
    if (seen.has(e.id))
      errors[fieldOf(i, 'id')] = { ja: '同じIDが2回あります。', en: 'The same id is given twice.' };
    seen.add(e.id);
  });
  return errors;
}

export interface SaveVisitFormsOptions {
  visit: { id: string; customerId: string; repId: string; date: string };
  entries: readonly VisitFormEntry[];
}

/**
 * The 申込書 of a visit log, as the log now lists them, in the caller's transaction (the visits
 * domain calls this when a log is saved). Saving the same log again changes nothing:
 * - a line with an id is that form (created on first sight, its kind and note updated after);
 * - a line without an id stands for `count` forms of its kind, matched first to the visit's
 *   live forms of that kind that no id names (oldest first), the rest created;
 * - a live form of the visit the log no longer lists is voided ("removed from the visit log"),
 *   never deleted, so a photo already uploaded for it stays with it.
 * Forms are the visit's customer's, collected by the visit's rep on the visit's day. Audited.
 * Returns the ids of the visit's live forms in the log's order.
 */
export async function saveVisitForms(
  tx: Tx,
  actor: Actor,
  { visit, entries }: SaveVisitFormsOptions,
): Promise<string[]> {
  const lines = entries.map(normalise);
  const existing = await tx
    .select({
      id: forms.id,
      kind: forms.kind,
      note: forms.note,
      visitId: forms.visitId,
      customerId: forms.customerId,
      repId: forms.repId,
      collectedOn: forms.collectedOn,
      voidedAt: forms.voidedAt,
      version: forms.version,
    })
    .from(forms)
    .where(and(eq(forms.tenantId, actor.tenantId), eq(forms.visitId, visit.id)))
    .orderBy(asc(forms.createdAt), asc(forms.id));
  const named = new Set(lines.flatMap((l) => (l.id ? [l.id] : [])));
  const elsewhere = [...named].filter((id) => !existing.some((f) => f.id === id));
  if (elsewhere.length > 0) {
    const taken = await tx
      .select({ id: forms.id })
      .from(forms)
      .where(and(eq(forms.tenantId, actor.tenantId), inArray(forms.id, elsewhere)));
    const index = lines.findIndex((l) => taken.some((t) => t.id === l.id));
    if (index >= 0) throw formIdTaken(`forms.${index}.id`);
  }
  const free = existing.filter((f) => f.voidedAt === null && !named.has(f.id));
  const kept: string[] = [];
  const startedAt = Date.now();
  const nextCreatedAt = () => new Date(startedAt + kept.length);
  const audits: Parameters<typeof recordAudit>[2][number][] = [];
  for (const line of lines) {
    if (line.id) {
      const form = existing.find((f) => f.id === line.id);
      if (!form) {
        await insertForm(
          tx,
          actor,
          {
            id: line.id,
            customerId: visit.customerId,
            kind: line.kind,
            repId: visit.repId,
            collectedOn: visit.date,
            visitId: visit.id,
            note: line.note,
          },
          nextCreatedAt(),
        );
      } else if (form.voidedAt === null && (form.kind !== line.kind || form.note !== line.note)) {
        await tx
          .update(forms)
          .set({
            kind: line.kind,
            note: line.note,
            version: form.version + 1,
            updatedBy: actor.userId,
            updatedAt: new Date(),
          })
          .where(and(eq(forms.tenantId, actor.tenantId), eq(forms.id, form.id)));
        audits.push({
          table: FORMS_TABLE,
          recordId: form.id,
          action: 'update',
          before: auditedForm(form),
          after: auditedForm({ ...form, kind: line.kind, note: line.note }),
          subject: { table: 'customers', id: form.customerId },
          context: { visitId: visit.id },
        });
      }
      if (!form || form.voidedAt === null) kept.push(line.id);
      continue;
    }
    for (let n = 0; n < line.count; n++) {
      const index = free.findIndex((f) => f.kind === line.kind && f.note === line.note);
      const match = index >= 0 ? free.splice(index, 1)[0] : undefined;
      if (match) {
        kept.push(match.id);
        continue;
      }
      const id = randomUUID();
      await insertForm(
        tx,
        actor,
        {
          id,
          customerId: visit.customerId,
          kind: line.kind,
          repId: visit.repId,
          collectedOn: visit.date,
          visitId: visit.id,
          note: line.note,
        },
        nextCreatedAt(),
      );
      kept.push(id);
    }
  }
  const removed = free;
  if (removed.length > 0) {
    const reason = '訪問記録から削除 (removed from the visit log)';
    await tx
      .update(forms)
      .set({
        voidedAt: new Date(),
        voidedBy: actor.userId,
        voidReason: reason,
        version: sql`${forms.version} + 1`,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(forms.tenantId, actor.tenantId),
          inArray(
            forms.id,
            removed.map((f) => f.id),
          ),
          isNull(forms.voidedAt),
        ),
      );
    for (const f of removed) {
      audits.push({
        table: FORMS_TABLE,
        recordId: f.id,
        action: 'update',
        before: auditedForm(f),
        after: auditedForm({ ...f, voidReason: reason }),
        subject: { table: 'customers', id: f.customerId },
        context: { visitId: visit.id, part: 'void' },
      });
    }
  }
  if (audits.length > 0) await recordAudit(tx, actor, audits);
  return kept;
}

export interface VisitFormLine {
  id: string;
  kind: FormKind;
  note: string;
  count: 1;
  attachment: { contentType: string; size: number; fileName: string } | null;
}

/** The live forms of these visits, oldest first, by visit id (for the visit view). */
export async function listVisitForms(
  tx: Tx,
  actor: Actor,
  visitIds: readonly string[],
): Promise<Map<string, VisitFormLine[]>> {
  const result = new Map<string, VisitFormLine[]>();
  if (visitIds.length === 0) return result;
  const rows = await tx
    .select({
      id: forms.id,
      visitId: forms.visitId,
      kind: forms.kind,
      note: forms.note,
      contentType: formAttachments.contentType,
      size: formAttachments.size,
      fileName: formAttachments.fileName,
    })
    .from(forms)
    .leftJoin(
      formAttachments,
      and(eq(formAttachments.tenantId, forms.tenantId), eq(formAttachments.formId, forms.id)),
    )
    .where(
      and(eq(forms.tenantId, actor.tenantId), inArray(forms.visitId, [...visitIds]), isNull(forms.voidedAt)),
    )
    .orderBy(asc(forms.createdAt), asc(forms.id));
  for (const r of rows) {
    const list = result.get(r.visitId as string) ?? [];
    list.push({
      id: r.id,
      kind: r.kind,
      note: r.note,
      count: 1,
      attachment:
        r.contentType === null
          ? null
          : { contentType: r.contentType, size: r.size as number, fileName: r.fileName as string },
    });
    result.set(r.visitId as string, list);
  }
  return result;
}
