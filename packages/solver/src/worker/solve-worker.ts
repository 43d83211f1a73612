import { parentPort, workerData } from 'node:worker_threads';
import { SolverError } from '../model/solver-error.ts';
import type { ProblemInput } from '../model/types.ts';
import type { PeriodicProblem } from '../periodic/periodic-problem.ts';
import { type SolvePeriodicOptions, solvePeriodic } from '../periodic/solve-periodic.ts';
import { type SolveOptions, solve } from '../solve.ts';
import type { WorkerKind, WorkerMessage } from './worker-messages.ts';

interface WorkerRequest {
  kind: WorkerKind;
  input: ProblemInput | PeriodicProblem;
  options: Omit<SolveOptions & SolvePeriodicOptions, 'onProgress' | 'signal'>;
  cancelFlag: SharedArrayBuffer;
  progressIntervalMs: number;
}

const request = workerData as WorkerRequest;
const cancelled = new Int32Array(request.cancelFlag);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
let lastProgress = 0;
try {
  const signal = {
    get aborted() {
      return Atomics.load(cancelled, 0) === 1;
    },
  } as AbortSignal;
  const onProgress = (progress: Extract<WorkerMessage, { type: 'progress' }>['progress']) => {
    const now = performance.now();
    if (now - lastProgress < request.progressIntervalMs) return;
    lastProgress = now;
    post({ type: 'progress', progress });
  };
  const solution =
    request.kind === 'periodic'
      ? solvePeriodic(request.input as PeriodicProblem, { ...request.options, signal, onProgress })
      : solve(request.input as ProblemInput, { ...request.options, signal, onProgress });
  post({ type: 'result', solution, cancelled: Atomics.load(cancelled, 0) === 1 });
} catch (error) {
  if (error instanceof SolverError) {
    post({ type: 'error', code: error.code, message: error.message });
  } else {
    post({ type: 'error', message: (error as Error).message ?? String(error) });
  }
}
