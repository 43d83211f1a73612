import type {
  CheckInBody,
  CheckOutBody,
  Followup,
  FollowupList,
  SkipBody,
  Stop,
  Today,
  Visit,
  VisitLogBody,
  VisitTemplateList,
} from '@kayoi/server/contracts';
import { tokyoDateKey } from '../../../lib/format.ts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';
import { offlineDb } from '../../offline/offline-db.ts';
import { offlineFirst, snapshotKeys } from '../../offline/snapshots.ts';
import { applyPendingToToday } from '../../offline/today-overlay.ts';

/**
 * GET /api/today?date= (default today, Asia/Tokyo); with no signal, the copy stored this morning.
 * Either way with the writes still waiting on the phone applied (a check-in made offline shows).
 */
export const getToday = async (date: string | null, signal?: AbortSignal): Promise<Today> => {
  const day = await offlineFirst(snapshotKeys.today(date ?? tokyoDateKey(new Date())), () =>
    apiFetch<Today>(`/api/today${buildQuery({ date })}`, { signal }),
  );
  const waiting = await offlineDb()
    .outbox.toArray()
    .catch(() => []);
  return applyPendingToToday(day, waiting);
};

export const getVisitTemplates = (signal?: AbortSignal): Promise<VisitTemplateList> =>
  offlineFirst(snapshotKeys.templates, () => apiFetch<VisitTemplateList>('/api/visit-templates', { signal }));

/** POST /api/visits: the body's client-made id makes a retry answer the same visit. */
export const checkIn = (body: CheckInBody, idempotencyKey: string): Promise<Visit> =>
  apiFetch<Visit>('/api/visits', { method: 'POST', body, idempotencyKey });

export const checkOut = (visitId: string, body: CheckOutBody, idempotencyKey: string): Promise<Visit> =>
  apiFetch<Visit>(`/api/visits/${encodeURIComponent(visitId)}/check-out`, {
    method: 'POST',
    body,
    idempotencyKey,
  });

export const saveVisitLog = (visitId: string, body: VisitLogBody, idempotencyKey: string): Promise<Visit> =>
  apiFetch<Visit>(`/api/visits/${encodeURIComponent(visitId)}/log`, { method: 'PUT', body, idempotencyKey });

export const skipStop = (body: SkipBody, idempotencyKey: string): Promise<Stop> =>
  apiFetch<Stop>('/api/visits/skip', { method: 'POST', body, idempotencyKey });

export const markFollowupDone = (id: string, version: number, idempotencyKey: string): Promise<Followup> =>
  apiFetch<Followup>(`/api/followups/${encodeURIComponent(id)}/done`, {
    method: 'POST',
    body: { version },
    idempotencyKey,
  });

export const listFollowups = (customerId: string, signal?: AbortSignal): Promise<FollowupList> =>
  offlineFirst(snapshotKeys.followups(customerId), () =>
    apiFetch<FollowupList>(`/api/followups${buildQuery({ scope: 'team', customerId, limit: 50 })}`, {
      signal,
    }),
  );

export const visitKeys = {
  today: (date: string | null) => ['today', date ?? 'today'] as const,
  allToday: ['today'] as const,
  templates: ['visit-templates'] as const,
};
