import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { setPlannedVisitStatus } from '../planning/mark-planned-visit.ts';
import { plannedVisits } from '../planning/tables.ts';
import { getToday, type StopView } from './get-today.ts';
import { visitSkips, visits } from './tables.ts';
import { stopNotSkippable, visitFieldText } from './visit-errors.ts';
import type { skipReasons } from './visit-values.ts';

export interface SkipInput {
  plannedVisitId: string;
  reason: { code: (typeof skipReasons)[number]; note?: string | undefined };
}

/**
 * Skips one of the caller's planned stops with a reason (POST /api/visits/skip): the planned
 * visit becomes `skipped` — not done, so the customer's last visit stays where it was and the
 * next plan offers them again. A stop already skipped is answered as it is; one with a visit
 * is 409 `stop_not_skippable`. Audited. Answers the stop as 今日 shows it.
 */
export async function skipStop(db: Db, actor: Actor, input: SkipInput): Promise<StopView> {
  return withTenant(db, actor, async (tx) => {
    const [stop] = await tx
      .select()
      .from(plannedVisits)
      .where(
        and(
          eq(plannedVisits.tenantId, actor.tenantId),
          eq(plannedVisits.id, input.plannedVisitId),
          eq(plannedVisits.repId, actor.userId),
        ),
      )
      .for('update');
    if (!stop) throw validationFailed({ plannedVisitId: visitFieldText.plannedVisitUnknown });
    const [visited] = await tx
      .select({ id: visits.id })
      .from(visits)
      .where(and(eq(visits.tenantId, actor.tenantId), eq(visits.plannedVisitId, stop.id)));
    if (visited || stop.status === 'done') throw stopNotSkippable();
    if (stop.status === 'planned') {
      const skip = {
        plannedVisitId: stop.id,
        customerId: stop.customerId,
        repId: stop.repId,
        date: stop.date,
        reasonCode: input.reason.code,
        note: input.reason.note?.trim() ?? '',
        skippedBy: actor.userId,
      };
      await tx
        .insert(visitSkips)
        .values({ tenantId: actor.tenantId, ...skip })
        .onConflictDoUpdate({
          target: [visitSkips.tenantId, visitSkips.plannedVisitId],
          set: {
            reasonCode: skip.reasonCode,
            note: skip.note,
            skippedBy: skip.skippedBy,
            skippedAt: new Date(),
          },
        });
      await setPlannedVisitStatus(tx, actor, stop.id, 'skipped');
      await recordAudit(tx, actor, [
        {
          table: 'visit_skips',
          recordId: stop.id,
          action: 'create',
          before: null,
          after: skip,
          subject: { table: 'customers', id: stop.customerId },
        },
      ]);
    }
    const day = await getToday(tx, actor, stop.date, stop.planId);
    const shown = day.stops.find((s) => s.plannedVisitId === stop.id);
    if (!shown) throw stopNotSkippable();
    return shown;
  });
}
