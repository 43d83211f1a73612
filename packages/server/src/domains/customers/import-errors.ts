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

/** What a file that is not a CSV looks like, for the message. */
export type NotCsvKind = 'xlsx' | 'utf16' | 'binary' | 'no_header';

/** 422 not_csv: the upload is not a customer CSV at all (a workbook, an image, UTF-16 text, no known header). */
export function notCsv(kind: NotCsvKind): AppError {
  const base = { ja: 'CSVファイルではありません。', en: 'This is not a CSV file.' };
  const more: Record<NotCsvKind, { ja: string; en: string }> = {
    xlsx: {
      ja: 'Excelブック（.xlsx）のようです。Excelの「名前を付けて保存」で「CSV UTF-8」または「CSV（コンマ区切り）」を選んでください。',
      en: 'It looks like an Excel workbook (.xlsx): in Excel, Save As "CSV UTF-8" or "CSV (Comma delimited)".',
    },
    utf16: {
      ja: 'UTF-16（Unicodeテキスト）です。「CSV UTF-8」または「CSV（コンマ区切り）」で保存し直してください。',
      en: 'It is UTF-16 ("Unicode text"): save it again as "CSV UTF-8" or "CSV (Comma delimited)".',
    },
    binary: {
      ja: '文字として読めないデータが含まれています（画像や圧縮ファイルなど）。',
      en: 'It holds data that is not text (an image, an archive…).',
    },
    no_header: {
      ja: '1行目に「顧客コード」「会社名」などの列名がありません。テンプレートの見出し行を使ってください。',
      en: 'Row 1 names none of the columns (顧客コード, 会社名…): start the file with the template’s header row.',
    },
  };
  const text = { ja: `${base.ja}${more[kind].ja}`, en: `${base.en} ${more[kind].en}` };
  return new AppError(422, 'not_csv', text, { file: text });
}
