import type { SolverErrorCode } from '../model/solver-error.ts';
import type { PeriodicProgress } from '../periodic/periodic-search.ts';
import type { PeriodicSolution } from '../periodic/periodic-solution.ts';
import type { Progress } from '../search/iterated-local-search.ts';
import type { Solution } from '../solution/solution.ts';

/** Which solver the worker runs. */
export type WorkerKind = 'route' | 'periodic';

export type WorkerMessage =
  | { type: 'progress'; progress: Progress | PeriodicProgress }
  | { type: 'result'; solution: Solution | PeriodicSolution; cancelled: boolean }
  | { type: 'error'; code?: SolverErrorCode; message: string };
