import type { SolverErrorCode } from '../model/solver-error.ts';
import type { Progress } from '../search/iterated-local-search.ts';
import type { Solution } from '../solution/solution.ts';

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; solution: Solution; cancelled: boolean }
  | { type: 'error'; code?: SolverErrorCode; message: string };
