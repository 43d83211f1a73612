import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { complaints } from '../complaints/tables.ts';
import { customers } from '../customers/tables.ts';
import type { FollowupView } from '../followups/followup-view.ts';
import { selectFollowups } from '../followups/followup-view.ts';
import { followups } from '../followups/tables.ts';
import { plannedVisits, plans } from '../planning/tables.ts';
import { todayIn } from '../planning/working-days.ts';
import { visitSkips, visits } from './tables.ts';
import type { skipReasons, stopStatuses, visitOutcomes } from './visit-values.ts';

const MAX_ALERTS = 50;
const NOTES_PREVIEW = 120;

export interface StopView {
  key: string;
  plannedVisitId: string | null;
  visitId: string | null;
  seq: number;
  plannedArrival: string | null;
  plannedStart: string | null;
  plannedDeparture: string | null;
  fixed: boolean;
  customer: {
    id: string;
    name: string;
    address: string;
    lat: number | null;
    lng: number | null;
    phone: string;
    cautions: string;
  };
  navigation: { google: string; apple: string };
  status: (typeof stopStatuses)[number];
  checkInAt: string | null;
  checkOutAt: string | null;
  farFromCustomer: number | null;
  log: {
    outcome: (typeof visitOutcomes)[number];
    satisfaction: number | null;
    notes: string;
    promises: number;
  } | null;
  skip: { code: (typeof skipReasons)[number]; note: string } | null;
  visitVersion: number | null;
}

export interface TodayView {
  date: string;
  planId: string | null;
  stops: StopView[];
  alerts: { overdueFollowups: FollowupView[]; openComplaints: ComplaintAlertView[] };
}

export interface ComplaintAlertView {
  id: string;
  customerId: string;
  customerName: string;
  title: string;
  openedAt: string;
}

/** Directions to a customer: to the coordinates when known, else to the address. */
export function navigationLinks(customer: { lat: number | null; lng: number | null; address: string }) {
  const target =
    customer.lat !== null && customer.lng !== null ? `${customer.lat},${customer.lng}` : customer.address;
  const q = encodeURIComponent(target);
  return {
    google: `https://www.google.com/maps/dir/?api=1&destination=${q}`,
    apple: `https://maps.apple.com/?daddr=${q}&dirflg=d`,
  };
}

const customerColumns = {
  id: customers.id,
  name: customers.name,
  address: customers.address,
  lat: customers.lat,
  lng: customers.lng,
  phone: customers.phone,
  cautions: customers.cautions,
};

/**
 * The caller's day (GET /api/today): the stops of the newest ready plan holding their planned
 * visits that day, in planned order, merged with their visits of the day (a planned stop shows
 * its visit; unplanned visits follow by check-in time), each with the customer's address,
 * phone, 注意点 and directions; on top, the open followups past due of the day's customers and
 * the caller's own, and the open complaints of the day's customers.
 */
