import { readFileSync } from 'node:fs';
import { cordeauAnswer, cordeauToProblem, isCordeauText, parseCordeau } from '../io/cordeau.ts';
import { isSolomonText, parseSolomon, solomonAnswer, solomonToProblem } from '../io/solomon.ts';
import { isVroomInput, solutionToVroom, vroomToProblem } from '../io/vroom.ts';
import { SolverError, SolverErrorCode } from '../model/solver-error.ts';
import { solvePeriodic } from '../periodic/solve-periodic.ts';
import { type ObjectiveName, solve } from '../solve.ts';

export const USAGE = `usage: kayoi-solve FILE [--time-limit SECONDS] [--seed N] [--objective distance|vehicles-distance] [--iterations N]

FILE is a Solomon text instance, a Cordeau periodic instance (first line "type m n t [d]") or a
VROOM JSON problem; the answer is one JSON object on stdout.`;

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

interface CliOptions {
  file: string;
  timeLimitSeconds?: number;
  seed?: number;
  objective?: ObjectiveName;
  maxIterations?: number;
}

function usageError(message: string): CliResult {
  return { exitCode: 2, stdout: '', stderr: `kayoi-solve: ${message}\n${USAGE}\n` };
}

function parseArguments(args: readonly string[]): CliOptions | string {
  let file: string | undefined;
  const options: Partial<CliOptions> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = (what: string) => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0)
        throw new Error(`${what} must be a non-negative number, got "${raw}"`);
      return n;
    };
    switch (flag) {
      case '--time-limit':
        options.timeLimitSeconds = number('--time-limit');
        break;
      case '--seed':
        options.seed = Math.floor(number('--seed'));
        break;
      case '--iterations':
        options.maxIterations = Math.floor(number('--iterations'));
        break;
      case '--objective': {
        const v = value();
        if (v !== 'distance' && v !== 'vehicles-distance') {
          throw new Error(`--objective must be distance or vehicles-distance, got "${v}"`);
        }
        options.objective = v;
        break;
      }
      case '--help':
      case '-h':
        return 'help';
      default:
        if (flag!.startsWith('-')) throw new Error(`unknown option ${flag}`);
        if (file !== undefined) throw new Error(`only one FILE is accepted (got "${file}" and "${flag}")`);
        file = flag;
    }
  }
  if (file === undefined) throw new Error('missing FILE');
  return { ...options, file };
}

/** Runs the CLI without touching the process (testable); main.ts prints and exits. */
export function runCli(args: readonly string[]): CliResult {
  let options: CliOptions;
  try {
    const parsed = parseArguments(args);
    if (parsed === 'help') return { exitCode: 0, stdout: `${USAGE}\n`, stderr: '' };
    options = parsed as CliOptions;
  } catch (error) {
    return usageError((error as Error).message);
  }
  try {
    let text: string;
    try {
      text = readFileSync(options.file, 'utf8');
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new SolverError(SolverErrorCode.UnreadableFile, `${options.file}: ${reason}`);
    }
    const solveOptions = {
      ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.objective !== undefined ? { objective: options.objective } : {}),
    };
    if (options.timeLimitSeconds === undefined && options.maxIterations === undefined) {
      solveOptions.timeLimitSeconds = 5;
    }
    let output: unknown;
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new SolverError(
          SolverErrorCode.UnreadableFile,
          `${options.file}: not valid JSON (${(error as Error).message})`,
        );
      }
      if (!isVroomInput(json)) {
        throw new SolverError(
          SolverErrorCode.UnknownFormat,
          `${options.file}: JSON without a "vehicles" array`,
        );
      }
      const problem = vroomToProblem(json);
      output = solutionToVroom(problem, solve(problem, solveOptions));
    } else if (isSolomonText(text)) {
      const instance = parseSolomon(text);
      output = solomonAnswer(instance, solve(solomonToProblem(instance), solveOptions));
    } else if (isCordeauText(text)) {
      const instance = parseCordeau(text);
      const solution = solvePeriodic(cordeauToProblem(instance), {
        ...(solveOptions.timeLimitSeconds !== undefined
          ? { timeLimitMs: solveOptions.timeLimitSeconds * 1000 }
          : {}),
        ...(solveOptions.maxIterations !== undefined ? { maxIterations: solveOptions.maxIterations } : {}),
        ...(solveOptions.seed !== undefined ? { seed: solveOptions.seed } : {}),
      });
      output = cordeauAnswer(instance, solution);
    } else {
      throw new SolverError(
        SolverErrorCode.UnknownFormat,
        `${options.file}: neither VROOM JSON nor a Solomon or Cordeau instance`,
      );
    }
    return { exitCode: 0, stdout: `${JSON.stringify(output)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof SolverError)
      return { exitCode: 1, stdout: '', stderr: `kayoi-solve: ${error.message}\n` };
    return { exitCode: 70, stdout: '', stderr: `kayoi-solve: internal error: ${(error as Error).message}\n` };
  }
}
