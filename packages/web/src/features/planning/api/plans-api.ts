import { apiFetch, buildQuery } from '../../../lib/http.ts';
import type {
  CreatePlanBody,
  CreatePlanResult,
  DayChangeResult,
  MoveVisitBody,
  Plan,
  PlanDayList,
  PlannedVisit,
  UnplannedList,
  VisitList,
} from './plan-types.ts';

const planPath = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

export const getLatestPlan = (
  teamId: string | undefined,
  signal?: AbortSignal,
): Promise<{ plan: Plan | null }> =>
  apiFetch<{ plan: Plan | null }>(`/api/plans/latest${buildQuery({ teamId })}`, { signal });

export const getPlan = (id: string, signal?: AbortSignal): Promise<Plan> =>
  apiFetch<Plan>(planPath(id), { signal });

export const getPlanDays = (id: string, signal?: AbortSignal): Promise<PlanDayList> =>
  apiFetch<PlanDayList>(`${planPath(id)}/days`, { signal });

export const getDayVisits = (
  id: string,
  repId: string,
  date: string,
  signal?: AbortSignal,
): Promise<VisitList> =>
  apiFetch<VisitList>(`${planPath(id)}/visits${buildQuery({ repId, date })}`, { signal });

export const getUnplanned = (id: string, signal?: AbortSignal): Promise<UnplannedList> =>
  apiFetch<UnplannedList>(`${planPath(id)}/unplanned`, { signal });

// Writes take the Idempotency-Key of the user action they belong to (see createIdempotentAction).

export const createPlan = (body: CreatePlanBody, idempotencyKey?: string): Promise<CreatePlanResult> =>
  apiFetch<CreatePlanResult>('/api/plans', { method: 'POST', body, idempotencyKey });

export const cancelPlan = (id: string, idempotencyKey?: string): Promise<Plan> =>
  apiFetch<Plan>(`${planPath(id)}/cancel`, { method: 'POST', body: {}, idempotencyKey });

export const pinVisit = (
  planId: string,
  visitId: string,
  body: { pinned: boolean; version: number },
  idempotencyKey?: string,
): Promise<PlannedVisit> =>
  apiFetch<PlannedVisit>(`${planPath(planId)}/visits/${encodeURIComponent(visitId)}/pin`, {
    method: 'POST',
    body,
    idempotencyKey,
  });

export const moveVisit = (
  planId: string,
  visitId: string,
  body: MoveVisitBody,
  idempotencyKey?: string,
): Promise<DayChangeResult> =>
  apiFetch<DayChangeResult>(`${planPath(planId)}/visits/${encodeURIComponent(visitId)}/move`, {
    method: 'POST',
    body,
    idempotencyKey,
  });
