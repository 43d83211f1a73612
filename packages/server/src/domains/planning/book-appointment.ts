import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { addAppointment } from './change-plan-day.ts';
import { loadRepDayProfiles } from './day-schedule.ts';
import { getRepWorkingDays } from './get-rep-working-days.ts';
import { appointments, planDays, plans } from './tables.ts';
import type { IsoDate } from './working-days.ts';

export const MAX_APPOINTMENT_NOTE = 200;

export interface BookAppointmentInput {
  customerId: string;
  repId: string;
  date: IsoDate;
  /** HH:MM, Asia/Tokyo. */
  startTime: string;
  /** HH:MM, Asia/Tokyo; after startTime. */
  endTime: string;
  note: string;
  companionId?: string | null;
}

/** An agreed appointment as its rep (or companion) sees it. */
export interface AppointmentView {
  id: string;
  customerId: string;
  repId: string;
  date: string;
  startTime: string;
  endTime: string;
  note: string;
  companionId: string | null;
  /** The plan it is a fixed visit of, or null until a plan over that day is built. */
  planId: string | null;
  plannedVisitId: string | null;
  createdAt: string;
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minutesOf = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};

const toView = (row: typeof appointments.$inferSelect): AppointmentView => ({
  id: row.id,
  customerId: row.customerId,
  repId: row.repId,
  date: row.date,
  startTime: hhmm(row.startMinute),
  endTime: hhmm(row.endMinute),
  note: row.note,
  companionId: row.companionId,
  planId: row.planId,
  plannedVisitId: row.plannedVisitId,
  createdAt: row.createdAt.toISOString(),
});

/** One appointment the caller may see (their scope's rep, or they come along), or null. */
export async function getAppointment(tx: Tx, actor: Actor, id: string): Promise<AppointmentView | null> {
  const [row] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.tenantId, actor.tenantId), eq(appointments.id, id)));
  return row ? toView(row) : null;
}

/**
 * Books an agreed appointment (アポイント) of a rep with a customer on a day in a time window. A
 * ready plan with that rep's day gets it at once as a fixed visit at its start (the planning
 * rule of addAppointment: inside the rep's hours, beside the lunch, the day re-sequenced); with
 * no plan over that day yet it waits, and the next plan built over it pins it there. 422 names
 * `date` (not a day the rep works), `startTime`/`endTime`; audited. Runs its own transactions:
 * call it outside one.
 */
export async function bookAppointment({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  input: BookAppointmentInput;
  now?: Date;
}): Promise<AppointmentView> {
  const startMinute = minutesOf(input.startTime);
  const endMinute = minutesOf(input.endTime);
  if (endMinute <= startMinute)
    throw validationFailed({
      endTime: { ja: '終了時刻は開始時刻より後にしてください。', en: 'The end must be after the start.' },
    });
  if (endMinute - startMinute > 480)
    throw validationFailed({
      endTime: { ja: '8時間以内の枠にしてください。', en: 'Keep the window within 8 hours.' },
    });
  const [horizon] = await getRepWorkingDays({
    db,
    actor,
    repIds: [input.repId],
    startDate: input.date,
    days: 1,
  });
  const day = horizon?.days.find((d) => d.date === input.date);
  if (!day?.working) {
    const label = day?.label ? `（${day.label}）` : '';
    throw validationFailed({
      date: {
        ja: `担当者の勤務日ではありません${label}。`,
        en: `The rep does not work that day${day?.label ? ` (${day.label})` : ''}.`,
      },
    });
  }
  const [plan, profile] = await withTenant(db, actor, async (tx) => {
    const found = await tx
      .select({ planId: plans.id })
      .from(planDays)
      .innerJoin(plans, and(eq(plans.tenantId, planDays.tenantId), eq(plans.id, planDays.planId)))
      .where(
        and(
          eq(planDays.tenantId, actor.tenantId),
          eq(planDays.repId, input.repId),
          eq(planDays.date, input.date),
          eq(plans.status, 'ready'),
        ),
      )
      .orderBy(desc(plans.createdAt))
      .limit(1);
    const profiles = await loadRepDayProfiles(tx, actor.tenantId, [input.repId]);
    return [found[0] ?? null, profiles.get(input.repId) ?? null] as const;
  });
  if (profile && (startMinute < profile.workStartMinute || startMinute >= profile.workEndMinute))
    throw validationFailed({
      startTime: {
        ja: `担当者の勤務時間（${hhmm(profile.workStartMinute)}〜${hhmm(profile.workEndMinute)}）内の時刻を選んでください。`,
        en: `Choose a time within the rep's working hours (${hhmm(profile.workStartMinute)}–${hhmm(profile.workEndMinute)}).`,
      },
    });
  let placed: { planId: string; visitId: string } | null = null;
  if (plan) {
    const change = await addAppointment({
      db,
      actor,
      planId: plan.planId,
      customerId: input.customerId,
      repId: input.repId,
      date: input.date,
      startTime: input.startTime,
      // The visit itself is the customer's usual length; the window is what was agreed.
      durationMinutes: undefined,
      ownDay: true,
    });
    placed = { planId: plan.planId, visitId: change.visit.id };
  }
  return withTenant(db, actor, async (tx) => {
    const row = {
      tenantId: actor.tenantId,
      id: randomUUID(),
      customerId: input.customerId,
      repId: input.repId,
      date: input.date,
      startMinute,
      endMinute,
      note: input.note.trim().slice(0, MAX_APPOINTMENT_NOTE),
      companionId: input.companionId ?? null,
      planId: placed?.planId ?? null,
      plannedVisitId: placed?.visitId ?? null,
      createdBy: actor.userId,
      createdAt: now,
    };
    const [inserted] = await tx.insert(appointments).values(row).returning();
    await recordAudit(tx, actor, [
      {
        table: 'appointments',
        recordId: row.id,
        action: 'create',
        before: null,
        after: {
          customerId: row.customerId,
          repId: row.repId,
          date: row.date,
          startTime: input.startTime,
          endTime: input.endTime,
          note: row.note,
          companionId: row.companionId,
          planId: row.planId,
        },
        subject: { table: 'customers', id: row.customerId },
      },
    ]);
    return toView(inserted as typeof appointments.$inferSelect);
  });
}
