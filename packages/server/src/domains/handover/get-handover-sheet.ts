import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { getBriefing } from '../briefing/get-briefing.ts';
import { getAppointment } from '../planning/book-appointment.ts';
import { handoverSheetNotFound } from './handover-errors.ts';
import type { HandoverSheet } from './handover-schemas.ts';
import { listAssignments, selectSheets } from './list-handover-sheets.ts';
import { handoverSheets } from './tables.ts';

/**
 * One handover sheet as its new rep reads it: the outgoing side's note, the suggested
 * introduction visit, the customer's briefing as of now (cautions, history, open promises,
 * complaints, quotes …) and who had the customer when. 404 when the caller may not see the
 * sheet or (the outgoing rep, after the move) its customer.
 */
export async function getHandoverSheet({
  db,
  actor,
  id,
  now,
}: {
  db: Db;
  actor: Actor;
  id: string;
  now?: Date;
}): Promise<z.output<typeof HandoverSheet>> {
  const found = await withTenant(db, actor, async (tx) => {
    const [sheet] = await selectSheets(tx, actor, eq(handoverSheets.id, id), 1);
    if (!sheet) return null;
    const appointment = sheet.introAppointmentId
      ? await getAppointment(tx, actor, sheet.introAppointmentId)
      : null;
    return {
      sheet,
      assignments: await listAssignments(tx, actor, sheet.customerId),
      introAppointment: appointment && {
        id: appointment.id,
        date: appointment.date,
        startTime: appointment.startTime,
        endTime: appointment.endTime,
        note: appointment.note,
        planId: appointment.planId,
        companionName: appointment.companionId ? sheet.fromRepName : null,
      },
    };
  });
  if (!found) throw handoverSheetNotFound();
  const briefing = await getBriefing({
    db,
    actor,
    customerId: found.sheet.customerId,
    ...(now && { now }),
  }).catch((error: unknown) => {
    if ((error as { status?: number }).status === 404) throw handoverSheetNotFound();
    throw error;
  });
  return {
    ...found.sheet,
    introAppointment: found.introAppointment,
    briefing,
    assignments: found.assignments,
  };
}
