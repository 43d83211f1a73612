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
import { apiFetch, buildQuery } from '../../../lib/http.ts';

/** GET /api/today?date= (default today, Asia/Tokyo). */
export const getToday = (date: string | null, signal?: AbortSignal): Promise<Today> =>
  apiFetch<Today>(`/api/today${buildQuery({ date })}`, { signal });

export const getVisitTemplates = (signal?: AbortSignal): Promise<VisitTemplateList> =>
  apiFetch<VisitTemplateList>('/api/visit-templates', { signal });

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
  apiFetch<FollowupList>(`/api/followups${buildQuery({ scope: 'team', customerId, limit: 50 })}`, { signal });

export const visitKeys = {
  today: (date: string | null) => ['today', date ?? 'today'] as const,
  allToday: ['today'] as const,
  templates: ['visit-templates'] as const,
};
