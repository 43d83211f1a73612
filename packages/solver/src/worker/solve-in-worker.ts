import { Worker } from 'node:worker_threads';
import { describeSolverErrorCode, SolverError, SolverErrorCode } from '../model/solver-error.ts';
import type { ProblemInput } from '../model/types.ts';
import type { PeriodicProblem } from '../periodic/periodic-problem.ts';
import type { PeriodicProgress } from '../periodic/periodic-search.ts';
import type { PeriodicSolution } from '../periodic/periodic-solution.ts';
import type { SolvePeriodicOptions } from '../periodic/solve-periodic.ts';
import type { Progress } from '../search/iterated-local-search.ts';
import type { Solution } from '../solution/solution.ts';
import type { SolveOptions } from '../solve.ts';
import type { WorkerKind, WorkerMessage } from './worker-messages.ts';

export interface SolveInWorkerOptions extends Omit<SolveOptions, 'onProgress' | 'signal'> {
  /** Called with the best objective so far (at most every progressIntervalMs). */
  onProgress?: (progress: Progress) => void;
  progressIntervalMs?: number;
  /** Aborting stops the search; the promise then resolves with the best solution so far. */
  signal?: AbortSignal;
}

export interface SolvePeriodicInWorkerOptions extends Omit<SolvePeriodicOptions, 'onProgress' | 'signal'> {
  onProgress?: (progress: PeriodicProgress) => void;
  progressIntervalMs?: number;
  signal?: AbortSignal;
}

export interface WorkerSolve<T = Solution> {
  /** Resolves with the solution (also after cancel()), rejects with SolverError on bad input. */
  readonly solution: Promise<T>;
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
  return runInWorker<Solution, Progress>('route', input, options);
}

/**
 * Runs solvePeriodic() on a worker thread, with progress and cancellation as solveInWorker.
 *
 * @example
 * const run = solvePeriodicInWorker(problem, { timeLimitMs: 30_000, objective: 'service' });
 * const plan = await run.solution;
 */
export function solvePeriodicInWorker(
  problem: PeriodicProblem,
  options: SolvePeriodicInWorkerOptions = {},
): WorkerSolve<PeriodicSolution> {
  return runInWorker<PeriodicSolution, PeriodicProgress>('periodic', problem, options);
}

function runInWorker<T, P>(
  kind: WorkerKind,
  input: ProblemInput | PeriodicProblem,
  options: { onProgress?: (progress: P) => void; progressIntervalMs?: number; signal?: AbortSignal },
): WorkerSolve<T> {
  const { onProgress, progressIntervalMs = 200, signal, ...solveOptions } = options;
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
    workerData: { kind, input, options: solveOptions, cancelFlag, progressIntervalMs },
  });
  const cancel = () => Atomics.store(flag, 0, 1);
  signal?.addEventListener('abort', cancel, { once: true });
  let settled = false;
  const solution = new Promise<T>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.progress as P);
      } else if (message.type === 'result') {
        settled = true;
        resolve(message.solution as T);
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
