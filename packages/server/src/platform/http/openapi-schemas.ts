import { z } from '@hono/zod-openapi';

/** The one failure body: `{ error: { code, message, fields? } }`. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: '入力内容に誤りがあります。' }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ example: { name: '必須項目です。' } }),
    }),
  })
  .openapi('Error');

const descriptions: Record<number, string> = {
  400: 'Malformed request',
  401: 'Not signed in (unauthenticated)',
  403: 'Forbidden (or csrf_rejected)',
  404: 'Not found, or not visible to the caller',
  409: 'Version conflict: someone else saved first',
  413: 'Body too large',
  422: 'Validation failed: `fields` maps each field path to a message',
  429: 'Rate limited',
};

/**
 * OpenAPI responses for the given error statuses, all with the standard error body.
 *
 * @example
 * responses: { 200: {...}, ...errorResponses(401, 404, 422) }
 */
export function errorResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s] ?? 'Error', content: { 'application/json': { schema: ErrorBody } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }>;
}

/**
 * A JSON response of a route declaration.
 *
 * @example
 * responses: { 200: json(Customer, 'The customer'), ...errorResponses(401, 404) }
 */
export const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
