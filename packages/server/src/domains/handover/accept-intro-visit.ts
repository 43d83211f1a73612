import type { z } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { bookAppointment } from '../planning/book-appointment.ts';
import { getHandoverSheet } from './get-handover-sheet.ts';
import { handoverSheetNotFound } from './handover-errors.ts';
import type { HandoverSheet, IntroVisitBody } from './handover-schemas.ts';
import { selectSheets } from './list-handover-sheets.ts';
import { handoverSheets } from './tables.ts';

const alreadyAccepted = () =>
  new AppError(409, 'intro_already_accepted', {
    ja: 'この引き継ぎの紹介訪問はすでに予定に入っています。',
    en: 'The introduction visit of this handover is already in the plan.',
  });

/**
 * Accepts a handover sheet's introduction visit into the new rep's plan: the new rep (or a
 * manager or admin over them) picks the day (default the suggested one), a time window and a
 * note (default 「前任 〇〇さんと同行」), and it becomes an agreed appointment through the
 * planning domain (a fixed visit of the ready plan of that day, or pinned by the next plan built
 * over it). The outgoing rep comes along and is notified. Once per sheet (409 after); the
 * outgoing rep may not accept (403); audited.
 */
export async function acceptIntroVisit({
  db,
  actor,
  sheetId,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  sheetId: string;
  input: z.output<typeof IntroVisitBody>;
  now?: Date;
}): Promise<z.output<typeof HandoverSheet>> {
  const [sheet] = await withTenant(db, actor, (tx) =>
    selectSheets(tx, actor, eq(handoverSheets.id, sheetId), 1),
  );
  if (!sheet) throw handoverSheetNotFound();
  if (actor.role === 'rep' && sheet.toRepId !== actor.userId)
    throw new AppError(403, 'forbidden', {
      ja: '紹介訪問を予定に入れられるのは新しい担当者（またはそのマネージャー）です。',
      en: 'Only the new rep (or their manager) can accept the introduction visit.',
    });
  if (sheet.introAppointmentId) throw alreadyAccepted();
  const note = input.note?.trim() || (sheet.fromRepName ? `前任 ${sheet.fromRepName}さんと同行` : '紹介訪問');
  const appointment = await bookAppointment({
    db,
    actor,
    input: {
      customerId: sheet.customerId,
      repId: sheet.toRepId,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      note,
      companionId: sheet.fromRepId,
    },
    now,
  });
  await withTenant(db, actor, async (tx) => {
    const updated = await tx
      .update(handoverSheets)
      .set({ introAppointmentId: appointment.id })
      .where(
        and(
          eq(handoverSheets.tenantId, actor.tenantId),
          eq(handoverSheets.id, sheetId),
          isNull(handoverSheets.introAppointmentId),
        ),
      )
      .returning({ id: handoverSheets.id });
    if (updated.length === 0) throw alreadyAccepted();
    await recordAudit(tx, actor, [
      {
        table: 'handover_sheets',
        recordId: sheetId,
        action: 'update',
        before: { introAppointmentId: null },
        after: { introAppointmentId: appointment.id, date: input.date, note },
        subject: { table: 'customers', id: sheet.customerId },
      },
    ]);
    // The outgoing rep comes along: they hear which customer, when and with whom.
    if (sheet.fromRepId && sheet.fromRepId !== actor.userId)
      await notify(tx, {
        tenantId: actor.tenantId,
        recipients: [sheet.fromRepId],
        kind: 'companion_visit',
        params: {
          customerName: sheet.customerName,
          date: appointment.date,
          startTime: appointment.startTime,
          endTime: appointment.endTime,
          repName: sheet.toRepName,
        },
        link: '/plan',
        dedupeKey: `companion_visit:${appointment.id}`,
      });
  });
  return getHandoverSheet({ db, actor, id: sheetId, now });
}
