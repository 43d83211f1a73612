import { and, asc, eq, gte } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { member, staffProfiles, user } from '../../platform/db/schema/index.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { organizationError } from './organization-errors.ts';
import type { AbsenceView, WorkingProfileView } from './organization-schemas.ts';
import { repAbsences } from './tables.ts';

export const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
export const minuteOf = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The person `userId` if the actor may see their working profile (a rep themself, a manager
 * their team's people and themself, an admin everyone of the company); 404 otherwise, exactly
 * like a person that does not exist.
 */
export async function loadVisiblePerson(tx: Tx, actor: Actor, userId: string) {
  const [row] = await tx
    .select({
      userId: member.userId,
      role: member.role,
      name: user.name,
      teamId: staffProfiles.teamId,
      hasProfile: staffProfiles.userId,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(
      staffProfiles,
      and(eq(staffProfiles.tenantId, member.organizationId), eq(staffProfiles.userId, member.userId)),
    )
    .where(and(eq(member.organizationId, actor.tenantId), eq(member.userId, userId)));
  const visible =
    row &&
    (actor.role === 'admin' ||
      row.userId === actor.userId ||
      (actor.role === 'manager' && actor.teamId !== null && row.teamId === actor.teamId));
  if (!row || !visible) throw organizationError('person_not_found');
  return row;
}

/** Makes the person's staff profile row if they have none (defaults: Mon–Fri 9–18, lunch 12–13). */
export async function ensureProfile(tx: Tx, actor: Actor, person: { userId: string; name: string }) {
  await tx
    .insert(staffProfiles)
    .values({ tenantId: actor.tenantId, userId: person.userId, displayName: person.name })
    .onConflictDoNothing();
}

export const absenceView = (row: typeof repAbsences.$inferSelect): AbsenceView => ({
  id: row.id,
  userId: row.userId,
  startDate: row.startDate,
  endDate: row.endDate,
  kind: row.kind,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
});

/** The working profile as the API shows it, with the absences from 30 days ago on. */
export async function loadWorkingProfile(tx: Tx, actor: Actor, userId: string): Promise<WorkingProfileView> {
  const person = await loadVisiblePerson(tx, actor, userId);
  const [p] = await tx
    .select()
    .from(staffProfiles)
    .where(and(eq(staffProfiles.tenantId, actor.tenantId), eq(staffProfiles.userId, userId)));
  const absences = p
    ? await tx
        .select()
        .from(repAbsences)
        .where(
          and(
            eq(repAbsences.tenantId, actor.tenantId),
            eq(repAbsences.userId, userId),
            gte(repAbsences.endDate, addDays(todayIn(), -30)),
          ),
        )
        .orderBy(asc(repAbsences.startDate), asc(repAbsences.id))
        .limit(500)
    : [];
  return {
    userId,
    name: person.name,
    role: person.role,
    teamId: person.teamId ?? null,
    start: { address: p?.startAddress ?? null, lat: p?.startLat ?? null, lng: p?.startLng ?? null },
    end: { address: p?.endAddress ?? null, lat: p?.endLat ?? null, lng: p?.endLng ?? null },
    workingWeekdays: [...(p?.workingWeekdays ?? [1, 2, 3, 4, 5])].sort((a, b) => a - b),
    workStart: hhmm(p?.workStartMinute ?? 540),
    workEnd: hhmm(p?.workEndMinute ?? 1080),
    lunchStart: hhmm(p?.lunchStartMinute ?? 720),
    lunchEnd: hhmm(p?.lunchEndMinute ?? 780),
    lunchDurationMinutes: p?.lunchDurationMinutes ?? 45,
    maxVisitsPerDay: p?.maxVisitsPerDay ?? null,
    version: p?.version ?? 1,
    absences: absences.map(absenceView),
  };
}

/** Whether the actor may change this person's working profile: an admin, or a manager of their team. */
export function mayEdit(actor: Actor, person: { userId: string; teamId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'manager' && actor.teamId !== null && person.teamId === actor.teamId;
}
