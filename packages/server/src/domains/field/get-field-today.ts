import type { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { member, staffProfiles, teams } from '../../platform/db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { daysBetween } from '../complaints/due-date.ts';
import { complaints } from '../complaints/tables.ts';
import { customers } from '../customers/tables.ts';
import { followups } from '../followups/tables.ts';
import { plannedVisits, plans } from '../planning/tables.ts';
import { todayIn } from '../planning/working-days.ts';
import { syncHeartbeats } from '../sync/tables.ts';
import { visits } from '../visits/tables.ts';
import { type FieldToday, MAX_FIELD_ITEMS, MAX_FIELD_REPS } from './field-schemas.ts';

type View = z.output<typeof FieldToday>;
type Rep = View['reps'][number];

const teamNotFound = () => notFound({ ja: 'チーム', en: 'Team' });

/**
 * The manager's view of the field on a date: per rep of the team (a manager: their own; an
 * admin: the team asked, or every rep), the day's planned stops (of the newest plan holding
 * them) and how many are done (checked out), the promises past due and the escalated complaints
 * (overdue: past due, still open or in progress) of the rep's customers. Overdue is as of today
 * (Asia/Tokyo). A team that is not the caller's to see is 404, like one that does not exist.
 */
export async function getFieldToday({
  db,
  actor,
  teamId: askedTeam,
  date: askedDate,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  teamId?: string | undefined;
  date?: string | undefined;
  now?: Date;
}): Promise<View> {
  const today = todayIn('Asia/Tokyo', now);
  const date = askedDate ?? today;
  let teamId: string | null = askedTeam ?? null;
  if (actor.role === 'manager') {
    if (!actor.teamId || (askedTeam !== undefined && askedTeam !== actor.teamId)) throw teamNotFound();
    teamId = actor.teamId;
  }
  return withTenant(db, actor, async (tx) => {
    if (teamId !== null) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.tenantId, actor.tenantId), eq(teams.id, teamId)));
      if (!team) throw teamNotFound();
    }
    const reps = await tx
      .select({
        repId: staffProfiles.userId,
        repName: staffProfiles.displayName,
        teamId: staffProfiles.teamId,
      })
      .from(staffProfiles)
      .innerJoin(
        member,
        and(eq(member.organizationId, staffProfiles.tenantId), eq(member.userId, staffProfiles.userId)),
      )
      .where(
        and(
          eq(staffProfiles.tenantId, actor.tenantId),
          eq(member.role, 'rep'),
          isNull(member.deactivatedAt),
          teamId !== null ? eq(staffProfiles.teamId, teamId) : undefined,
        ),
      )
      .orderBy(asc(staffProfiles.displayName), asc(staffProfiles.userId))
      .limit(MAX_FIELD_REPS);
    const repIds = reps.map((r) => r.repId);
    const empty = { date, teamId, reps: [], promisesAvailable: true };
    if (repIds.length === 0)
      return { ...empty, totals: { planned: 0, done: 0, overduePromises: 0, escalatedComplaints: 0 } };

    const stops = await tx
      .select({
        id: plannedVisits.id,
        repId: plannedVisits.repId,
        planId: plannedVisits.planId,
        planCreatedAt: plans.createdAt,
        customerId: plannedVisits.customerId,
        customerName: customers.name,
        plannedStart: plannedVisits.plannedStart,
        status: plannedVisits.status,
        seq: plannedVisits.seq,
        checkedOut:
          sql<boolean>`exists (select 1 from ${visits} v where v.tenant_id = ${plannedVisits.tenantId}
          and v.planned_visit_id = ${plannedVisits.id} and v.check_out_at is not null)`.mapWith(Boolean),
      })
      .from(plannedVisits)
      .innerJoin(plans, and(eq(plans.tenantId, plannedVisits.tenantId), eq(plans.id, plannedVisits.planId)))
      .innerJoin(
        customers,
        and(eq(customers.tenantId, plannedVisits.tenantId), eq(customers.id, plannedVisits.customerId)),
      )
      .where(
        and(
          eq(plannedVisits.tenantId, actor.tenantId),
          eq(plannedVisits.date, date),
          inArray(plannedVisits.repId, repIds),
          eq(plans.status, 'ready'),
        ),
      )
      .orderBy(asc(plannedVisits.repId), asc(plannedVisits.seq));
    // One plan per rep and day: the newest holding the rep's stops that day.
    const newestPlan = new Map<string, { planId: string; at: number }>();
    for (const s of stops) {
      const seen = newestPlan.get(s.repId);
      if (!seen || s.planCreatedAt.getTime() > seen.at)
        newestPlan.set(s.repId, { planId: s.planId, at: s.planCreatedAt.getTime() });
    }

    const promises = await tx
      .select({
        id: followups.id,
        repId: followups.repId,
        customerId: followups.customerId,
        customerName: customers.name,
        title: followups.title,
        dueDate: followups.dueDate,
      })
      .from(followups)
      .innerJoin(
        customers,
        and(eq(customers.tenantId, followups.tenantId), eq(customers.id, followups.customerId)),
      )
      .where(
        and(
          eq(followups.tenantId, actor.tenantId),
          eq(followups.status, 'open'),
          lt(followups.dueDate, today),
          isNotNull(followups.repId),
          inArray(followups.repId, repIds),
        ),
      )
      .orderBy(asc(followups.dueDate), asc(followups.id))
      .limit(MAX_FIELD_REPS * MAX_FIELD_ITEMS);

    const escalated = await tx
      .select({
        id: complaints.id,
        repId: customers.repId,
        customerId: complaints.customerId,
        customerName: customers.name,
        title: complaints.title,
        kind: complaints.kind,
        severity: complaints.severity,
        status: complaints.status,
        ownerId: complaints.ownerId,
        dueDate: complaints.dueDate,
      })
      .from(complaints)
      .innerJoin(
        customers,
        and(eq(customers.tenantId, complaints.tenantId), eq(customers.id, complaints.customerId)),
      )
      .where(
        and(
          eq(complaints.tenantId, actor.tenantId),
          inArray(complaints.status, ['open', 'in_progress']),
          lt(complaints.dueDate, today),
          inArray(customers.repId, repIds),
        ),
      )
      .orderBy(asc(complaints.dueDate), asc(complaints.id))
      .limit(MAX_FIELD_REPS * MAX_FIELD_ITEMS);

    const totals = {
      planned: 0,
      done: 0,
      overduePromises: promises.length,
      escalatedComplaints: escalated.length,
    };
    const heartbeats = await tx
      .select({
        userId: syncHeartbeats.userId,
        lastSyncedAt: syncHeartbeats.lastSyncedAt,
        pending: syncHeartbeats.pending,
      })
      .from(syncHeartbeats)
      .where(and(eq(syncHeartbeats.tenantId, actor.tenantId), inArray(syncHeartbeats.userId, repIds)));
    const syncOf = new Map(
      heartbeats.map((h) => [h.userId, { lastSyncedAt: h.lastSyncedAt.toISOString(), pending: h.pending }]),
    );
    const out: Rep[] = reps.map((rep) => {
      const plan = newestPlan.get(rep.repId);
      const own = stops.filter((s) => s.repId === rep.repId && s.planId === plan?.planId);
      const shown = own.map((s) => ({
        id: s.id,
        customerId: s.customerId,
        customerName: s.customerName,
        plannedStart: s.plannedStart.toISOString(),
        status: s.checkedOut ? ('done' as const) : s.status,
      }));
      const done = shown.filter((s) => s.status === 'done').length;
      totals.planned += shown.length;
      totals.done += done;
      return {
        repId: rep.repId,
        repName: rep.repName,
        teamId: rep.teamId,
        sync: syncOf.get(rep.repId) ?? null,
        planned: shown.length,
        done,
        visits: shown.slice(0, MAX_FIELD_ITEMS),
        overduePromises: promises
          .filter((p) => p.repId === rep.repId)
          .slice(0, MAX_FIELD_ITEMS)
          .map((p) => ({
            id: p.id,
            customerId: p.customerId,
            customerName: p.customerName,
            title: p.title,
            dueDate: p.dueDate,
            daysOverdue: daysBetween(p.dueDate, today),
          })),
        escalatedComplaints: escalated
          .filter((c) => c.repId === rep.repId)
          .slice(0, MAX_FIELD_ITEMS)
          .map((c) => ({
            id: c.id,
            customerId: c.customerId,
            customerName: c.customerName,
            title: c.title,
            kind: c.kind,
            severity: c.severity,
            status: c.status,
            ownerId: c.ownerId,
            dueDate: c.dueDate,
            daysOverdue: daysBetween(c.dueDate, today),
          })),
      };
    });
    return { ...empty, reps: out, totals };
  });
}
