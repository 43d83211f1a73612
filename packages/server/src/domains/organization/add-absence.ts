import { randomUUID } from 'node:crypto';
import { and, eq, gte, lte } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { idTaken, isUniqueViolation, organizationError } from './organization-errors.ts';
import type { AbsenceView, CreateAbsenceInput } from './organization-schemas.ts';
import { repAbsences } from './tables.ts';
import { absenceView, ensureProfile, loadVisiblePerson, mayEdit } from './working-profile-view.ts';

export interface AddAbsenceOptions {
  db: Db;
  actor: Actor;
  userId: string;
  input: CreateAbsenceInput;
}

/** The longest absence one entry holds (days). */
export const MAX_ABSENCE_DAYS = 366;

/**
 * Records days a person is away (休暇 / 研修 / その他; one day or a range, both ends inclusive):
 * plans made from then on give them no visits on those days. An admin for anyone, a manager
 * for their team. 422 on endDate before startDate or a range over a year, on startDate when
 * it overlaps another absence of theirs. Audited in the person's history.
 */
export async function addAbsence({ db, actor, userId, input }: AddAbsenceOptions): Promise<AbsenceView> {
  const endDate = input.endDate ?? input.startDate;
  if (endDate < input.startDate)
    throw validationFailed({
      endDate: { ja: '終了日は開始日以降にしてください。', en: 'End on or after the start date.' },
    });
  const days = (Date.parse(endDate) - Date.parse(input.startDate)) / 86_400_000 + 1;
  if (days > MAX_ABSENCE_DAYS)
    throw validationFailed({
      endDate: { ja: '1件の不在は366日以内にしてください。', en: 'One absence spans at most 366 days.' },
    });
  const id = input.id ?? randomUUID();
  try {
    return await withTenant(db, actor, async (tx) => {
      const person = await loadVisiblePerson(tx, actor, userId);
      if (!mayEdit(actor, person)) throw organizationError('person_not_found');
      await ensureProfile(tx, actor, person);
      const [overlap] = await tx
        .select({ id: repAbsences.id })
        .from(repAbsences)
        .where(
          and(
            eq(repAbsences.tenantId, actor.tenantId),
            eq(repAbsences.userId, userId),
            lte(repAbsences.startDate, endDate),
            gte(repAbsences.endDate, input.startDate),
          ),
        )
        .limit(1);
      if (overlap) throw organizationError('absence_overlaps');
      const [row] = await tx
        .insert(repAbsences)
        .values({
          tenantId: actor.tenantId,
          id,
          userId,
          startDate: input.startDate,
          endDate,
          kind: input.kind,
          note: input.note ?? '',
          createdBy: actor.userId,
        })
        .returning();
      const view = absenceView(row as typeof repAbsences.$inferSelect);
      await recordAudit(tx, actor, [
        {
          table: 'rep_absences',
          recordId: id,
          action: 'create',
          before: null,
          after: { startDate: view.startDate, endDate: view.endDate, kind: view.kind, note: view.note },
          subject: { table: 'staff_profiles', id: userId },
        },
      ]);
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'rep_absences_tenant_id_id_pk')) throw idTaken();
    throw error;
  }
}
