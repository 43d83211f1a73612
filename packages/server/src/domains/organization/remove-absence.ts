import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { organizationError } from './organization-errors.ts';
import { repAbsences } from './tables.ts';
import { loadVisiblePerson, mayEdit } from './working-profile-view.ts';

export interface RemoveAbsenceOptions {
  db: Db;
  actor: Actor;
  userId: string;
  absenceId: string;
}

/** Removes an absence (the person is planned on those days again from the next plan). Audited. */
export async function removeAbsence({ db, actor, userId, absenceId }: RemoveAbsenceOptions): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const person = await loadVisiblePerson(tx, actor, userId);
    if (!mayEdit(actor, person)) throw organizationError('person_not_found');
    const [row] = await tx
      .delete(repAbsences)
      .where(
        and(
          eq(repAbsences.tenantId, actor.tenantId),
          eq(repAbsences.userId, userId),
          eq(repAbsences.id, absenceId),
        ),
      )
      .returning();
    if (!row) throw organizationError('absence_not_found');
    await recordAudit(tx, actor, [
      {
        table: 'rep_absences',
        recordId: absenceId,
        action: 'delete',
        before: { startDate: row.startDate, endDate: row.endDate, kind: row.kind, note: row.note },
        after: null,
        subject: { table: 'staff_profiles', id: userId },
      },
    ]);
  });
}
