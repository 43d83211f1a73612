import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.ts';

const osmTiles = ['https://tile.openstreetmap.org', 'https://*.tile.openstreetmap.org'];

/** The SPA: own scripts only; inline styles (Mantine/emotion) and OpenStreetMap tiles for Leaflet. */
const appHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...osmTiles],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'strict-origin-when-cross-origin',
});

/**
 * The API reference page (Scalar, see api-docs.ts): its bundle from this server, its inline
 * start-up script allowed by a per-request nonce, inline styles, no fonts or scripts from elsewhere.
 */
const docsHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", NONCE],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", 'data:'],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'strict-origin-when-cross-origin',
});

/** Secure headers with a Content-Security-Policy fitting the page being served. */
export const securityHeaders: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.path === '/api/docs' ? docsHeaders(c, next) : appHeaders(c, next);
