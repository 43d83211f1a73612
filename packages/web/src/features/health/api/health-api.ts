import type { AtRiskPage, AtRiskQuery, CustomerHealth } from '@kayoi/server/contracts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';

export const listAtRisk = (query: AtRiskQuery, signal?: AbortSignal): Promise<AtRiskPage> =>
  apiFetch<AtRiskPage>(
    `/api/customer-health/at-risk${buildQuery(query as Record<string, string | number | undefined>)}`,
    { signal },
  );

export const getCustomerHealth = (customerId: string, signal?: AbortSignal): Promise<CustomerHealth> =>
  apiFetch<CustomerHealth>(`/api/customers/${encodeURIComponent(customerId)}/health`, { signal });

export const healthKeys = {
  all: ['health'] as const,
  list: (query: AtRiskQuery) => ['health', 'at-risk', query] as const,
  customer: (id: string) => ['health', 'customer', id] as const,
};
