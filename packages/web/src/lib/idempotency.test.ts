import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { createIdempotentAction } from './idempotency.ts';

const networkError = () => new ApiError({ status: 0, code: 'network', message: '' });
const refused = () => new ApiError({ status: 422, code: 'validation_failed', message: '' });

/** An action whose calls record the key they were given and fail while `failures` has entries. */
const recordingAction = (failures: ApiError[] = []) => {
  const keys: string[] = [];
  const run = vi.fn(async (_input: { name: string }, key: string) => {
    keys.push(key);
    const failure = failures.shift();
    if (failure) throw failure;
    return 'ok';
  });
  return { action: createIdempotentAction(run), keys };
};

describe('createIdempotentAction', () => {
  it('reuses the key when the same input is sent again after a lost connection', async () => {
    const { action, keys } = recordingAction([networkError()]);
    await expect(action({ name: 'A' })).rejects.toThrow(ApiError);
    await expect(action({ name: 'A' })).resolves.toBe('ok');
    expect(keys[1]).toBe(keys[0]);
  });

  it('reuses the key after a server error (the server kept no answer)', async () => {
    const { action, keys } = recordingAction([new ApiError({ status: 503, code: 'server', message: '' })]);
    await action({ name: 'A' }).catch(() => {});
    await action({ name: 'A' });
    expect(keys[1]).toBe(keys[0]);
  });

  it('uses a new key once the input changed (the same key would be refused as reused)', async () => {
    const { action, keys } = recordingAction([networkError()]);
    await action({ name: 'A' }).catch(() => {});
    await action({ name: 'B' });
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('starts the next action with a new key after a success', async () => {
    const { action, keys } = recordingAction();
    await action({ name: 'A' });
    await action({ name: 'A' });
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('starts over with a new key after a definite refusal', async () => {
    const { action, keys } = recordingAction([refused()]);
    await action({ name: 'A' }).catch(() => {});
    await action({ name: 'A' });
    expect(keys[1]).not.toBe(keys[0]);
  });
});
