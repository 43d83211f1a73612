export type { CordeauAnswer, CordeauInstance, CordeauNode } from './io/cordeau.ts';
export {
  combinationDays,
  cordeauAnswer,
  cordeauToProblem,
  isCordeauText,
  parseCordeau,
} from './io/cordeau.ts';
export type { SolomonAnswer, SolomonInstance } from './io/solomon.ts';
export { isSolomonText, parseSolomon, solomonAnswer, solomonToProblem } from './io/solomon.ts';
export type { VroomInput } from './io/vroom.ts';
export { isVroomInput, solutionToVroom, vroomToProblem } from './io/vroom.ts';
export { describeSolverErrorCode, SolverError, SolverErrorCode } from './model/solver-error.ts';
export type {
  BreakInput,
  Coordinates,
  JobInput,
  Place,
  ProblemInput,
  TimeWindow,
  VehicleInput,
} from './model/types.ts';
export type {
  PeriodicCustomer,
  PeriodicDay,
  PeriodicProblem,
  PinnedVisit,
  PreviousVisit,
} from './periodic/periodic-problem.ts';
export type { PeriodicProgress } from './periodic/periodic-search.ts';
export type {
  PeriodicAssignment,
  PeriodicDayPlan,
  PeriodicRoute,
  PeriodicSolution,
  PeriodicStep,
  PeriodicSummary,
  PeriodicUnassigned,
  PeriodicUnassignedReason,
} from './periodic/periodic-solution.ts';
export type { PeriodicObjectiveName, SolvePeriodicOptions } from './periodic/solve-periodic.ts';
export { solvePeriodic } from './periodic/solve-periodic.ts';
export type { VisitCombinationsOptions } from './periodic/visit-combinations.ts';
export { visitCombinations } from './periodic/visit-combinations.ts';
export type { Progress } from './search/iterated-local-search.ts';
export type { RouteSolution, Solution, SolutionSummary, Step, UnassignedJob } from './solution/solution.ts';
export type { ObjectiveName, SolveOptions } from './solve.ts';
export { solve } from './solve.ts';
export type {
  SolveInWorkerOptions,
  SolvePeriodicInWorkerOptions,
  WorkerSolve,
} from './worker/solve-in-worker.ts';
export { solveInWorker, solvePeriodicInWorker } from './worker/solve-in-worker.ts';
