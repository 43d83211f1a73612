import { ApiError } from './api-error.ts';

/** A fresh `Idempotency-Key` for one write. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

/**
 * Whether a failed write may or may not have been applied, so sending it again must reuse its key:
 * no answer at all, a 5xx (the server keeps no answer for those and lets the key run again), or
 * `idempotency_in_flight` (the first attempt is still running).
 */
export const isOutcomeUnknown = (error: unknown): boolean =>
  error instanceof ApiError &&
  (error.status === 0 || error.status >= 500 || error.code === 'idempotency_in_flight');

/**
 * Wraps one kind of user action (save this customer, commit this import) so that its key lives as
 * long as the action does: submitting the same input again after an unknown outcome resends the
 * same key, and the server answers with the first result instead of doing the work twice. A new
 * input, a success or a definite refusal (any 4xx) starts the next action with a fresh key.
 *
 * @example
 * const save = createIdempotentAction((input: CustomerInput, key) => createCustomer(input, key));
 * await save(input).catch(() => save(input)); // the retry sends the same Idempotency-Key
 */
export function createIdempotentAction<I, T>(
  run: (input: I, idempotencyKey: string) => Promise<T>,
): (input: I) => Promise<T> {
  let pending: { fingerprint: string; key: string } | null = null;
  return async (input) => {
    const fingerprint = JSON.stringify(input) ?? '';
    const key = pending?.fingerprint === fingerprint ? pending.key : newIdempotencyKey();
    pending = { fingerprint, key };
    try {
      const result = await run(input, key);
      if (pending?.key === key) pending = null;
      return result;
    } catch (error) {
      if (!isOutcomeUnknown(error) && pending?.key === key) pending = null;
      throw error;
    }
  };
}
