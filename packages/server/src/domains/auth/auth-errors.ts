import { AppError, type LocalizedText } from '../../platform/errors.ts';

export const authErrorCodes = [
  'unauthenticated',
  'invalid_credentials',
  'rate_limited',
  'no_tenant',
  'auth_failed',
  'deactivated',
] as const;
export type AuthErrorCode = (typeof authErrorCodes)[number];

const statusOf: Record<AuthErrorCode, 401 | 403 | 429 | 400> = {
  unauthenticated: 401,
  invalid_credentials: 401,
  rate_limited: 429,
  no_tenant: 403,
  auth_failed: 400,
  deactivated: 403,
};

function textOf(code: AuthErrorCode): LocalizedText {
  switch (code) {
    case 'unauthenticated':
      return { ja: 'ログインしてください。', en: 'Please sign in.' };
    case 'invalid_credentials':
      return {
        ja: 'メールアドレスまたはパスワードが正しくありません。',
        en: 'The e-mail address or password is incorrect.',
      };
    case 'rate_limited':
      return {
        ja: 'ログインの試行回数が多すぎます。しばらく待ってから再度お試しください。',
        en: 'Too many sign-in attempts. Please wait a moment and try again.',
      };
    case 'no_tenant':
      return {
        ja: 'このアカウントはどの会社にも所属していません。管理者に連絡してください。',
        en: 'This account does not belong to any company. Contact your administrator.',
      };
    case 'deactivated':
      return {
        ja: 'このアカウントは無効になっています。管理者に連絡してください。',
        en: 'This account has been deactivated. Contact your administrator.',
      };
    case 'auth_failed':
      return { ja: '認証に失敗しました。', en: 'Authentication failed.' };
  }
}

/** The auth domain's errors, each with its HTTP status and ja/en message. */
export const authError = (code: AuthErrorCode) => new AppError(statusOf[code], code, textOf(code));
