import type { Db } from '../db/database.ts';
import type { Job, JobHandler } from './job-queue.ts';
import { finishJob, jobStateOf, requeueJob, setProgress } from './job-store.ts';

/** Why a run's signal fired. */
export class JobCancelledError extends Error {
  override name = 'JobCancelledError';
}
export class QueueStoppingError extends Error {
  override name = 'QueueStoppingError';
}

export type RunOutcome = 'completed' | 'failed' | 'cancelled' | 'interrupted';

export interface RunJobOptions {
  db: Db;
  job: Job<unknown, null>;
  handler: JobHandler<unknown, unknown>;
  /** Aborted (with QueueStoppingError) when the queue stops without waiting any longer. */
  stopping: AbortSignal;
  /** How often the job's row is read to see a cancel made on another instance. */
  cancelPollMs: number;
  onError?: (error: unknown) => void;
}

/**
 * Runs one claimed job to its end, the same way in both implementations: progress goes to the
 * row; a cancel (seen in the row, from any instance) or a stop aborts the handler's signal; the
 * outcome is written unless the job was cancelled meanwhile. An interrupted job is queued again.
 */
export async function runJob({
  db,
  job,
  handler,
  stopping,
  cancelPollMs,
  onError,
}: RunJobOptions): Promise<RunOutcome> {
  const controller = new AbortController();
  const abort = (reason: Error) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onStopping = () => abort(new QueueStoppingError('the job queue is stopping'));
  if (stopping.aborted) onStopping();
  stopping.addEventListener('abort', onStopping, { once: true });
  let polling = false;
  const poll = setInterval(() => {
    if (polling) return;
    polling = true;
    jobStateOf(db, job.id)
      .then((state) => {
        if (state === 'cancelled') abort(new JobCancelledError('the job was cancelled'));
      })
      .catch((error) => onError?.(error))
      .finally(() => {
        polling = false;
      });
  }, cancelPollMs);
  poll.unref?.();

  // Latest wins: while one write is on its way, further reports replace each other, so a handler
  // may report as often as it likes (the solver reports on every improvement).
  let pending: { fraction: number; message: string | null } | null = null;
  let writes: Promise<void> = Promise.resolve();
  let flushing = false;
  const reportProgress = (fraction: number, message?: string) => {
    const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
    pending = { fraction: clamped, message: message ?? null };
    if (!flushing) {
      flushing = true;
      writes = (async () => {
        while (pending) {
          const next = pending;
          pending = null;
          await setProgress(db, job.id, next.fraction, next.message).catch((error) => onError?.(error));
        }
        flushing = false;
      })();
    }
    return writes;
  };

  try {
    const result = await handler(job, { reportProgress, signal: controller.signal });
    await writes;
    // A handler that returns (even while being stopped or cancelled) has its result recorded,
    // unless the job was cancelled: finishJob leaves a cancelled job as it is.
    await finishJob(db, job.id, { state: 'completed', result });
    return (await jobStateOf(db, job.id)) === 'cancelled' ? 'cancelled' : 'completed';
  } catch (error) {
    await writes;
    if (controller.signal.reason instanceof QueueStoppingError) {
      await requeueJob(db, job.id);
      return 'interrupted';
    }
    if ((await jobStateOf(db, job.id)) === 'cancelled') return 'cancelled';
    await finishJob(db, job.id, {
      state: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
    return 'failed';
  } finally {
    clearInterval(poll);
    stopping.removeEventListener('abort', onStopping);
  }
}

/** Whether `promise` settles within `ms` milliseconds. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return settled;
}
