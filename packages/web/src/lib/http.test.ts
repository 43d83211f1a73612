import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { apiFetch } from './http.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** fetch answering from a queue (a function throws to simulate a dropped connection), recording every call. */
const stubFetch = (...answers: (Response | (() => never))[]) => {
  const mock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = answers.shift() ?? json({});
    return typeof next === 'function' ? next() : next;
  });
  vi.stubGlobal('fetch', mock);
  return mock;
};

const dropped = () => {
  throw new TypeError('Failed to fetch');
};

const keyOf = (mock: ReturnType<typeof stubFetch>, call: number) =>
  new Headers(mock.mock.calls[call]?.[1]?.headers).get('Idempotency-Key');

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('apiFetch idempotency keys', () => {
  it('sends a fresh Idempotency-Key with every write, a different one per call', async () => {
    const fetch = stubFetch();
    await apiFetch('/api/customers', { method: 'POST', body: { name: 'A' } });
    await apiFetch('/api/customers/c1', { method: 'PATCH', body: { version: 1 } });
    await apiFetch('/api/customers/c1/contacts/k1', { method: 'PUT', body: {} });
    await apiFetch('/api/customers/c1', { method: 'DELETE' });
    const keys = [0, 1, 2, 3].map((call) => keyOf(fetch, call));
    for (const key of keys) expect(key).toMatch(UUID);
    expect(new Set(keys).size).toBe(4);
  });

  it('sends no key on reads', async () => {
    const fetch = stubFetch();
    await apiFetch('/api/customers?limit=50');
    await apiFetch('/api/customers/c1/history', { method: 'GET' });
    expect(keyOf(fetch, 0)).toBeNull();
    expect(keyOf(fetch, 1)).toBeNull();
  });

  it('leaves better-auth sign-in and sign-out alone', async () => {
    const fetch = stubFetch();
    await apiFetch('/api/auth/sign-in/email', { method: 'POST', body: { email: 'a@b.jp', password: 'x' } });
    await apiFetch('/api/auth/sign-out', { method: 'POST', body: {} });
    expect(keyOf(fetch, 0)).toBeNull();
    expect(keyOf(fetch, 1)).toBeNull();
  });

  it('resends a write whose connection dropped with the same key', async () => {
    const fetch = stubFetch(dropped, json({ id: 'c9' }, 201));
    const saved = apiFetch<{ id: string }>('/api/customers', { method: 'POST', body: { name: 'A' } });
    await vi.runAllTimersAsync();
    await expect(saved).resolves.toEqual({ id: 'c9' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(keyOf(fetch, 1)).toBe(keyOf(fetch, 0));
    expect(fetch.mock.calls[1]?.[1]?.body).toBe(fetch.mock.calls[0]?.[1]?.body);
  });

  it('waits out idempotency_in_flight with the same key until the first answer is replayed', async () => {
    const inFlight = json({ error: { code: 'idempotency_in_flight', message: '処理中です' } }, 409);
    const fetch = stubFetch(inFlight, json({ created: 3, updated: 0 }));
    const committed = apiFetch('/api/customers/import/i1/commit', { method: 'POST', body: {} });
    await vi.runAllTimersAsync();
    await expect(committed).resolves.toEqual({ created: 3, updated: 0 });
    expect(keyOf(fetch, 1)).toBe(keyOf(fetch, 0));
  });

  it('gives up after two resends and reports the network failure', async () => {
    const fetch = stubFetch(dropped, dropped, dropped, json({}));
    const saved = apiFetch('/api/customers', { method: 'POST', body: {} });
    const outcome = saved.catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = await outcome;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('network');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('does not resend a refused write (a 4xx is the answer)', async () => {
    const fetch = stubFetch(json({ error: { code: 'version_conflict', message: '' } }, 409));
    await expect(apiFetch('/api/customers/c1', { method: 'PATCH', body: { version: 1 } })).rejects.toThrow(
      ApiError,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends the key it is given, so a caller can resend the same action', async () => {
    const fetch = stubFetch();
    await apiFetch('/api/customers', { method: 'POST', body: {}, idempotencyKey: 'k-123' });
    expect(keyOf(fetch, 0)).toBe('k-123');
  });
});
