import type { Context, Handler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { ClientIpResolver } from '../../platform/http/client-ip.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { apiNotFound, errorForStatus } from '../../platform/http/error-handler.ts';
import { findUnstorableText, unstorableText } from '../../platform/http/unstorable-text.ts';
import { localizeIssues } from '../../platform/http/validation-messages.ts';
import { authError } from './auth-errors.ts';
import { type Auth, CLIENT_IP_HEADER } from './create-auth.ts';

/** The JSON body to hand better-auth, or undefined to send none. Throws an AppError to refuse. */
type PrepareBody = (c: Context<AppEnv>) => Promise<string | undefined>;

/** An e-mail and a password fit in far less; anything bigger is not a sign-in. */
const SIGN_IN_BODY_LIMIT = 16 * 1024;

/** Only these reach better-auth; the web app sends nothing else (no callbackURL, no rememberMe). */
const signInSchema = z.object({ email: z.string().max(254), password: z.string().max(256) });

/** The sign-in body, checked before better-auth sees it: JSON, bounded, no NUL or lone surrogate. */
const signInBody: PrepareBody = async (c) => {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw errorForStatus(415);
  const text = await c.req.text();
  if (text.length > SIGN_IN_BODY_LIMIT) throw errorForStatus(413);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw errorForStatus(400);
  }
  const parsed = signInSchema.safeParse(json);
  const fields = {
    ...(parsed.success ? {} : localizeIssues(parsed.error.issues)),
    ...Object.fromEntries(findUnstorableText(json).map((path) => [path, unstorableText])),
  };
  if (!parsed.success || Object.keys(fields).length > 0) throw validationFailed(fields);
  return JSON.stringify(parsed.data);
};

/**
 * The better-auth endpoints the app uses, by `METHOD path`. better-auth serves many more (the
 * organization plugin's member, invitation and tenant management, update-user, sign-up …);
 * none of them is reachable. Sign-out always gets `{}`: better-auth answers 415 to a POST with
 * a body but no JSON Content-Type, as a bare `fetch(url, { method: 'POST' })` sends.
 */
const exposedEndpoints: Readonly<Record<string, PrepareBody>> = {
  'POST /api/auth/sign-in/email': signInBody,
  'POST /api/auth/sign-out': async () => '{}',
  'GET /api/auth/get-session': async () => undefined,
};

/**
 * better-auth answers sign-in and get-session with the session token in the JSON body too; the
 * cookie is HttpOnly so that page scripts never see it, so the body must not carry it either.
 */
async function withoutSessionToken(response: Response): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('application/json')) return response;
  const body = (await response.clone().json()) as Record<string, unknown> | null;
  if (!body || typeof body !== 'object') return response;
  const { token: _token, ...rest } = body;
  const session = rest.session as Record<string, unknown> | undefined;
  if (session && typeof session === 'object') {
    const { token: _sessionToken, ...sessionRest } = session;
    rest.session = sessionRest;
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(rest), { status: response.status, headers });
}

/**
 * Serves the exposed better-auth endpoints under /api/auth/* (everything else there answers 404
 * `not_found`): the client address goes in a header better-auth rate-limits by (a client cannot
 * set it), and its failures are rewritten to the standard `{ error: { code, message } }` shape
 * in the caller's language.
 */
export function authHandler(auth: Auth, clientIp: ClientIpResolver): Handler<AppEnv> {
  return async (c) => {
    const prepareBody = exposedEndpoints[`${c.req.method} ${c.req.path}`];
    if (!prepareBody) return apiNotFound(c);
    const body = await prepareBody(c);

    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    headers.delete('content-length');
    const ip = clientIp(c.req.raw, c.env);
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    if (body === undefined) headers.delete('content-type');
    else headers.set('content-type', 'application/json');
    const url = new URL(c.req.url);
    url.pathname = c.req.path;
    const response = await auth.handler(
      new Request(url, { method: c.req.method, headers, body: body ?? null, signal: c.req.raw.signal }),
    );
    if (response.status < 400) return withoutSessionToken(response);

    let code: string | undefined;
    try {
      code = ((await response.clone().json()) as { code?: string }).code;
    } catch {}
    const error =
      response.status === 429
        ? authError('rate_limited')
        : code === 'FAILED_TO_CREATE_SESSION'
          ? // The password was right; the session hook refused a deactivated person.
            authError('deactivated')
          : response.status === 401 && (code === 'INVALID_EMAIL_OR_PASSWORD' || code === undefined)
            ? authError('invalid_credentials')
            : response.status === 401
              ? authError('unauthenticated')
              : errorForStatus(response.status);
    const rewritten = c.json(error.toBody(c.var.locale), error.status);
    const retryAfter = response.headers.get('x-retry-after');
    if (retryAfter) rewritten.headers.set('retry-after', retryAfter);
    return rewritten;
  };
}
