import { ApiError, toApiError } from './api-error.ts';
import { isOutcomeUnknown, newIdempotencyKey } from './idempotency.ts';

let currentLanguage = 'ja';

/** Sets the language sent as `Accept-Language` on every request (kept in step with the UI language). */
export const setRequestLanguage = (language: string): void => {
  currentLanguage = language;
};

export const getRequestLanguage = (): string => currentLanguage;

export type QueryValue = string | number | boolean | null | undefined;

/** Builds a query string, skipping empty values. `buildQuery({ q: 'a', rank: '' })` → `?q=a`. */
export const buildQuery = (params: Record<string, QueryValue>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * The write's `Idempotency-Key`. Without one, each call makes its own; pass the same key to send
   * the same user action again (see `createIdempotentAction`).
   */
  idempotencyKey?: string;
}

/**
 * Pauses before each automatic resend of a write whose outcome is unknown (no connection, a 5xx,
 * or the server still running the first attempt). Safe only because the resend carries the same key.
 */
export const WRITE_RETRY_DELAYS_MS: readonly number[] = [400, 1200];

/** Writes under /api carry an Idempotency-Key; better-auth's own endpoints (/api/auth) do not. */
const takesIdempotencyKey = (path: string, method: HttpMethod): boolean =>
  method !== 'GET' && path.startsWith('/api/') && !path.startsWith('/api/auth/');

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

const send = async <T>(path: string, init: RequestInit): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network', message: '' });
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
};

/**
 * Calls the same-origin API with cookies and the UI language; throws ApiError on any failure.
 *
 * Every write under /api (POST, PATCH, PUT, DELETE; not sign-in/out) sends an `Idempotency-Key`
 * and, when its outcome is unknown, is sent again with that same key, so the server replays the
 * first answer instead of saving twice.
 *
 * @example
 * await apiFetch<Customer>('/api/customers', { method: 'POST', body: input });
 */
export const apiFetch = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const init: RequestInit = { method, headers, body, credentials: 'same-origin', signal: options.signal };
  if (!takesIdempotencyKey(path, method)) return send<T>(path, init);

  headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();
  for (let attempt = 0; ; attempt++) {
    try {
      return await send<T>(path, init);
    } catch (error) {
      const delay = WRITE_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isOutcomeUnknown(error)) throw error;
      await wait(delay, options.signal);
    }
  }
};
