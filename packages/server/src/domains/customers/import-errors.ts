import { AppError } from '../../platform/errors.ts';

/** Why an import commit was refused. */
export type ImportRefusal =
  | 'not_found'
  | 'has_errors'
  | 'expired'
  | 'already_committed'
  | 'stale'
  | 'code_taken';

export function importRefused(reason: ImportRefusal): AppError {
  switch (reason) {
    case 'not_found':
      return new AppError(404, 'not_found', {
        ja: '取込データが見つかりません。もう一度ファイルを選んでください。',
        en: 'Import not found. Upload the file again.',
      });
    case 'has_errors':
      return new AppError(422, 'import_has_errors', {
        ja: 'エラーのある行があるため取り込めません。ファイルを修正して再度プレビューしてください。',
        en: 'The file has rows with errors. Fix them and preview again.',
      });
    case 'expired':
      return new AppError(410, 'import_expired', {
        ja: 'プレビューの有効期限が切れました。もう一度ファイルを選んでください。',
        en: 'The preview has expired. Upload the file again.',
      });
    case 'already_committed':
      return new AppError(409, 'import_already_committed', {
        ja: 'この取込は既に確定済みです。',
        en: 'This import has already been committed.',
      });
    case 'stale':
      return new AppError(409, 'import_stale', {
        ja: 'プレビュー後に顧客が更新されました。もう一度プレビューしてください。',
        en: 'Customers changed since the preview. Preview the file again.',
      });
    case 'code_taken':
      return new AppError(409, 'code_taken', {
        ja: 'プレビュー後に同じ顧客コードが登録されました。もう一度プレビューしてください。',
        en: 'A customer code in the file was taken since the preview. Preview the file again.',
      });
  }
}
