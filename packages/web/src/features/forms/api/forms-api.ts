import type { FormAttachmentType, FormKind } from '@kayoi/server/contracts';
import { apiFetch, buildQuery, type QueryValue } from '../../../lib/http.ts';

export interface FormAttachment {
  contentType: FormAttachmentType;
  size: number;
  sha256: string;
  fileName: string;
  uploadedAt: string;
}

/** One 申込書 as GET /api/forms answers it. */
export interface AppForm {
  id: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  kind: FormKind;
  repId: string;
  repName: string | null;
  collectedOn: string;
  visitId: string | null;
  note: string;
  voidedAt: string | null;
  voidReason: string | null;
  attachment: FormAttachment | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface FormRepCount {
  repId: string;
  repName: string | null;
  count: number;
  byKind: Record<string, number>;
}

export interface FormPage {
  items: AppForm[];
  nextCursor: string | null;
  counts: { total: number; byRep: FormRepCount[] };
}

export interface FormListQuery {
  repId?: string;
  customerId?: string;
  kind?: FormKind;
  from?: string;
  to?: string;
  voided?: 'exclude' | 'include' | 'only';
  limit?: number;
}

const path = (id: string, rest = '') => `/api/forms/${encodeURIComponent(id)}${rest}`;

export const listForms = (query: FormListQuery, signal?: AbortSignal): Promise<FormPage> =>
  apiFetch<FormPage>(`/api/forms${buildQuery({ limit: 100, ...(query as Record<string, QueryValue>) })}`, {
    signal,
  });

export const getForm = (id: string, signal?: AbortSignal): Promise<AppForm> =>
  apiFetch<AppForm>(path(id), { signal });

export const createForm = (body: {
  customerId: string;
  kind: FormKind;
  collectedOn?: string;
  visitId?: string;
  note?: string;
}) => apiFetch<AppForm>('/api/forms', { method: 'POST', body });

export const updateForm = (id: string, body: { version: number; kind?: FormKind; note?: string }) =>
  apiFetch<AppForm>(path(id), { method: 'PATCH', body });

export const voidForm = (id: string, body: { version: number; reason: string }) =>
  apiFetch<AppForm>(path(id, '/void'), { method: 'POST', body });

export const uploadFormAttachment = (id: string, file: File) => {
  const data = new FormData();
  data.set('file', file, file.name);
  return apiFetch<AppForm>(path(id, '/attachment'), { method: 'PUT', body: data });
};

/** The stored photo or PDF (same-origin, with the session cookie): an <img src> or a link. */
export const formAttachmentUrl = (form: Pick<AppForm, 'id' | 'attachment'>) =>
  `${path(form.id, '/attachment')}?v=${form.attachment?.sha256.slice(0, 12) ?? ''}`;

export const formKeys = {
  all: ['forms'] as const,
  lists: ['forms', 'list'] as const,
  list: (query: FormListQuery) => ['forms', 'list', query] as const,
  one: (id: string) => ['forms', 'one', id] as const,
};
