/** Every failure the solver reports to a user has one of these codes. */
export enum SolverErrorCode {
  InvalidInput = 'INVALID_INPUT',
  InconsistentMatrix = 'INCONSISTENT_MATRIX',
  UnreachableJob = 'UNREACHABLE_JOB',
  UnreadableFile = 'UNREADABLE_FILE',
  UnknownFormat = 'UNKNOWN_FORMAT',
  Cancelled = 'CANCELLED',
}

/** Short, user-facing prefix for each code. */
export function describeSolverErrorCode(code: SolverErrorCode): string {
  switch (code) {
    case SolverErrorCode.InvalidInput:
      return 'invalid input';
    case SolverErrorCode.InconsistentMatrix:
      return 'inconsistent matrix';
    case SolverErrorCode.UnreachableJob:
      return 'unreachable job';
    case SolverErrorCode.UnreadableFile:
      return 'unreadable file';
    case SolverErrorCode.UnknownFormat:
      return 'unknown input format';
    case SolverErrorCode.Cancelled:
      return 'cancelled';
  }
}

/** The one error type the solver throws on bad input. */
export class SolverError extends Error {
  readonly code: SolverErrorCode;

  constructor(code: SolverErrorCode, detail: string) {
    super(`${describeSolverErrorCode(code)}: ${detail}`);
    this.name = 'SolverError';
    this.code = code;
  }
}
