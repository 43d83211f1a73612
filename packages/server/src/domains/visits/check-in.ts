import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { haversineMetres } from '../../platform/geo/haversine.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { customers } from '../customers/tables.ts';
import { plannedVisits, plans } from '../planning/tables.ts';
import { visits } from './tables.ts';
import { plannedVisitVisited, visitFieldText, visitIdTaken } from './visit-errors.ts';
import { eventTime } from './visit-time.ts';
import { FAR_FROM_CUSTOMER_METRES } from './visit-values.ts';
import { loadVisit, tokyoDate, type VisitView } from './visit-view.ts';

export interface CheckInInput {
  id: string;
  customerId: string;
  plannedVisitId?: string | undefined;
  at?: string | undefined;
  position?: { lat: number; lng: number; accuracy?: number | null | undefined } | undefined;
}

/**
 * How far a check-in is from the customer, and whether to flag it: further than 500 m beyond
 * the fix's accuracy radius (a 2 km-accurate fix 1.5 km away is not flagged). Null without
 * either position.
 */
export function checkInDistance(
  position: CheckInInput['position'],
  customer: { lat: number | null; lng: number | null },
): { distance: number | null; far: boolean } {
  if (!position || customer.lat === null || customer.lng === null) return { distance: null, far: false };
  const distance = Math.round(haversineMetres(position, { lat: customer.lat, lng: customer.lng }));
  return { distance, far: distance - (position.accuracy ?? 0) > FAR_FROM_CUSTOMER_METRES };
}

/**
 * Check-in (POST /api/visits): starts a visit at a customer of the caller's book, with the
 * phone's own id. The same id again answers the stored visit (created: false), never a second
 * one. A check-in far from the customer is flagged with the distance, never refused. Without a
 * plannedVisitId the visit is linked to the caller's planned stop at that customer that day (of
 * a ready plan) when there is one not yet visited; otherwise it is an unplanned visit. Audited.
 */
export async function checkIn(
  db: Db,
  actor: Actor,
  input: CheckInInput,
): Promise<{ visit: VisitView; created: boolean }> {
  const errors: Record<string, LocalizedText> = {};
  const at = eventTime(input.at, 'at', errors);
  const date = tokyoDate(at);
  try {
    return await withTenant(db, actor, async (tx) => {
      const stored = await loadVisit(tx, actor, input.id);
      if (stored) {
        if (stored.customerId !== input.customerId) throw visitIdTaken();
        return { visit: stored, created: false };
      }
      const [customer] = await tx
        .select({ id: customers.id, lat: customers.lat, lng: customers.lng })
        .from(customers)
        .where(and(customerScope(actor), eq(customers.id, input.customerId)));
      if (!customer) errors.customerId = visitFieldText.customerUnknown;
      let plannedVisitId: string | null = null;
      if (customer && input.plannedVisitId !== undefined) {
        const [stop] = await tx
          .select({ id: plannedVisits.id })
          .from(plannedVisits)
          .where(
            and(
              eq(plannedVisits.tenantId, actor.tenantId),
              eq(plannedVisits.id, input.plannedVisitId),
              eq(plannedVisits.repId, actor.userId),
              eq(plannedVisits.customerId, customer.id),
            ),
          );
        if (!stop) errors.plannedVisitId = visitFieldText.plannedVisitUnknown;
        else plannedVisitId = stop.id;
      }
      if (Object.keys(errors).length > 0 || !customer) throw validationFailed(errors);
      if (input.plannedVisitId === undefined) {
        const [stop] = await tx
          .select({ id: plannedVisits.id })
          .from(plannedVisits)
          .innerJoin(
            plans,
            and(eq(plans.tenantId, plannedVisits.tenantId), eq(plans.id, plannedVisits.planId)),
          )
          .where(
            and(
              eq(plannedVisits.tenantId, actor.tenantId),
              eq(plannedVisits.repId, actor.userId),
              eq(plannedVisits.customerId, customer.id),
              eq(plannedVisits.date, date),
              eq(plannedVisits.status, 'planned'),
              eq(plans.status, 'ready'),
              sql`not exists (select 1 from ${visits} v where v.tenant_id = ${plannedVisits.tenantId}
                and v.planned_visit_id = ${plannedVisits.id})`,
            ),
          )
          .orderBy(desc(plans.createdAt), plannedVisits.seq)
          .limit(1);
        plannedVisitId = stop?.id ?? null;
      }
      const { distance, far } = checkInDistance(input.position, customer);
      const values = {
        tenantId: actor.tenantId,
        id: input.id,
        customerId: customer.id,
        repId: actor.userId,
        plannedVisitId,
        date,
        checkInAt: at,
        checkInLat: input.position?.lat ?? null,
        checkInLng: input.position?.lng ?? null,
        checkInAccuracy: input.position?.accuracy ?? null,
        distanceM: distance,
        farFromCustomer: far,
      };
      await tx.insert(visits).values(values);
      const { tenantId: _t, ...audited } = values;
      await recordAudit(tx, actor, [
        {
          table: 'visits',
          recordId: input.id,
          action: 'create',
          before: null,
          after: { ...audited, checkInAt: at.toISOString() },
          subject: { table: 'customers', id: customer.id },
        },
      ]);
      return { visit: (await loadVisit(tx, actor, input.id)) as VisitView, created: true };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'visits_tenant_id_id_pk')) throw visitIdTaken();
    if (isUniqueViolation(error, 'visits_planned_visit_uq')) throw plannedVisitVisited();
    throw error;
  }
}
