import { ApiError } from '../../lib/api-error.ts';
import { isOutcomeUnknown, newIdempotencyKey } from '../../lib/idempotency.ts';
import type { OfflineDb, OutboxEntry, OutboxKind } from './offline-db.ts';

/** Pauses before the next try of a write that got no answer or a 5xx: 5 s, 15 s, 1 min, then 5 min. */
export const RETRY_BACKOFF_MS: readonly number[] = [5_000, 15_000, 60_000, 300_000];

export const backoffFor = (attempts: number): number =>
  RETRY_BACKOFF_MS[Math.min(attempts - 1, RETRY_BACKOFF_MS.length - 1)] ?? 0;

/** At most this many writes wait on the phone; a full outbox refuses new ones rather than drop any. */
export const MAX_OUTBOX = 500;

export interface NewWrite {
  kind: OutboxKind;
  method: OutboxEntry['method'];
  path: string;
  body: unknown;
  label: string;
  customerId?: string | null;
  /** Keep the key the draft was first sent with (a resend of the same write). */
  idempotencyKey?: string;
  replaces?: string | null;
  id?: string;
}

export class OutboxFullError extends Error {
  constructor() {
    super('outbox_full');
    this.name = 'OutboxFullError';
  }
}

/**
 * Puts a write on the phone before anything is sent, so it survives a lost answer, a closed tab
 * or a restarted phone. A write that `replaces` an unsent one of the same thing (the same visit's
 * log edited again) takes its place in the order; one that is already being answered is never
 * replaced silently: the older stays and the newer follows it.
 */
export async function enqueueWrite(db: OfflineDb, write: NewWrite, now = new Date()): Promise<OutboxEntry> {
  return db.transaction('rw', db.outbox, async () => {
    const entry: OutboxEntry = {
      id: write.id ?? crypto.randomUUID(),
      kind: write.kind,
      method: write.method,
      path: write.path,
      body: write.body,
      idempotencyKey: write.idempotencyKey ?? newIdempotencyKey(),
      label: write.label,
      customerId: write.customerId ?? null,
      replaces: write.replaces ?? null,
      createdAt: now.toISOString(),
      status: 'pending',
      attempts: 0,
      notBefore: 0,
      error: null,
      current: null,
    };
    if (entry.replaces) {
      const earlier = await db.outbox.where('replaces').equals(entry.replaces).first();
      // A failed or conflicting draft was refused: the new one is its correction. A pending one
      // that never got an answer may have been applied, so it is only replaced when never tried.
      if (earlier && (earlier.status !== 'pending' || earlier.attempts === 0)) {
        await db.outbox.update(earlier.seq as number, { ...entry, seq: earlier.seq });
        return { ...entry, seq: earlier.seq };
      }
    }
    if ((await db.outbox.count()) >= MAX_OUTBOX) throw new OutboxFullError();
    const seq = await db.outbox.add(entry);
    return { ...entry, seq };
  });
}

/** Sends one write; resolves with the server's answer, throws ApiError on failure. */
export type SendWrite = (entry: OutboxEntry) => Promise<unknown>;

export interface FlushResult {
  sent: { entry: OutboxEntry; result: unknown }[];
  failed: OutboxEntry[];
  conflicts: OutboxEntry[];
  /** Still pending: no answer (offline, 5xx) — tried again after the backoff. */
  waiting: number;
}

const errorOf = (error: unknown) =>
  error instanceof ApiError
    ? { status: error.status, code: error.code, message: error.message, fields: error.fields }
    : { status: 0, code: 'network', message: error instanceof Error ? error.message : '', fields: {} };

const conflictCopy = (error: unknown): unknown => (error instanceof ApiError ? error.current : null);

/**
 * Sends the waiting writes in the order they were made, each with its own Idempotency-Key (the
 * server answers a resent key with the first answer, so a write is applied at most once).
 *
 * - success: the entry leaves the outbox;
 * - no answer, 5xx or still in flight: the entry stays, tried again after a backoff, and the
 *   writes after it wait too (they may depend on it: a log after its check-in);
 * - 409 version_conflict: kept as `conflict` with the server's copy, for the rep to choose;
 * - any other 4xx: kept as `failed` with the server's reasons, never dropped.
 */
export async function flushOutbox(db: OfflineDb, send: SendWrite, now = Date.now()): Promise<FlushResult> {
  const result: FlushResult = { sent: [], failed: [], conflicts: [], waiting: 0 };
  const entries = await db.outbox.orderBy('seq').toArray();
  let blocked = false;
  for (const entry of entries) {
    if (entry.status !== 'pending') continue;
    if (blocked || entry.notBefore > now) {
      blocked = true;
      result.waiting++;
      continue;
    }
    try {
      const answer = await send(entry);
      await db.outbox.delete(entry.seq as number);
      result.sent.push({ entry, result: answer });
    } catch (error) {
      const attempts = entry.attempts + 1;
      if (isOutcomeUnknown(error) || !(error instanceof ApiError)) {
        await db.outbox.update(entry.seq as number, {
          attempts,
          notBefore: now + backoffFor(attempts),
          error: errorOf(error),
        });
        blocked = true;
        result.waiting++;
      } else if (error.isConflict) {
        const update = {
          status: 'conflict' as const,
          attempts,
          error: errorOf(error),
          current: conflictCopy(error),
        };
        await db.outbox.update(entry.seq as number, update);
        result.conflicts.push({ ...entry, ...update });
      } else {
        const update = { status: 'failed' as const, attempts, error: errorOf(error) };
        await db.outbox.update(entry.seq as number, update);
        result.failed.push({ ...entry, ...update });
      }
    }
  }
  return result;
}

/**
 * Puts a refused write back in the queue with a corrected body (a new key: it is a new write),
 * e.g. a visit log fixed after a validation error, or a customer edit merged after a conflict.
 */
export async function resubmitWrite(db: OfflineDb, seq: number, body: unknown): Promise<void> {
  await db.outbox.update(seq, {
    body,
    status: 'pending',
    attempts: 0,
    notBefore: 0,
    error: null,
    current: null,
    idempotencyKey: newIdempotencyKey(),
  });
}

/** Retries a pending write now instead of after its backoff. */
export async function retryNow(db: OfflineDb): Promise<void> {
  await db.outbox.where('status').equals('pending').modify({ notBefore: 0 });
}

/** Removes a write the rep chose to throw away (only ever on the rep's own confirmed choice). */
export async function discardWrite(db: OfflineDb, seq: number): Promise<void> {
  await db.outbox.delete(seq);
}
