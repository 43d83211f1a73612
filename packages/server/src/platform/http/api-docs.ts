import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import type { AppEnv } from './app-env.ts';

/** Where the Scalar bundle is served; the page asks for it with its version, so it is cached for a year. */
export const SCALAR_BUNDLE_PATH = '/api/docs/scalar.js';

/** @scalar/api-reference's folder (its `exports` hide dist/browser, so found from the main entry). */
const scalarPackageDir = dirname(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')));
const scalarVersion = (
  JSON.parse(readFileSync(join(scalarPackageDir, 'package.json'), 'utf8')) as { version: string }
).version;

let bundle: Promise<{ plain: Uint8Array<ArrayBuffer>; gzipped: Uint8Array<ArrayBuffer> }> | undefined;
/** The standalone browser bundle (about 5 MB, 1.3 MB gzipped), read and compressed on first use. */
const loadBundle = () => {
  bundle ??= (async () => {
    const plain = readFileSync(join(scalarPackageDir, 'dist', 'browser', 'standalone.js'));
    return { plain: new Uint8Array(plain), gzipped: new Uint8Array(await promisify(gzip)(plain)) };
  })();
  return bundle;
};

export interface ApiDocsOptions {
  /** The OpenAPI document the page renders, e.g. /api/openapi.json. */
  url: string;
  pageTitle: string;
}

/**
 * GET /api/docs, the Scalar API reference, and GET /api/docs/scalar.js, its bundle from the
 * pinned @scalar/api-reference package: nothing is loaded from a CDN, and no web fonts. The
 * page's scripts carry the Content-Security-Policy nonce set by securityHeaders.
 *
 * @example
 * mountApiDocs(app, { url: '/api/openapi.json', pageTitle: 'Kayoi API' });
 */
export function mountApiDocs(app: OpenAPIHono<AppEnv>, options: ApiDocsOptions) {
  const page = Scalar<AppEnv>({
    url: options.url,
    pageTitle: options.pageTitle,
    cdn: `${SCALAR_BUNDLE_PATH}?v=${scalarVersion}`,
    withDefaultFonts: false,
  });
  app.get('/api/docs', async (c, next) => {
    const rendered = await page(c, next);
    const html = rendered ? await rendered.text() : '';
    const nonce = c.get('secureHeadersNonce');
    return c.html(nonce ? html.replaceAll('<script', `<script nonce="${nonce}"`) : html);
  });
  app.get(SCALAR_BUNDLE_PATH, async (c) => {
    const { plain, gzipped } = await loadBundle();
    const acceptsGzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=31536000, immutable');
    c.header('vary', 'accept-encoding');
    if (acceptsGzip) c.header('content-encoding', 'gzip');
    return c.body(acceptsGzip ? gzipped : plain, 200);
  });
}
