import type { CustomerSignals } from '@kayoi/server/contracts';
import { apiFetch } from '../../../lib/http.ts';

/** GET /api/customers/:id/signals: reorder predictions and cross-sell suggestions. */
export const getCustomerSignals = (customerId: string, signal?: AbortSignal): Promise<CustomerSignals> =>
  apiFetch<CustomerSignals>(`/api/customers/${encodeURIComponent(customerId)}/signals`, { signal });

export const signalsKeys = {
  customer: (customerId: string) => ['signals', customerId] as const,
};
