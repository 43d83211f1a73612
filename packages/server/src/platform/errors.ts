import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Locale } from './context.ts';

/** A message in both UI languages. */
export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

/**
 * The one application error. Every failure reaches the client as
 * `{ error: { code, message, fields? } }` with `message` (and each field's message) in the
 * caller's language.
 *
 * @example
 * throw new AppError(409, 'version_conflict', {
 *   ja: '他の人が先に更新しました。再読み込みしてください。',
 *   en: 'Someone else updated this first. Reload and try again.',
 * });
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly text: LocalizedText,
    readonly fields?: Readonly<Record<string, LocalizedText>>,
    /** More for the client, sent beside code and message (e.g. `current`: the server's copy). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(text.en);
    this.name = 'AppError';
  }

  toBody(locale: Locale): ErrorBody {
    const body: ErrorBody = { error: { ...this.details, code: this.code, message: this.text[locale] } };
    if (this.fields) {
      body.error.fields = Object.fromEntries(
        Object.entries(this.fields).map(([field, text]) => [field, text[locale]]),
      );
    }
    return body;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; [detail: string]: unknown };
}

export const notFound = (what: LocalizedText) =>
  new AppError(404, 'not_found', {
    ja: `${what.ja}が見つかりません。`,
    en: `${what.en} not found.`,
  });

export const forbidden = () =>
  new AppError(403, 'forbidden', {
    ja: 'この操作を行う権限がありません。',
    en: 'You do not have permission to do this.',
  });

/**
 * 409 `version_conflict`: the record changed since the caller read it. `current` is the
 * server's copy as the API shows it, so a client can put both sides next to each other.
 */
export const versionConflict = (current: unknown) =>
  new AppError(
    409,
    'version_conflict',
    {
      ja: '他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。',
      en: 'Someone else updated this first. Check the latest version, then save again.',
    },
    undefined,
    { current },
  );
