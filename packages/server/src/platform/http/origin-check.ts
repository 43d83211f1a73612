import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfRejected = () =>
  new AppError(403, 'csrf_rejected', {
    ja: '許可されていない送信元からのリクエストです。ページを再読み込みしてください。',
    en: 'Request refused: it did not come from this application. Reload the page and try again.',
  });

/**
 * CSRF protection for every state-changing /api request, better-auth's included: the
 * Origin header (or, failing that, the Referer's origin) must be one of the configured trusted
 * origins (BASE_URL's, TRUSTED_ORIGINS, the dev servers outside production). Requests naming
 * none are refused too. The request's own URL is no evidence: it comes from the Host header,
 * which a DNS-rebinding page sets to its own name. (hono/csrf only inspects form-encoded
 * bodies; JSON and multipart calls need the same check.)
 */
export function originCheck(trustedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const trusted = new Set(trustedOrigins);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    let origin = c.req.header('origin');
    if (!origin || origin === 'null') {
      const referer = c.req.header('referer');
      try {
        origin = referer ? new URL(referer).origin : undefined;
      } catch {
        origin = undefined;
      }
    }
    if (!origin || !trusted.has(origin)) throw csrfRejected();
    return next();
  };
}
