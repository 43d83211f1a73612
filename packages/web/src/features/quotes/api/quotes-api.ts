import { apiFetch, buildQuery, type QueryValue } from '../../../lib/http.ts';
import type {
  AcceptResult,
  Page,
  Quote,
  QuoteBody,
  QuoteListQuery,
  QuoteSummary,
  RoundingMode,
} from './quote-types.ts';

const path = (id: string, rest = '') => `/api/quotes/${encodeURIComponent(id)}${rest}`;

export const listQuotes = (query: QuoteListQuery, signal?: AbortSignal): Promise<Page<QuoteSummary>> =>
  apiFetch<Page<QuoteSummary>>(
    `/api/quotes${buildQuery({ limit: 50, ...(query as Record<string, QueryValue>) })}`,
    { signal },
  );

export const getQuote = (id: string, signal?: AbortSignal): Promise<Quote> =>
  apiFetch<Quote>(path(id), { signal });

export const createQuote = (body: QuoteBody, idempotencyKey: string): Promise<Quote> =>
  apiFetch<Quote>('/api/quotes', { method: 'POST', body, idempotencyKey });

export const updateQuote = (id: string, body: QuoteBody & { version: number }, idempotencyKey: string) =>
  apiFetch<Quote>(path(id), { method: 'PUT', body, idempotencyKey });

export const issueQuote = (id: string, version: number) =>
  apiFetch<Quote>(path(id, '/issue'), { method: 'POST', body: { version } });

export const reviseQuote = (id: string) => apiFetch<Quote>(path(id, '/revise'), { method: 'POST', body: {} });

export const acceptQuote = (id: string, version: number) =>
  apiFetch<AcceptResult>(path(id, '/accept'), { method: 'POST', body: { version } });

export const loseQuote = (id: string, version: number, reason: string) =>
  apiFetch<Quote>(path(id, '/lose'), { method: 'POST', body: { version, reason } });

/** Same-origin link to the 見積書 PDF (the browser downloads it with the session cookie). */
export const quotePdfUrl = (id: string) => path(id, '/pdf');

export const quoteExportUrl = (query: QuoteListQuery, encoding: 'utf8' | 'sjis') =>
  `/api/quotes/export.csv${buildQuery({ ...(query as Record<string, QueryValue>), encoding })}`;

export const quoteKeys = {
  all: ['quotes'] as const,
  lists: ['quotes', 'list'] as const,
  list: (query: QuoteListQuery) => ['quotes', 'list', query] as const,
  one: (id: string) => ['quotes', 'one', id] as const,
};

/** What a new quote takes from the company profile (GET /api/settings/company). */
export interface QuoteDefaults {
  rounding: RoundingMode;
  paymentTerms: string;
  /** Days a new quote stays valid (有効期限 = today + this, Asia/Tokyo); null when unknown. */
  validityDays: number | null;
}

type Profile = { rounding?: RoundingMode; paymentTerms?: string; quoteValidityDays?: number };

export const getQuoteDefaults = async (signal?: AbortSignal): Promise<QuoteDefaults> => {
  const profile = await apiFetch<Profile>('/api/settings/company', { signal }).catch(() => ({}) as Profile);
  return {
    rounding: profile.rounding ?? 'floor',
    paymentTerms: profile.paymentTerms ?? '',
    validityDays: typeof profile.quoteValidityDays === 'number' ? profile.quoteValidityDays : null,
  };
};

/** The visit a quote answers: its customer and 要望 (needs). */
export const getVisitNeeds = async (visitId: string, signal?: AbortSignal) => {
  const visit = await apiFetch<{
    id: string;
    customerId: string;
    customerName: string;
    log: { needs: string } | null;
  }>(`/api/visits/${encodeURIComponent(visitId)}`, { signal });
  return { customerId: visit.customerId, customerName: visit.customerName, needs: visit.log?.needs ?? '' };
};

export const getCustomerName = async (customerId: string, signal?: AbortSignal) => {
  const customer = await apiFetch<{ id: string; name: string }>(
    `/api/customers/${encodeURIComponent(customerId)}`,
    {
      signal,
    },
  );
  return customer.name;
};
