import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { type LocalizedText, versionConflict } from '../../platform/errors.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { MAX_TITLE } from '../complaints/complaint-schemas.ts';
import type {
  complaintCategories,
  complaintKinds,
  complaintSeverities,
} from '../complaints/complaint-values.ts';
import { insertComplaint } from '../complaints/create-complaint.ts';
import { complaints } from '../complaints/tables.ts';
import { customers } from '../customers/tables.ts';
import { checkFollowupInputs, type FollowupInput, saveFollowups } from '../followups/save-followups.ts';
import { checkVisitFormEntries, saveVisitForms, type VisitFormEntry } from '../forms/save-visit-forms.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { endVisit, lockVisit } from './check-out.ts';
import { visits } from './tables.ts';
import { visitFieldText } from './visit-errors.ts';
import { loadVisit, type VisitView } from './visit-view.ts';

export interface VisitLogInput {
  outcome: 'met' | 'absent' | 'revisit';
  notes?: string | undefined;
  needs?: string | undefined;
  complaintHeard?: string | undefined;
  complaint?:
    | {
        id: string;
        kind?: ComplaintKind | undefined;
        category: ComplaintCategory;
        severity: ComplaintSeverity;
        title?: string | undefined;
      }
    | undefined;
  satisfaction?: number | null | undefined;
  forms?: VisitFormEntry[] | undefined;
  promises?: FollowupInput[] | undefined;
  nextVisitWish?: { date?: string | null | undefined; note?: string | undefined } | null | undefined;
  templateId?: string | undefined;
  checkOut?: boolean | undefined;
  version?: number | undefined;
}

/**
 * Saves a visit's log (PUT /api/visits/{id}/log): outcome, notes, 要望, 不満, satisfaction,
 * 申込書 (replaced as a whole when given; left as they are when `forms` is left out), promises (made into followups through the followups domain;
 * a re-save updates them by id, never duplicates), next visit wish. Saving checks the visit out
 * unless `checkOut: false`. The first save needs no version; changing a saved log needs the
 * version read (409 `version_conflict` with the stored visit otherwise, so a phone replaying an
 * old draft sees what the server has). Audited. 422 naming each refused field.
 */
export async function saveVisitLog(
  db: Db,
  actor: Actor,
  id: string,
  input: VisitLogInput,
): Promise<VisitView> {
  const errors: Record<string, LocalizedText> = {};
  const today = todayIn();
  const forms = input.forms ?? [];
  forms.forEach((f, i) => {
    if (f.kind.trim() === '') errors[`forms.${i}.kind`] = visitFieldText.blank;
  });
  Object.assign(
    errors,
    checkVisitFormEntries(forms, (i, name) => `forms.${i}.${name}`),
  );
  const wishDate = input.nextVisitWish?.date ?? null;
  if (wishDate !== null && (wishDate < addDays(today, -7) || wishDate > addDays(today, 366)))
    errors['nextVisitWish.date'] = visitFieldText.dateRange(addDays(today, -7), addDays(today, 366));
  const promises = input.promises ?? [];
  const heard = (input.complaintHeard ?? '').trim();
  if (input.complaint && heard === '') errors.complaintHeard = visitFieldText.blank;
  return withTenant(db, actor, async (tx) => {
    const row = await lockVisit(tx, actor, id);
    if (input.version !== undefined ? input.version !== row.version : row.loggedAt !== null)
      throw versionConflict(await loadVisit(tx, actor, id));
    Object.assign(
      errors,
      await checkFollowupInputs(tx, actor, promises, (i, name) => `promises.${i}.${name}`, today),
    );
    if (Object.keys(errors).length > 0) throw validationFailed(errors);

    const log = {
      outcome: input.outcome,
      notes: input.notes ?? '',
      needs: input.needs ?? '',
      complaintHeard: input.complaintHeard ?? '',
      satisfaction: input.satisfaction ?? null,
      nextVisitDate: wishDate,
      nextVisitNote: input.nextVisitWish?.note ?? '',
      templateId: input.templateId ?? null,
    };
    const before = {
      outcome: row.outcome,
      notes: row.notes,
      needs: row.needs,
      complaintHeard: row.complaintHeard,
      satisfaction: row.satisfaction,
      nextVisitDate: row.nextVisitDate,
      nextVisitNote: row.nextVisitNote,
      templateId: row.templateId,
    };
    await tx
      .update(visits)
      .set({
        ...log,
        loggedAt: sql`now()`,
        loggedBy: actor.userId,
        version: sql`${visits.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(visits.tenantId, actor.tenantId), eq(visits.id, id)));
    // The 申込書 are the forms domain's records (each form audited there, in the customer's history).
    // A save that leaves `forms` out (a phone that could not load them) leaves them as they are.
    if (input.forms !== undefined)
      await saveVisitForms(tx, actor, {
        visit: { id, customerId: row.customerId, repId: row.repId, date: row.date },
        entries: forms,
      });
    await recordAudit(tx, actor, [
      {
        table: 'visits',
        recordId: id,
        action: row.loggedAt === null ? 'create' : 'update',
        before: row.loggedAt === null ? null : before,
        after: log,
        subject: { table: 'customers', id: row.customerId },
        context: { part: 'log' },
      },
    ]);
    const [customer] = await tx
      .select({ repId: customers.repId })
      .from(customers)
      .where(and(eq(customers.tenantId, actor.tenantId), eq(customers.id, row.customerId)));
    await saveFollowups(tx, actor, {
      customerId: row.customerId,
      repId: customer?.repId ?? row.repId,
      visitId: id,
      inputs: promises,
      fieldOf: (i, name) => `promises.${i}.${name}`,
    });
    if (input.complaint) await registerComplaint(tx, actor, row, input.complaint, heard);
    if (input.checkOut !== false && row.checkOutAt === null) {
      const now = new Date();
      await endVisit(tx, actor, row, now.getTime() < row.checkInAt.getTime() ? row.checkInAt : now);
    }
    return (await loadVisit(tx, actor, id)) as VisitView;
  });
}

type ComplaintKind = (typeof complaintKinds)[number];
type ComplaintCategory = (typeof complaintCategories)[number];
type ComplaintSeverity = (typeof complaintSeverities)[number];

/** The 不満 heard becomes a complaint of the visit's customer (once: a replayed save finds its id). */
async function registerComplaint(
  tx: Tx,
  actor: Actor,
  visit: { id: string; customerId: string },
  complaint: NonNullable<VisitLogInput['complaint']>,
  heard: string,
) {
  const [existing] = await tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(eq(complaints.tenantId, actor.tenantId), eq(complaints.id, complaint.id)));
  if (existing) return;
  const firstLine = heard.split(/\r?\n/)[0]?.trim() ?? heard;
  await insertComplaint(tx, actor, {
    id: complaint.id,
    customerId: visit.customerId,
    source: 'visit',
    visitId: visit.id,
    kind: complaint.kind ?? 'complaint',
    category: complaint.category,
    severity: complaint.severity,
    title: complaint.title ?? Array.from(firstLine).slice(0, MAX_TITLE).join(''),
    detail: heard,
  });
}
