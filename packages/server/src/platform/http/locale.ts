import type { MiddlewareHandler } from 'hono';
import type { Locale } from '../context.ts';
import type { AppEnv } from './app-env.ts';

/**
 * Picks the UI language from an Accept-Language header: the highest-weighted of ja / en,
 * Japanese when neither is named.
 *
 * @example
 * pickLocale('en-US,en;q=0.9,ja;q=0.8') // 'en'
 */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'ja';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'ja';
}

/** Sets c.var.locale from Accept-Language. */
export const localeMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('locale', pickLocale(c.req.header('accept-language')));
  await next();
};
