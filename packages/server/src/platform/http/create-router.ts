import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';
import { findUnstorableText, unstorableText } from './unstorable-text.ts';
import { localizeIssues } from './validation-messages.ts';

/** Thrown for a request that fails its zod schema: 422 with a localised message per field. */
export const validationFailed = (fields: ConstructorParameters<typeof AppError>[3]) =>
  new AppError(
    422,
    'validation_failed',
    { ja: '入力内容に誤りがあります。', en: 'Some fields are not valid.' },
    fields,
  );

/**
 * The hook every router uses: a zod failure (body, query or params) becomes a 422
 * `validation_failed` AppError whose `fields` are keyed by the field path; so does text the
 * database cannot store (a NUL byte, a lone surrogate), refused the same way everywhere.
 */
export const validationHook = (
  result: { success: true; data: unknown } | { success: false; error: { issues: readonly unknown[] } },
) => {
  if (!result.success) {
    throw validationFailed(localizeIssues(result.error.issues as Parameters<typeof localizeIssues>[0]));
  }
  // A NUL byte would fail deep in PostgreSQL (500); a lone surrogate would be stored mangled.
  const unstorable = findUnstorableText(result.data);
  if (unstorable.length > 0)
    throw validationFailed(Object.fromEntries(unstorable.map((path) => [path, unstorableText])));
};

/**
 * A router for a domain: OpenAPIHono with the platform's validation hook. Domains build
 * their routes on one of these and the platform mounts it (e.g. at /api/customers).
 *
 * @example
 * export const customerRoutes = createRouter().openapi(listCustomersRoute, async (c) => ...);
 */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
