import { Worker } from 'node:worker_threads';
import { describeSolverErrorCode, SolverError, SolverErrorCode } from '../model/solver-error.ts';
import type { ProblemInput } from '../model/types.ts';
import type { Progress } from '../search/iterated-local-search.ts';
import type { Solution } from '../solution/solution.ts';
import type { SolveOptions } from '../solve.ts';
import type { WorkerMessage } from './worker-messages.ts';

export interface SolveInWorkerOptions extends Omit<SolveOptions, 'onProgress' | 'signal'> {
  /** Called with the best objective so far (at most every progressIntervalMs). */
  onProgress?: (progress: Progress) => void;
  progressIntervalMs?: number;
  /** Aborting stops the search; the promise then resolves with the best solution so far. */
  signal?: AbortSignal;
}

export interface WorkerSolve {
  /** Resolves with the solution (also after cancel()), rejects with SolverError on bad input. */
  readonly solution: Promise<Solution>;
  /** Stops the search early; the best solution found so far is returned. */
  cancel(): void;
  /** Kills the thread at once; the promise rejects with code CANCELLED. */
  terminate(): Promise<void>;
}

/**
 * Runs solve() on a worker thread so the caller's event loop stays free.
 *
 * @example
 * const run = solveInWorker(problem, { timeLimitSeconds: 10, onProgress: (p) => console.log(p.objective.cost) });
 * setTimeout(() => run.cancel(), 2000); // keep what was found in 2 s
 * const solution = await run.solution;
 */
export function solveInWorker(input: ProblemInput, options: SolveInWorkerOptions = {}): WorkerSolve {
  const { onProgress, progressIntervalMs = 200, signal, ...solveOptions } = options;
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
    workerData: { input, options: solveOptions, cancelFlag, progressIntervalMs },
  });
  const cancel = () => Atomics.store(flag, 0, 1);
  signal?.addEventListener('abort', cancel, { once: true });
  let settled = false;
  const solution = new Promise<Solution>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.progress);
      } else if (message.type === 'result') {
        settled = true;
        resolve(message.solution);
        void worker.terminate();
      } else {
        settled = true;
        const code = message.code;
        if (code) {
          const prefix = `${describeSolverErrorCode(code)}: `;
          const detail = message.message.startsWith(prefix)
            ? message.message.slice(prefix.length)
            : message.message;
          reject(new SolverError(code, detail));
        } else {
          reject(new Error(message.message));
        }
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    worker.on('exit', () => {
      signal?.removeEventListener('abort', cancel);
      if (settled) return;
      settled = true;
      reject(new SolverError(SolverErrorCode.Cancelled, 'the solver thread was terminated'));
    });
  });
  return {
    solution,
    cancel,
    terminate: async () => {
      await worker.terminate();
    },
  };
}
