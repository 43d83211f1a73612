import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { recordCustomerVisit } from '../customers/record-customer-visit.ts';
import { setPlannedVisitStatus } from '../planning/mark-planned-visit.ts';

/** What a visit's end sets off: its planned stop is done, the customer's last visit moves. */
export async function finishVisitEffects(
  tx: Tx,
  actor: Actor,
  visit: { customerId: string; plannedVisitId: string | null; checkInAt: Date },
): Promise<void> {
  if (visit.plannedVisitId) await setPlannedVisitStatus(tx, actor, visit.plannedVisitId, 'done');
  await recordCustomerVisit(tx, actor, visit.customerId, visit.checkInAt);
}
