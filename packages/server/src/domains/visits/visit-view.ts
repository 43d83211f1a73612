import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { customers } from '../customers/tables.ts';
import { type FollowupView, followupsOfVisits } from '../followups/followup-view.ts';
import { listVisitForms, type VisitFormLine } from '../forms/save-visit-forms.ts';
import { visits } from './tables.ts';

export type VisitRow = typeof visits.$inferSelect;

/**
 * The visits an actor may see, as a WHERE condition (tenant included): a rep their own, a
 * manager their team's reps', an admin all. Row-level security enforces the same underneath.
 */
export function visitScope(actor: Actor): SQL {
  const inTenant = eq(visits.tenantId, actor.tenantId);
  switch (actor.role) {
    case 'admin':
      return inTenant;
    case 'rep':
      return and(inTenant, eq(visits.repId, actor.userId)) as SQL;
    case 'manager':
      if (!actor.teamId) return sql`false`;
      return and(
        inTenant,
        sql`${visits.repId} in (select ${staffProfiles.userId} from ${staffProfiles}
          where ${staffProfiles.tenantId} = ${actor.tenantId} and ${staffProfiles.teamId} = ${actor.teamId})`,
      ) as SQL;
  }
}

export interface VisitLogView {
  outcome: NonNullable<VisitRow['outcome']>;
  notes: string;
  needs: string;
  complaintHeard: string;
  satisfaction: number | null;
  forms: VisitFormLine[];
  promises: FollowupView[];
  nextVisitWish: { date: string | null; note: string } | null;
  templateId: string | null;
  loggedAt: string;
  loggedBy: string;
}

/** A visit as the API shows it (contracts: Visit). */
export interface VisitView {
  id: string;
  customerId: string;
  customerName: string;
  repId: string;
  repName: string;
  plannedVisitId: string | null;
  date: string;
  status: 'checked_in' | 'done';
  checkInAt: string;
  checkOutAt: string | null;
  checkInPosition: { lat: number; lng: number; accuracy: number | null } | null;
  distanceMetres: number | null;
  farFromCustomer: number | null;
  log: VisitLogView | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Visits matching `where` (within the actor's scope), with their logs, forms and promises. */
export async function selectVisitViews(tx: Tx, actor: Actor, where: SQL | undefined): Promise<VisitView[]> {
  const rows = await tx
    .select({ v: visits, customerName: customers.name, repName: staffProfiles.displayName })
    .from(visits)
    .leftJoin(customers, and(eq(customers.tenantId, visits.tenantId), eq(customers.id, visits.customerId)))
    .leftJoin(
      staffProfiles,
      and(eq(staffProfiles.tenantId, visits.tenantId), eq(staffProfiles.userId, visits.repId)),
    )
    .where(and(visitScope(actor), where))
    .orderBy(asc(visits.checkInAt), asc(visits.id))
    .limit(500);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.v.id);
  const forms = await listVisitForms(tx, actor, ids);
  const promises = await followupsOfVisits(tx, actor, ids);
  return rows.map(({ v, customerName, repName }) => ({
    id: v.id,
    customerId: v.customerId,
    customerName: customerName ?? '',
    repId: v.repId,
    repName: repName ?? '',
    plannedVisitId: v.plannedVisitId,
    date: v.date,
    status: v.checkOutAt ? 'done' : 'checked_in',
    checkInAt: v.checkInAt.toISOString(),
    checkOutAt: v.checkOutAt?.toISOString() ?? null,
    checkInPosition:
      v.checkInLat !== null && v.checkInLng !== null
        ? { lat: v.checkInLat, lng: v.checkInLng, accuracy: v.checkInAccuracy }
        : null,
    distanceMetres: v.distanceM,
    farFromCustomer: v.farFromCustomer ? v.distanceM : null,
    log:
      v.outcome === null || v.loggedAt === null
        ? null
        : {
            outcome: v.outcome,
            notes: v.notes,
            needs: v.needs,
            complaintHeard: v.complaintHeard,
            satisfaction: v.satisfaction,
            forms: forms.get(v.id) ?? [],
            promises: promises.filter((p) => p.visitId === v.id),
            nextVisitWish:
              v.nextVisitDate === null && v.nextVisitNote === ''
                ? null
                : { date: v.nextVisitDate, note: v.nextVisitNote },
            templateId: v.templateId,
            loggedAt: v.loggedAt.toISOString(),
            loggedBy: v.loggedBy ?? v.repId,
          },
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  }));
}

export async function loadVisit(tx: Tx, actor: Actor, id: string): Promise<VisitView | null> {
  return (await selectVisitViews(tx, actor, eq(visits.id, id)))[0] ?? null;
}

/** The civil date (YYYY-MM-DD) of an instant in Asia/Tokyo. */
export function tokyoDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
