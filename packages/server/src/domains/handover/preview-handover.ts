import type { z } from '@hono/zod-openapi';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { complaints } from '../complaints/tables.ts';
import { listAssignableStaff, selectCustomersForHandover } from '../customers/reassign-customers.ts';
import { customers } from '../customers/tables.ts';
import { followups } from '../followups/tables.ts';
import { getRepWorkingDays } from '../planning/get-rep-working-days.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { firstCommonDate, MONTH_DAYS, repLoad, visitsPerMonth } from './cadence-load.ts';
import { receiverNotAssignable, selectionRequired } from './handover-errors.ts';
import { type HandoverPreview, type HandoverSelection, MAX_HANDOVER_CUSTOMERS } from './handover-schemas.ts';

type Selection = z.output<typeof HandoverSelection>;
type Preview = z.output<typeof HandoverPreview>;

/** Each rep's working dates from tomorrow for a month (Asia/Tokyo), by rep. */
export async function workingDatesOf(db: Db, actor: Actor, repIds: readonly string[], now = new Date()) {
  const startDate = addDays(todayIn('Asia/Tokyo', now), 1);
  const horizons = await getRepWorkingDays({
    db,
    actor,
    repIds: [...new Set(repIds)],
    startDate,
    days: MONTH_DAYS,
  });
  return new Map(horizons.map((h) => [h.repId, h.workingDates]));
}

const countBy = async (rows: Promise<{ customerId: string; n: number }[]>) =>
  new Map((await rows).map((r) => [r.customerId, Number(r.n)]));

/**
 * What a handover would do, before anything is written: the customers it moves (by selection,
 * area and/or rep, within the actor's book), their open promises and complaints, and for the
 * receiving rep and each outgoing rep the customers and cadence load (visits a month) before and
 * after against their capacity; plus the first day both sides work, for an introduction visit.
 */
export async function previewHandover({
  db,
  actor,
  selection,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  selection: Selection;
  now?: Date;
}): Promise<Preview> {
  if (!selection.customerIds && !selection.areaId && !selection.fromRepId) throw selectionRequired();
  const read = await withTenant(db, actor, async (tx) => {
    const staff = await listAssignableStaff(tx, actor);
    const receiver = staff.find((s) => s.userId === selection.toRepId);
    if (!receiver) throw receiverNotAssignable();
    const rows = await selectCustomersForHandover(tx, actor, selection, MAX_HANDOVER_CUSTOMERS);
    const truncated = rows.length > MAX_HANDOVER_CUSTOMERS;
    const moving = rows.slice(0, MAX_HANDOVER_CUSTOMERS).filter((c) => c.repId !== receiver.userId);
    const ids = moving.map((c) => c.id);
    const repIds = [...new Set([receiver.userId, ...moving.flatMap((c) => (c.repId ? [c.repId] : []))])];
    const profiles = await tx
      .select({
        userId: staffProfiles.userId,
        name: staffProfiles.displayName,
        maxVisitsPerDay: staffProfiles.maxVisitsPerDay,
      })
      .from(staffProfiles)
      .where(and(eq(staffProfiles.tenantId, actor.tenantId), inArray(staffProfiles.userId, repIds)));
    const books = await tx
      .select({ repId: customers.repId, cadenceDays: customers.cadenceDays })
      .from(customers)
      .where(
        and(
          eq(customers.tenantId, actor.tenantId),
          inArray(customers.repId, repIds),
          isNull(customers.archivedAt),
        ),
      );
    const openFollowups =
      ids.length === 0
        ? new Map<string, number>()
        : await countBy(
            tx
              .select({ customerId: followups.customerId, n: count() })
              .from(followups)
              .where(
                and(
                  eq(followups.tenantId, actor.tenantId),
                  inArray(followups.customerId, ids),
                  eq(followups.status, 'open'),
                ),
              )
              .groupBy(followups.customerId),
          );
    const openComplaints =
      ids.length === 0
        ? new Map<string, number>()
        : await countBy(
            tx
              .select({ customerId: complaints.customerId, n: count() })
              .from(complaints)
              .where(
                and(
                  eq(complaints.tenantId, actor.tenantId),
                  inArray(complaints.customerId, ids),
                  inArray(complaints.status, ['open', 'in_progress']),
                ),
              )
              .groupBy(complaints.customerId),
          );
    return { receiver, moving, truncated, repIds, profiles, books, openFollowups, openComplaints };
  });
  const { receiver, moving, truncated, repIds, profiles, books, openFollowups, openComplaints } = read;
  const dates = await workingDatesOf(db, actor, repIds, now);
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const nameOf = (repId: string | null) => (repId ? (profileOf.get(repId)?.name ?? null) : null);
  const cadencesOf = (repId: string) => books.filter((b) => b.repId === repId).map((b) => b.cadenceDays);
  const loads: Preview['loads'] = repIds.map((repId) => {
    const receiving = repId === receiver.userId;
    const movingOfRep = receiving ? moving : moving.filter((c) => c.repId === repId);
    return {
      repId,
      name: nameOf(repId) ?? '',
      role: receiving ? 'receiving' : 'outgoing',
      movingCustomers: movingOfRep.length,
      ...repLoad({
        currentCadences: cadencesOf(repId),
        addedCadences: receiving ? moving.map((c) => c.cadenceDays) : [],
        removedCadences: receiving ? [] : movingOfRep.map((c) => c.cadenceDays),
        workingDays: dates.get(repId)?.length ?? 0,
        maxVisitsPerDay: profileOf.get(repId)?.maxVisitsPerDay ?? null,
      }),
    };
  });
  const outgoing = repIds.find((r) => r !== receiver.userId);
  const receiverDates = dates.get(receiver.userId) ?? [];
  return {
    toRepId: receiver.userId,
    toRepName: receiver.name,
    customers: moving.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      version: c.version,
      fromRepId: c.repId,
      fromRepName: nameOf(c.repId),
      cadenceDays: c.cadenceDays,
      visitsPerMonth: visitsPerMonth([c.cadenceDays]),
      openFollowups: openFollowups.get(c.id) ?? 0,
      openComplaints: openComplaints.get(c.id) ?? 0,
    })),
    truncated,
    loads,
    introDate: outgoing
      ? firstCommonDate(receiverDates, dates.get(outgoing) ?? [])
      : (receiverDates[0] ?? null),
  };
}
