import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error.ts';
import { createQueryClient } from './query-client.ts';

const unauthorized = () =>
  new ApiError({ status: 401, code: 'unauthenticated', message: 'ログインしてください。' });

describe('createQueryClient', () => {
  it('sends the user to sign in when a data request finds the session gone', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient(onUnauthorized);
    await client
      .fetchQuery({ queryKey: ['customers'], queryFn: () => Promise.reject(unauthorized()) })
      .catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('leaves the /api/me check to the router (it is how signed-out visitors are detected)', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient(onUnauthorized);
    await client
      .fetchQuery({ queryKey: ['me'], queryFn: () => Promise.reject(unauthorized()) })
      .catch(() => {});
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('retries server and network failures twice, never client errors such as 404', () => {
    const retry = createQueryClient(() => {}).getDefaultOptions().queries?.retry as (
      failureCount: number,
      error: unknown,
    ) => boolean;
    const notFound = new ApiError({ status: 404, code: 'not_found', message: '' });
    const serverError = new ApiError({ status: 500, code: 'internal', message: '' });
    expect(retry(0, notFound)).toBe(false);
    expect(retry(0, serverError)).toBe(true);
    expect(retry(1, serverError)).toBe(true);
    expect(retry(2, serverError)).toBe(false);
  });
});
