import type { CompanyProfile, CompanyProfileBody } from '@kayoi/server/contracts';
import { apiFetch } from '../../../lib/http.ts';

export type { CompanyProfile, CompanyProfileBody };

export const getCompanyProfile = (signal?: AbortSignal): Promise<CompanyProfile> =>
  apiFetch<CompanyProfile>('/api/settings/company', { signal });

export const updateCompanyProfile = (
  input: CompanyProfileBody,
  idempotencyKey?: string,
): Promise<CompanyProfile> =>
  apiFetch<CompanyProfile>('/api/settings/company', { method: 'PATCH', body: input, idempotencyKey });

export const uploadCompanySeal = (file: File, idempotencyKey?: string): Promise<CompanyProfile> => {
  const form = new FormData();
  form.append('file', file);
  return apiFetch<CompanyProfile>('/api/settings/company/seal', {
    method: 'POST',
    body: form,
    idempotencyKey,
  });
};

export const deleteCompanySeal = (idempotencyKey?: string): Promise<CompanyProfile> =>
  apiFetch<CompanyProfile>('/api/settings/company/seal', { method: 'DELETE', idempotencyKey });

/** The seal image's address; `updatedAt` makes a replaced seal a new URL (no stale cached image). */
export const companySealUrl = (updatedAt: string): string =>
  `/api/settings/company/seal?v=${encodeURIComponent(updatedAt)}`;
