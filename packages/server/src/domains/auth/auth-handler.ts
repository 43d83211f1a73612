import type { Handler } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { ClientIpResolver } from '../../platform/http/client-ip.ts';
import { authError } from './auth-errors.ts';
import { type Auth, CLIENT_IP_HEADER } from './create-auth.ts';

/**
 * Serves better-auth under /api/auth/*: the client address goes in a header better-auth
 * rate-limits by (a client cannot set it), and its failures are rewritten to the standard
 * `{ error: { code, message } }` shape in the caller's language.
 */
export function authHandler(auth: Auth, clientIp: ClientIpResolver): Handler<AppEnv> {
  return async (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    const ip = clientIp(c.req.raw, c.env);
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    const request = new Request(c.req.raw, { headers });
    const response = await auth.handler(request);
    if (response.status < 400) return response;

    let code: string | undefined;
    try {
      code = ((await response.clone().json()) as { code?: string }).code;
    } catch {}
    const error =
      response.status === 429
        ? authError('rate_limited')
        : response.status === 401 && (code === 'INVALID_EMAIL_OR_PASSWORD' || code === undefined)
          ? authError('invalid_credentials')
          : response.status === 401
            ? authError('unauthenticated')
            : null;
    if (!error) return response;
    const rewritten = c.json(error.toBody(c.var.locale), error.status);
    const retryAfter = response.headers.get('x-retry-after');
    if (retryAfter) rewritten.headers.set('retry-after', retryAfter);
    return rewritten;
  };
}
