import { and, between, eq, gte, inArray, lte } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { repAbsences } from '../organization/tables.ts';
import { tenantClosedDays } from './tables.ts';
import { addDays, type HorizonDay, type IsoDate, listHorizonDays } from './working-days.ts';

export interface GetRepWorkingDaysOptions {
  db: Db;
  actor: Actor;
  /** The reps (user ids); those without a staff profile in the tenant are left out. */
  repIds: readonly string[];
  startDate: IsoDate;
  days: number;
}

export interface RepHorizon {
  readonly repId: string;
  readonly days: HorizonDay[];
  /** The dates the rep works: what the periodic engine takes as the rep's working days. */
  readonly workingDates: IsoDate[];
}

/**
 * Each rep's days in a horizon (civil dates in the tenant's zone): the rep's working weekdays
 * (staff_profiles) minus national holidays minus the tenant's closed days minus the rep's
 * absences (rep_absences: 休暇, 研修 …).
 *
 * @example
 * const [rep] = await getRepWorkingDays({ db, actor, repIds: [repId], startDate: '2026-12-21', days: 14 });
 * rep.workingDates; // ['2026-12-21', …, '2026-12-28'] (12/29–1/3 年末年始)
 */
export async function getRepWorkingDays({
  db,
  actor,
  repIds,
  startDate,
  days,
}: GetRepWorkingDaysOptions): Promise<RepHorizon[]> {
  listHorizonDays({ startDate, days, workingWeekdays: [] }); // checks the horizon before any query
  const endDate = addDays(startDate, days - 1);
  if (repIds.length === 0) return [];
  const { profiles, closedDays, absences } = await withTenant(db, actor, async (tx) => ({
    profiles: await tx
      .select({ userId: staffProfiles.userId, workingWeekdays: staffProfiles.workingWeekdays })
      .from(staffProfiles)
      .where(and(eq(staffProfiles.tenantId, actor.tenantId), inArray(staffProfiles.userId, [...repIds]))),
    closedDays: await tx
      .select({ date: tenantClosedDays.date, label: tenantClosedDays.label })
      .from(tenantClosedDays)
      .where(
        and(
          eq(tenantClosedDays.tenantId, actor.tenantId),
          between(tenantClosedDays.date, startDate, endDate),
        ),
      ),
    absences: await tx
      .select({
        userId: repAbsences.userId,
        startDate: repAbsences.startDate,
        endDate: repAbsences.endDate,
        label: repAbsences.kind,
      })
      .from(repAbsences)
      .where(
        and(
          eq(repAbsences.tenantId, actor.tenantId),
          inArray(repAbsences.userId, [...repIds]),
          lte(repAbsences.startDate, endDate),
          gte(repAbsences.endDate, startDate),
        ),
      ),
  }));
  const weekdaysOf = new Map(profiles.map((p) => [p.userId, p.workingWeekdays]));
  return repIds.flatMap((repId) => {
    const workingWeekdays = weekdaysOf.get(repId);
    if (!workingWeekdays) return [];
    const away = absences.filter((a) => a.userId === repId);
    const horizon = listHorizonDays({ startDate, days, workingWeekdays, closedDays, absences: away });
    return [{ repId, days: horizon, workingDates: horizon.filter((d) => d.working).map((d) => d.date) }];
  });
}
