import { AppError, type LocalizedText } from '../../platform/errors.ts';

/** Why a customer field was refused. Each code has one message per UI language. */
export type CustomerFieldIssue =
  | 'required'
  | 'too_long'
  | 'invalid_choice'
  | 'code_format'
  | 'code_taken'
  | 'code_duplicate_in_file'
  | 'kana_only'
  | 'postal_code_format'
  | 'phone_format'
  | 'email_format'
  | 'latitude_range'
  | 'longitude_range'
  | 'lat_lng_pair'
  | 'integer_range'
  | 'tolerance_range'
  | 'weekday_range'
  | 'weekday_duplicate'
  | 'time_format'
  | 'time_order'
  | 'time_overlap'
  | 'one_primary_contact'
  | 'rep_required'
  | 'rep_not_assignable'
  | 'rep_unknown_email'
  | 'area_unknown';

export interface IssueParams {
  max?: number;
  min?: number;
  value?: string;
}

/** The user's message for a field issue. */
export function fieldIssueText(issue: CustomerFieldIssue, params: IssueParams = {}): LocalizedText {
  const { min, max, value } = params;
  switch (issue) {
    case 'required':
      return { ja: '入力してください。', en: 'Required.' };
    case 'too_long':
      return { ja: `${max}文字以内で入力してください。`, en: `Use at most ${max} characters.` };
    case 'invalid_choice':
      return { ja: '選択肢から選んでください。', en: 'Choose one of the allowed values.' };
    case 'code_format':
      return {
        ja: '顧客コードは空白を含まない半角英数字・記号32文字以内で入力してください。',
        en: 'Customer code: up to 32 ASCII letters, digits or symbols, no spaces.',
      };
    case 'code_taken':
      return {
        ja: `顧客コード「${value}」は既に使われています。`,
        en: `Customer code "${value}" is already in use.`,
      };
    case 'code_duplicate_in_file':
      return {
        ja: `顧客コード「${value}」がファイル内で重複しています。`,
        en: `Customer code "${value}" appears more than once in the file.`,
      };
    case 'kana_only':
      return { ja: 'カタカナで入力してください。', en: 'Use katakana only.' };
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
    case 'email_format':
      return { ja: 'メールアドレスの形式が正しくありません。', en: 'Not a valid email address.' };
    case 'latitude_range':
      return { ja: '緯度は -90〜90 の範囲で入力してください。', en: 'Latitude must be between -90 and 90.' };
    case 'longitude_range':
      return {
        ja: '経度は -180〜180 の範囲で入力してください。',
        en: 'Longitude must be between -180 and 180.',
      };
    case 'lat_lng_pair':
      return {
        ja: '緯度と経度は両方入力してください。',
        en: 'Give both latitude and longitude, or neither.',
      };
    case 'integer_range':
      return {
        ja: `${min}〜${max} の整数で入力してください。`,
        en: `Must be a whole number from ${min} to ${max}.`,
      };
    case 'tolerance_range':
      return {
        ja: `許容幅は 0〜${max} 日（訪問周期以下）で入力してください。`,
        en: `Tolerance must be 0 to ${max} days (no more than the visit cycle).`,
      };
    case 'weekday_range':
      return {
        ja: '曜日は 0（日）〜6（土）で指定してください。',
        en: 'Weekdays are 0 (Sunday) to 6 (Saturday).',
      };
    case 'weekday_duplicate':
      return { ja: '同じ曜日が重複しています。', en: 'The same weekday is listed twice.' };
    case 'time_format':
      return { ja: '時刻は HH:MM の形式で入力してください。', en: 'Times must be HH:MM.' };
    case 'time_order':
      return { ja: '開始時刻は終了時刻より前にしてください。', en: 'Start must be before end.' };
    case 'time_overlap':
      return { ja: '訪問時間帯が重なっています。', en: 'Time windows overlap.' };
    case 'one_primary_contact':
      return { ja: '主担当の連絡先は1件だけにしてください。', en: 'Only one contact can be primary.' };
    case 'rep_required':
      return { ja: '担当者を指定してください。', en: 'Choose a sales rep.' };
    case 'rep_not_assignable':
      return {
        ja: 'この担当者には割り当てられません。',
        en: 'You cannot assign customers to this person.',
      };
    case 'rep_unknown_email':
      return {
        ja: `担当者「${value}」が見つかりません。`,
        en: `No sales rep with email "${value}".`,
      };
    case 'area_unknown':
      return { ja: `エリア「${value}」が見つかりません。`, en: `Unknown area "${value}".` };
  }
}

export type FieldErrors = Record<string, LocalizedText>;

/** 422 naming every refused field. */
export function validationFailed(fields: FieldErrors): AppError {
  return new AppError(
    422,
    'validation_failed',
    { ja: '入力内容を確認してください。', en: 'Please check the highlighted fields.' },
    fields,
  );
}

export function codeTaken(code: string): AppError {
  const text = fieldIssueText('code_taken', { value: code });
  return new AppError(409, 'code_taken', text, { code: text });
}

export const customerNotFound = () =>
  new AppError(404, 'not_found', { ja: '顧客が見つかりません。', en: 'Customer not found.' });

export const importForbidden = () =>
  new AppError(403, 'forbidden', {
    ja: 'CSV取込はマネージャーまたは管理者のみ行えます。',
    en: 'Only managers and admins can import customers.',
  });

export const restoreForbidden = () =>
  new AppError(403, 'forbidden', {
    ja: 'アーカイブした顧客を戻せるのはマネージャーと管理者です。',
    en: 'Only managers and admins can restore an archived customer.',
  });
