import type {
  Complaint,
  ComplaintActionBody,
  ComplaintDetail,
  ComplaintListQuery,
  ComplaintPage,
  CreateComplaintBody,
  FieldToday,
} from '@kayoi/server/contracts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';

export const listComplaints = (query: ComplaintListQuery, signal?: AbortSignal): Promise<ComplaintPage> =>
  apiFetch<ComplaintPage>(
    `/api/complaints${buildQuery({ limit: 50, ...(query as Record<string, string | number | undefined>) })}`,
    { signal },
  );

export const getComplaint = (id: string, signal?: AbortSignal): Promise<ComplaintDetail> =>
  apiFetch<ComplaintDetail>(`/api/complaints/${encodeURIComponent(id)}`, { signal });

export const createComplaint = (body: CreateComplaintBody, idempotencyKey: string): Promise<Complaint> =>
  apiFetch<Complaint>('/api/complaints', { method: 'POST', body, idempotencyKey });

export const actOnComplaint = (
  id: string,
  body: ComplaintActionBody,
  idempotencyKey: string,
): Promise<ComplaintDetail> =>
  apiFetch<ComplaintDetail>(`/api/complaints/${encodeURIComponent(id)}/actions`, {
    method: 'POST',
    body,
    idempotencyKey,
  });

export const getFieldToday = (signal?: AbortSignal): Promise<FieldToday> =>
  apiFetch<FieldToday>('/api/field/today', { signal });

export const complaintKeys = {
  all: ['complaints'] as const,
  lists: ['complaints', 'list'] as const,
  list: (query: ComplaintListQuery) => ['complaints', 'list', query] as const,
  one: (id: string) => ['complaints', 'one', id] as const,
  field: ['field', 'today'] as const,
};
