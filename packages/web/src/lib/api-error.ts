/** Error codes the UI reacts to specifically; any other server code is shown with its message. */
export type ApiErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'version_conflict'
  | 'validation_failed'
  | 'rate_limited'
  | 'network'
  | 'server'
  | (string & {});

/** A failed API call, carrying the server's `{ error: { code, message, fields } }` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string>;
  /** With 409 `version_conflict`: the server's current copy of the record, to show beside the caller's. */
  readonly current: unknown;

  constructor(options: {
    status: number;
    code: ApiErrorCode;
    message: string;
    fields?: Record<string, string>;
    current?: unknown;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? {};
    this.current = options.current ?? null;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  /** Someone else saved first (optimistic concurrency); other 409s such as `code_taken` are field errors. */
  get isConflict(): boolean {
    return this.code === 'version_conflict';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

const fallbackCode = (status: number): ApiErrorCode => {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'version_conflict';
  if (status === 422) return 'validation_failed';
  if (status === 429) return 'rate_limited';
  return 'server';
};

/**
 * Builds an ApiError from a response status and its (possibly non-JSON) body.
 * better-auth answers with `{ code, message }` at the top level; our server nests it under `error`.
 */
export const toApiError = (status: number, body: unknown): ApiError => {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const inner = (typeof record.error === 'object' && record.error !== null ? record.error : record) as Record<
    string,
    unknown
  >;
  const code = typeof inner.code === 'string' && inner.code ? inner.code : fallbackCode(status);
  const message = typeof inner.message === 'string' ? inner.message : '';
  const fields =
    typeof inner.fields === 'object' && inner.fields !== null
      ? Object.fromEntries(
          Object.entries(inner.fields as Record<string, unknown>).map(([key, value]) => [key, String(value)]),
        )
      : undefined;
  return new ApiError({ status, code, message, fields, current: inner.current });
};