export async function getToday(
  tx: Tx,
  actor: Actor,
  date = todayIn(),
  /** Read this plan's stops instead of the newest (a skip answers the stop of its own plan). */
  planId?: string,
): Promise<TodayView> {
  const [plan] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, actor.tenantId),
        planId === undefined ? eq(plans.status, 'ready') : eq(plans.id, planId),
        sql`exists (select 1 from ${plannedVisits} pv where pv.tenant_id = ${plans.tenantId}
          and pv.plan_id = ${plans.id} and pv.rep_id = ${actor.userId} and pv.date = ${date})`,
      ),
    )
    .orderBy(desc(plans.createdAt))
    .limit(1);
  const planned = plan
    ? await tx
        .select({ pv: plannedVisits, customer: customerColumns })
        .from(plannedVisits)
        .innerJoin(
          customers,
          and(eq(customers.tenantId, plannedVisits.tenantId), eq(customers.id, plannedVisits.customerId)),
        )
        .where(
          and(
            eq(plannedVisits.tenantId, actor.tenantId),
            eq(plannedVisits.planId, plan.id),
            eq(plannedVisits.repId, actor.userId),
            eq(plannedVisits.date, date),
          ),
        )
        .orderBy(asc(plannedVisits.seq))
    : [];
  const made = await tx
    .select({ v: visits, customer: customerColumns })
    .from(visits)
    .innerJoin(customers, and(eq(customers.tenantId, visits.tenantId), eq(customers.id, visits.customerId)))
    .where(and(eq(visits.tenantId, actor.tenantId), eq(visits.repId, actor.userId), eq(visits.date, date)))
    .orderBy(asc(visits.checkInAt))
    .limit(200);
  const plannedIds = planned.map((p) => p.pv.id);
  const skips = plannedIds.length
    ? await tx
        .select()
        .from(visitSkips)
        .where(and(eq(visitSkips.tenantId, actor.tenantId), inArray(visitSkips.plannedVisitId, plannedIds)))
    : [];
  const visitIds = made.map((m) => m.v.id);
  const promiseCounts = visitIds.length
    ? await tx
        .select({ visitId: followups.visitId, n: sql<number>`count(*)::int` })
        .from(followups)
        .where(and(eq(followups.tenantId, actor.tenantId), inArray(followups.visitId, visitIds)))
        .groupBy(followups.visitId)
    : [];
  const promisesOf = new Map(promiseCounts.map((r) => [r.visitId, Number(r.n)]));
  const visitOf = new Map(
    made.filter((m) => m.v.plannedVisitId).map((m) => [m.v.plannedVisitId as string, m.v]),
  );

  const visitPart = (v: (typeof made)[number]['v'] | undefined) => ({
    visitId: v?.id ?? null,
    checkInAt: v?.checkInAt.toISOString() ?? null,
    checkOutAt: v?.checkOutAt?.toISOString() ?? null,
    farFromCustomer: v?.farFromCustomer ? v.distanceM : null,
    log:
      v && v.outcome !== null && v.loggedAt !== null
        ? {
            outcome: v.outcome,
            satisfaction: v.satisfaction,
            notes: v.notes.slice(0, NOTES_PREVIEW),
            promises: promisesOf.get(v.id) ?? 0,
          }
        : null,
    visitVersion: v?.version ?? null,
  });
  const stops: StopView[] = planned.map(({ pv, customer }) => {
    const v = visitOf.get(pv.id);
    const skip = skips.find((s) => s.plannedVisitId === pv.id);
    return {
      key: pv.id,
      plannedVisitId: pv.id,
      seq: pv.seq,
      plannedArrival: pv.plannedArrival.toISOString(),
      plannedStart: pv.plannedStart.toISOString(),
      plannedDeparture: pv.plannedDeparture.toISOString(),
      fixed: pv.fixed,
      customer,
      navigation: navigationLinks(customer),
      status: v ? (v.checkOutAt ? 'done' : 'checked_in') : pv.status === 'skipped' ? 'skipped' : 'planned',
      ...visitPart(v),
      skip: skip && !v ? { code: skip.reasonCode, note: skip.note } : null,
    };
  });
  let seq = stops.reduce((max, s) => Math.max(max, s.seq), 0);
  for (const m of made) {
    if (m.v.plannedVisitId && plannedIds.includes(m.v.plannedVisitId)) continue;
    stops.push({
      key: m.v.id,
      plannedVisitId: m.v.plannedVisitId,
      seq: ++seq,
      plannedArrival: null,
      plannedStart: null,
      plannedDeparture: null,
      fixed: false,
      customer: m.customer,
      navigation: navigationLinks(m.customer),
      status: m.v.checkOutAt ? 'done' : 'checked_in',
      ...visitPart(m.v),
      skip: null,
    });
  }

  const customerIds = [...new Set(stops.map((s) => s.customer.id))];
  const overdueFollowups = await selectFollowups(
    tx,
    actor,
    and(
      eq(followups.status, 'open'),
      lt(followups.dueDate, todayIn()),
      customerIds.length
        ? or(inArray(followups.customerId, customerIds), eq(followups.assigneeId, actor.userId))
        : eq(followups.assigneeId, actor.userId),
    ),
    { limit: MAX_ALERTS },
  );
  // Open complaints (not inquiries) of the day's customers, the oldest first (RLS: the caller's scope).
  const openComplaints: ComplaintAlertView[] = customerIds.length
    ? (
        await tx
          .select({
            id: complaints.id,
            customerId: complaints.customerId,
            customerName: customers.name,
            title: complaints.title,
            receivedAt: complaints.receivedAt,
          })
          .from(complaints)
          .innerJoin(
            customers,
            and(eq(customers.tenantId, complaints.tenantId), eq(customers.id, complaints.customerId)),
          )
          .where(
            and(
              eq(complaints.tenantId, actor.tenantId),
              inArray(complaints.customerId, customerIds),
              eq(complaints.kind, 'complaint'),
              inArray(complaints.status, ['open', 'in_progress']),
            ),
          )
          .orderBy(asc(complaints.receivedAt))
          .limit(MAX_ALERTS)
      ).map(({ receivedAt, ...c }) => ({ ...c, openedAt: receivedAt.toISOString() }))
    : [];
  return { date, planId: plan?.id ?? null, stops, alerts: { overdueFollowups, openComplaints } };
}
