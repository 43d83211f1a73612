import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { visits } from './tables.ts';
import { finishVisitEffects } from './visit-effects.ts';
import { visitFieldText, visitNotFound } from './visit-errors.ts';
import { eventTime } from './visit-time.ts';
import { loadVisit, type VisitRow, type VisitView, visitScope } from './visit-view.ts';

export interface CheckOutInput {
  at?: string | undefined;
  position?: { lat: number; lng: number; accuracy?: number | null | undefined } | undefined;
}

/** The visit row in the caller's scope, locked for the change (404 when not theirs to see). */
export async function lockVisit(tx: Tx, actor: Actor, id: string): Promise<VisitRow> {
  const [row] = await tx
    .select()
    .from(visits)
    .where(and(visitScope(actor), eq(visits.id, id)))
    .for('update');
  if (!row) throw visitNotFound();
  return row;
}

/** Ends a visit in the transaction: check-out time and position, then what a finished visit sets off. */
export async function endVisit(
  tx: Tx,
  actor: Actor,
  row: VisitRow,
  at: Date,
  position?: CheckOutInput['position'],
) {
  await tx
    .update(visits)
    .set({
      checkOutAt: at,
      checkOutLat: position?.lat ?? null,
      checkOutLng: position?.lng ?? null,
      version: sql`${visits.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(visits.tenantId, actor.tenantId), eq(visits.id, row.id)));
  await recordAudit(tx, actor, [
    {
      table: 'visits',
      recordId: row.id,
      action: 'status_change',
      before: { checkOutAt: null },
      after: {
        checkOutAt: at.toISOString(),
        checkOutLat: position?.lat ?? null,
        checkOutLng: position?.lng ?? null,
      },
      subject: { table: 'customers', id: row.customerId },
    },
  ]);
  await finishVisitEffects(tx, actor, row);
}

/**
 * Check-out (POST /api/visits/{id}/check-out): ends the visit; its planned stop becomes done and
 * the customer's last visit moves to it. A visit already checked out is answered as it is (a
 * retry changes nothing). 422 on `at` before the check-in or out of range.
 */
export async function checkOut(db: Db, actor: Actor, id: string, input: CheckOutInput): Promise<VisitView> {
  const errors: Record<string, LocalizedText> = {};
  const at = eventTime(input.at, 'at', errors);
  return withTenant(db, actor, async (tx) => {
    const row = await lockVisit(tx, actor, id);
    if (row.checkOutAt) return (await loadVisit(tx, actor, id)) as VisitView;
    if (!errors.at && at.getTime() < row.checkInAt.getTime())
      errors.at = visitFieldText.checkOutBeforeCheckIn;
    if (Object.keys(errors).length > 0) throw validationFailed(errors);
    await endVisit(tx, actor, row, at, input.position);
    return (await loadVisit(tx, actor, id)) as VisitView;
  });
}
