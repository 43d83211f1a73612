import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Locale } from '../context.ts';
import { AppError, type LocalizedText } from '../errors.ts';
import { errorForLog, type Logger } from '../logger.ts';
import type { AppEnv } from './app-env.ts';
import { pickLocale } from './locale.ts';

const statusErrors: Partial<Record<number, { code: string; text: LocalizedText }>> = {
  400: {
    code: 'bad_request',
    text: { ja: 'リクエストの形式が正しくありません。', en: 'The request is malformed.' },
  },
  401: {
    code: 'unauthenticated',
    text: { ja: 'ログインしてください。', en: 'Please sign in.' },
  },
  403: {
    code: 'forbidden',
    text: { ja: 'この操作を行う権限がありません。', en: 'You do not have permission to do this.' },
  },
  404: { code: 'not_found', text: { ja: 'ページが見つかりません。', en: 'Not found.' } },
  405: {
    code: 'method_not_allowed',
    text: { ja: 'この操作は許可されていません。', en: 'Method not allowed.' },
  },
  413: {
    code: 'payload_too_large',
    text: { ja: '送信データが大きすぎます。', en: 'The request body is too large.' },
  },
  415: {
    code: 'unsupported_media_type',
    text: { ja: 'このデータ形式には対応していません。', en: 'Unsupported content type.' },
  },
  429: {
    code: 'rate_limited',
    text: {
      ja: '試行回数が多すぎます。しばらく待ってから再度お試しください。',
      en: 'Too many attempts. Please wait a moment and try again.',
    },
  },
};

const internal: LocalizedText = {
  ja: 'サーバーで問題が発生しました。時間をおいて再度お試しください。',
  en: 'Something went wrong on the server. Please try again later.',
};

/** The standard AppError for an HTTP status (e.g. 413 → payload_too_large). */
export function errorForStatus(status: number): AppError {
  const known = statusErrors[status];
  if (known) return new AppError(status as ContentfulStatusCode, known.code, known.text);
  if (status >= 500) return new AppError(500, 'internal', internal);
  return new AppError(status as ContentfulStatusCode, 'error', {
    ja: 'エラーが発生しました。',
    en: 'Error.',
  });
}

const localeOf = (c: Context<AppEnv>): Locale =>
  c.get('locale') ?? pickLocale(c.req.header('accept-language'));

/**
 * The single error handler: AppError as-is; HTTPException (malformed JSON, body limit …) by
 * status; anything else 500 `internal`, none of it sent to the client. The log line names the
 * method, path and error (errorForLog: name, a short message without query parameters, the
 * PostgreSQL code and constraint, the stack of non-database errors), never request data.
 */
export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const locale = localeOf(c);
    if (error instanceof AppError) return c.json(error.toBody(locale), error.status);
    if (error instanceof HTTPException) {
      const appError = errorForStatus(error.status);
      if (error.status >= 500) {
        logger.error({ method: c.req.method, path: c.req.path, error: errorForLog(error) }, 'http exception');
      }
      return c.json(appError.toBody(locale), appError.status);
    }
    logger.error({ method: c.req.method, path: c.req.path, error: errorForLog(error) }, 'unhandled error');
    return c.json(new AppError(500, 'internal', internal).toBody(locale), 500);
  };
}

/** 404 `not_found` in the standard shape (used for unknown /api routes). */
export const apiNotFound: NotFoundHandler<AppEnv> = (c) => {
  const error = new AppError(404, 'not_found', {
    ja: 'APIが見つかりません。',
    en: 'No such API endpoint.',
  });
  return c.json(error.toBody(localeOf(c)), 404);
};
