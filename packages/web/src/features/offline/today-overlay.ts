import type { CheckInBody, CheckOutBody, SkipBody, Stop, Today, VisitLogBody } from '@kayoi/server/contracts';
import type { OutboxEntry } from './offline-db.ts';

const visitIdOf = (path: string): string | null => {
  const match = /^\/api\/visits\/([^/]+)\/(?:log|check-out)$/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
};
const followupIdOf = (path: string): string | null => {
  const match = /^\/api\/followups\/([^/]+)\/done$/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
};

const applyOne = (today: Today, entry: OutboxEntry): Today => {
  const change = (find: (stop: Stop) => boolean, patch: (stop: Stop) => Stop): Today => ({
    ...today,
    stops: today.stops.map((stop) => (find(stop) ? patch(stop) : stop)),
  });
  switch (entry.kind) {
    case 'check-in': {
      const body = entry.body as CheckInBody;
      const planned = body.plannedVisitId
        ? today.stops.find((stop) => stop.plannedVisitId === body.plannedVisitId)
        : undefined;
      // An unplanned visit made offline has no row in the stored day; it shows in the 未送信 list.
      if (!planned) return today;
      return change(
        (stop) => stop === planned,
        (stop) => ({
          ...stop,
          visitId: body.id,
          status: 'checked_in',
          checkInAt: body.at ?? entry.createdAt,
        }),
      );
    }
    case 'check-out': {
      const visitId = visitIdOf(entry.path);
      const body = entry.body as CheckOutBody;
      return change(
        (stop) => stop.visitId === visitId,
        (stop) => ({ ...stop, status: 'done', checkOutAt: body.at ?? entry.createdAt }),
      );
    }
    case 'visit-log': {
      const visitId = visitIdOf(entry.path);
      const body = entry.body as VisitLogBody;
      return change(
        (stop) => stop.visitId === visitId,
        (stop) => ({
          ...stop,
          status: body.checkOut === false ? stop.status : 'done',
          checkOutAt: body.checkOut === false ? stop.checkOutAt : (stop.checkOutAt ?? entry.createdAt),
          log: {
            outcome: body.outcome,
            satisfaction: body.satisfaction ?? null,
            notes: (body.notes ?? '').slice(0, 120),
            promises: body.promises?.length ?? 0,
          },
        }),
      );
    }
    case 'skip': {
      const body = entry.body as SkipBody;
      return change(
        (stop) => stop.plannedVisitId === body.plannedVisitId,
        (stop) => ({
          ...stop,
          status: 'skipped',
          skip: { code: body.reason.code, note: body.reason.note ?? '' },
        }),
      );
    }
    case 'followup-done': {
      const id = followupIdOf(entry.path);
      return {
        ...today,
        alerts: {
          ...today.alerts,
          overdueFollowups: today.alerts.overdueFollowups.filter((f) => f.id !== id),
        },
      };
    }
    default:
      return today;
  }
};

/**
 * The day as the rep made it: the server's copy (or the one stored this morning) with the writes
 * still waiting on the phone applied — a check-in made offline shows as checked in, a log as done.
 * Refused writes (failed, conflict) are not applied: the screen shows what the server holds and
 * the 未送信 list what it refused.
 */
export const applyPendingToToday = (today: Today, entries: readonly OutboxEntry[]): Today =>
  entries.filter((entry) => entry.status === 'pending').reduce(applyOne, today);
