import { AppError, type LocalizedText } from '../../platform/errors.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import type { WebhookUrlProblem } from './webhook-url.ts';

export const webhookErrorCodes = [
  'endpoint_not_found',
  'delivery_not_found',
  'too_many_endpoints',
  'url_invalid',
  'url_not_https',
  'url_private',
] as const;
export type WebhookErrorCode = (typeof webhookErrorCodes)[number];

function textOf(code: WebhookErrorCode): LocalizedText {
  switch (code) {
    case 'endpoint_not_found':
      return { ja: 'Webhook が見つかりません。', en: 'Web hook not found.' };
    case 'delivery_not_found':
      return { ja: '送信記録が見つかりません。', en: 'Delivery not found.' };
    case 'too_many_endpoints':
      return {
        ja: 'Webhook は1社20件までです。使わないものを削除してください。',
        en: 'A company has at most 20 web hooks. Delete one you no longer use.',
      };
    case 'url_invalid':
      return {
        ja: 'URL は https://… の形式で入力してください（ユーザー名・パスワードは含めません）。',
        en: 'Enter the URL as https://… (without a user name or password).',
      };
    case 'url_not_https':
      return { ja: 'URL は https:// で始めてください。', en: 'The URL must start with https://.' };
    case 'url_private':
      return {
        ja: '社内ネットワークやこのサーバー自身のアドレスには送信できません（WEBHOOKS_ALLOW_PRIVATE=1 で許可）。',
        en: 'Web hooks cannot reach private or loopback addresses (allow them with WEBHOOKS_ALLOW_PRIVATE=1).',
      };
  }
}

/** The message a URL problem shows (also stored as a delivery's error at send time). */
export const urlProblemText = (problem: WebhookUrlProblem) => textOf(problem);

/** The webhooks domain's errors, each with its HTTP status and ja/en message. */
export function webhookError(code: WebhookErrorCode): AppError {
  const text = textOf(code);
  switch (code) {
    case 'endpoint_not_found':
    case 'delivery_not_found':
      return new AppError(404, 'not_found', text);
    case 'too_many_endpoints':
      return new AppError(409, code, text);
    default:
      return validationFailed({ url: text });
  }
}

/** 409 `id_taken`: a client-made id already in use. */
export const idTaken = () => {
  const text = { ja: 'このIDはすでに使われています。', en: 'This id is already in use.' };
  return new AppError(409, 'id_taken', text, { id: text });
};

/** Whether a database error (either driver, any depth of `cause`) violates this unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: string; constraint?: string };
    if (code === '23505' && (name === undefined || name === constraint)) return true;
  }
  return false;
}
