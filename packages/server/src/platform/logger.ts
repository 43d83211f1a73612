import { type Logger, pino } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** How much of an error's message a log line keeps. */
const MAX_LOGGED_MESSAGE = 300;

/** What a log line says about an error: never request parameters or customer data. */
export interface LoggedError {
  name: string;
  message: string;
  /** PostgreSQL's SQLSTATE (e.g. 23505) and constraint, from the error or any of its causes. */
  code?: string;
  constraint?: string;
  /** Stack frames only (without the message line), for errors that are not database errors. */
  stack?: string;
}

/** Five characters, at least one a digit (so not errno codes such as EPIPE). */
const SQLSTATE = /^(?=.*\d)[0-9A-Z]{5}$/;

/**
 * An error reduced to what may be logged: its name, its message cut before `params:` (Drizzle
 * appends a failed query's parameters there) and to 300 characters, PostgreSQL's error code and
 * constraint (walking `.cause`; never the driver's message or detail, which quote values), and
 * for non-database errors the stack frames.
 *
 * @example
 * logger.error({ method, path, error: errorForLog(error) }, 'unhandled error');
 */
export function errorForLog(error: unknown): LoggedError {
  const top = error instanceof Error ? error : new Error(String(error));
  let message = top.message;
  const params = message.search(/params:/i);
  if (params >= 0) message = message.slice(0, params);
  message = message.trimEnd();
  if (message.length > MAX_LOGGED_MESSAGE) message = `${message.slice(0, MAX_LOGGED_MESSAGE)}…`;
  const logged: LoggedError = { name: top.name, message };

  let isDatabaseError = top.name === 'DrizzleQueryError' || params >= 0;
  const seen = new Set<unknown>();
  for (let cause: unknown = top; cause && typeof cause === 'object' && !seen.has(cause); ) {
    seen.add(cause);
    const { code, constraint } = cause as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && SQLSTATE.test(code)) {
      isDatabaseError = true;
      logged.code ??= code;
      if (typeof constraint === 'string') logged.constraint ??= constraint.slice(0, 100);
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  if (!isDatabaseError && top.stack) {
    const frames = top.stack.split('\n').filter((line) => /^\s+at /.test(line));
    if (frames.length) logged.stack = frames.join('\n');
  }
  return logged;
}

/**
 * JSON logs; pretty lines in development when stdout is a terminal. An `err` field is logged
 * through errorForLog.
 */
export function createLogger(config: Pick<Config, 'env' | 'logLevel'>): Logger {
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return pino({
    level: config.logLevel,
    serializers: { err: errorForLog },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}
