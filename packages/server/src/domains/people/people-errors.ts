import { AppError, type LocalizedText } from '../../platform/errors.ts';
import { validationFailed } from '../../platform/http/create-router.ts';

export const peopleErrorCodes = [
  'signup_disabled',
  'email_in_use',
  'person_not_found',
  'invitation_invalid',
  'invitation_not_found',
  'reset_invalid',
  'last_admin',
] as const;
export type PeopleErrorCode = (typeof peopleErrorCodes)[number];

const statusOf: Record<PeopleErrorCode, 403 | 404 | 409> = {
  signup_disabled: 403,
  email_in_use: 409,
  person_not_found: 404,
  invitation_invalid: 404,
  invitation_not_found: 404,
  reset_invalid: 404,
  last_admin: 409,
};

function textOf(code: PeopleErrorCode): LocalizedText {
  switch (code) {
    case 'signup_disabled':
      return {
        ja: 'この環境では新しい会社の登録を受け付けていません。運用担当者に連絡してください。',
        en: 'This installation does not accept new company sign-ups. Contact its operator.',
      };
    case 'email_in_use':
      return {
        ja: 'このメールアドレスは既に登録されています。',
        en: 'This e-mail address is already registered.',
      };
    case 'person_not_found':
      return { ja: 'メンバーが見つかりません。', en: 'Person not found.' };
    case 'invitation_invalid':
      return {
        ja: 'この招待リンクは無効か、期限が切れているか、既に使われています。管理者に新しい招待を依頼してください。',
        en: 'This invitation link is invalid, expired or already used. Ask your administrator for a new one.',
      };
    case 'invitation_not_found':
      return {
        ja: 'この招待は見つかりません。既に承諾されたか取り消された可能性があります。',
        en: 'Invitation not found: it may have been accepted or withdrawn already.',
      };
    case 'reset_invalid':
      return {
        ja: 'このパスワード再設定リンクは無効か、期限が切れているか、既に使われています。',
        en: 'This password reset link is invalid, expired or already used.',
      };
    case 'last_admin':
      return {
        ja: '最後の管理者は自分の権限を外したり無効にしたりできません。先に別の管理者を設定してください。',
        en: 'The last admin cannot demote or deactivate themselves. Make someone else an admin first.',
      };
  }
}

/** The people domain's errors, each with its HTTP status and ja/en message. */
export const peopleError = (code: PeopleErrorCode) => new AppError(statusOf[code], code, textOf(code));

/** 422 naming one field. */
export const fieldError = (field: string, text: LocalizedText) => validationFailed({ [field]: text });

export const emailTaken = () =>
  fieldError('email', {
    ja: 'このメールアドレスは既に登録されています。',
    en: 'This e-mail address is already registered.',
  });

export const teamNotFound = () =>
  fieldError('teamId', { ja: 'チームが見つかりません。', en: 'Team not found.' });

/** Whether a database error (either driver, any depth of `cause`) violates this unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: string; constraint?: string };
    if (code === '23505' && (name === undefined || name === constraint)) return true;
  }
  return false;
}

/** The unique constraint on better-auth's user e-mail (users are global rows). */
export const USER_EMAIL_UNIQUE = 'user_email_unique';
