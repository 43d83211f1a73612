import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Vite puts content-hashed files under assets/: they never change, cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const notBuiltPage = (dist: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>Kayoi</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto;line-height:1.7">
<h1>Kayoi (通い)</h1>
<p>画面がまだビルドされていません。リポジトリのルートで <code>npm run build</code> を実行してから、サーバーを再起動してください。</p>
<p>The web app has not been built yet: run <code>npm run build</code> at the repository root, then restart the server.</p>
<p><small>${dist} がありません / ${dist} is missing. The API is up: <a href="/api/docs">/api/docs</a></small></p>
</body></html>`;

/**
 * Serves the built single-page app from `distDir` for GET/HEAD outside /api: existing files
 * as-is (hashed assets cached immutably, everything else revalidated), any other path gets
 * index.html so client-side routes survive a reload. Without a build, a page says how to make one.
 */
export function serveWebApp(distDir: string): MiddlewareHandler<AppEnv> {
  const root = normalize(distDir + sep);
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api')) return next();
    const indexFile = join(root, 'index.html');
    if (!existsSync(indexFile)) return c.html(notBuiltPage(distDir), 503);

    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path);
    } catch {
      relative = '/';
    }
    const candidate = normalize(join(root, relative));
    if (candidate.startsWith(root) && candidate !== root) {
      const info = await stat(candidate).catch(() => null);
      if (info?.isFile()) {
        const body = await readFile(candidate);
        const type = contentTypes[extname(candidate).toLowerCase()] ?? 'application/octet-stream';
        const cache = relative.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
        return c.body(body, 200, { 'content-type': type, 'cache-control': cache });
      }
      // A missing file with an extension is a real 404, not a client route.
      if (extname(relative)) return c.text('Not found', 404);
    }
    const html = await readFile(indexFile);
    return c.body(html, 200, { 'content-type': contentTypes['.html']!, 'cache-control': 'no-cache' });
  };
}
