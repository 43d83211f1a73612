import type { IncomingMessage } from 'node:http';

/** The client address of a request (for rate limiting), from the request and the server's env. */
export type ClientIpResolver = (request: Request, env: unknown) => string | undefined;

export const socketAddress: ClientIpResolver = (_request, env) =>
  (env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;

/** Behind a trusted reverse proxy: the left-most X-Forwarded-For address. */
export const forwardedFor: ClientIpResolver = (request, env) =>
  request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || socketAddress(request, env);

/** The resolver the configuration asks for (TRUST_PROXY=1 reads X-Forwarded-For). */
export const clientIpResolver = (config: { trustProxy: boolean }): ClientIpResolver =>
  config.trustProxy ? forwardedFor : socketAddress;
