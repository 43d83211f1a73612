import { AppError, type LocalizedText } from '../../platform/errors.ts';
import { MAX_SEAL_BYTES } from './company-values.ts';

/** Why a company profile field was refused. Each code has one message per UI language. */
export type CompanyFieldIssue =
  | 'required'
  | 'too_long'
  | 'registration_format'
  | 'registration_check_digit'
  | 'postal_code_format'
  | 'phone_format'
  | 'validity_range'
  | 'seal_missing'
  | 'seal_type'
  | 'seal_unreadable';

/** The user's message for a field issue. */
export function companyIssueText(issue: CompanyFieldIssue, max = 0): LocalizedText {
  switch (issue) {
    case 'required':
      return { ja: '入力してください。', en: 'Required.' };
    case 'too_long':
      return { ja: `${max}文字以内で入力してください。`, en: `Use at most ${max} characters.` };
    case 'registration_format':
      return {
        ja: '登録番号は「T」と13桁の数字で入力してください（例: T1234567890123）。',
        en: 'The registration number is "T" followed by 13 digits (e.g. T1234567890123).',
      };
    case 'registration_check_digit':
      return {
        ja: '登録番号の法人番号（13桁）が正しくありません。チェックデジットが一致しません。',
        en: 'The registration number is not a valid corporate number: its check digit does not match.',
      };
    case 'postal_code_format':
      return {
        ja: '郵便番号は 123-4567 の形式で入力してください。',
        en: 'Postal code must look like 123-4567.',
      };
    case 'phone_format':
      return {
        ja: '電話番号は数字とハイフンで入力してください。',
        en: 'Phone number: digits and hyphens only.',
      };
    case 'validity_range':
      return {
        ja: '見積の有効期間は1〜365日で入力してください。',
        en: 'Quote validity must be 1 to 365 days.',
      };
    case 'seal_missing':
      return { ja: '印影の画像ファイルを選んでください。', en: 'Choose an image file of the seal.' };
    case 'seal_type':
      return {
        ja: '印影はPNGまたはJPEGの画像にしてください。',
        en: 'The seal must be a PNG or JPEG image.',
      };
    case 'seal_unreadable':
      return {
        ja: '印影の画像を読み込めませんでした（ファイルが壊れているか、4096ピクセルを超えています）。別の画像を選んでください。',
        en: 'The seal image could not be read (the file is damaged or wider than 4096 pixels). Choose another image.',
      };
  }
}

export const companyValidationFailed = (fields: Record<string, LocalizedText>) =>
  new AppError(
    422,
    'validation_failed',
    { ja: '入力内容を確認してください。', en: 'Check the highlighted fields.' },
    fields,
  );

export const sealTooLarge = (size: number) =>
  new AppError(
    413,
    'payload_too_large',
    {
      ja: `印影の画像が大きすぎます（${Math.ceil(size / 1024)} KB）。1 MB以下の画像にしてください。`,
      en: `The seal image is too large (${Math.ceil(size / 1024)} KB). Use an image of at most 1 MB.`,
    },
    {
      file: {
        ja: `1 MB（${MAX_SEAL_BYTES.toLocaleString('ja-JP')}バイト）以下の画像にしてください。`,
        en: `Use an image of at most 1 MB (${MAX_SEAL_BYTES} bytes).`,
      },
    },
  );

export const sealNotFound = () =>
  new AppError(404, 'not_found', { ja: '印影が登録されていません。', en: 'No seal image is stored.' });

export const companyForbidden = () =>
  new AppError(403, 'forbidden', {
    ja: '会社情報を変更できるのは管理者だけです。',
    en: 'Only an admin can change the company profile.',
  });
