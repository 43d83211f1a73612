import { AppError, type LocalizedText } from '../../platform/errors.ts';

/** Why a catalog or price list field was refused. Each code has one message per UI language. */
export type CatalogFieldIssue =
  | 'required'
  | 'too_long'
  | 'invalid_choice'
  | 'code_format'
  | 'code_taken'
  | 'code_duplicate_in_file'
  | 'kana_only'
  | 'price_format'
  | 'discount_format'
  | 'quantity_range'
  | 'date_format'
  | 'date_order'
  | 'period_overlap'
  | 'product_unknown'
  | 'customer_unknown'
  | 'component_duplicate'
  | 'component_self'
  | 'component_bundle'
  | 'component_tax'
  | 'bundle_in_use'
  | 'too_many'
  | 'one_target'
  | 'one_kind'
  | 'rank_admin_only';

export interface CatalogIssueParams {
  max?: number;
  value?: string;
}

/** The user's message for a catalog field issue. */
export function catalogIssueText(issue: CatalogFieldIssue, params: CatalogIssueParams = {}): LocalizedText {
  const { max, value } = params;
  switch (issue) {
    case 'required':
      return { ja: '入力してください。', en: 'Required.' };
    case 'too_long':
      return { ja: `${max}文字以内で入力してください。`, en: `Use at most ${max} characters.` };
    case 'invalid_choice':
      return { ja: '選択肢から選んでください。', en: 'Choose one of the allowed values.' };
    case 'code_format':
      return {
        ja: '商品コードは空白を含まない半角英数字・記号32文字以内で入力してください。',
        en: 'Product code: up to 32 ASCII letters, digits or symbols, no spaces.',
      };
    case 'code_taken':
      return {
        ja: `商品コード「${value}」は既に使われています。`,
        en: `Product code "${value}" is already in use.`,
      };
    case 'code_duplicate_in_file':
      return {
        ja: `商品コード「${value}」がファイル内で重複しています。`,
        en: `Product code "${value}" appears more than once in the file.`,
      };
    case 'kana_only':
      return { ja: 'カタカナで入力してください。', en: 'Use katakana only.' };
    case 'price_format':
      return {
        ja: '単価は 0〜10,000,000 円、小数点以下2桁までで入力してください（例: 2980、1.5）。',
        en: 'Unit price: 0 to 10,000,000 yen with at most two decimals (e.g. 2980, 1.5).',
      };
    case 'discount_format':
      return {
        ja: '値引率は 0 より大きく 100 以下、小数点以下2桁までで入力してください（例: 5、12.5）。',
        en: 'Discount: more than 0 and at most 100 percent, at most two decimals (e.g. 5, 12.5).',
      };
    case 'quantity_range':
      return {
        ja: '数量は 1〜1,000,000 の整数で入力してください。',
        en: 'Quantity must be a whole number from 1 to 1,000,000.',
      };
    case 'date_format':
      return {
        ja: '日付は YYYY-MM-DD の形式で、実在する日付を入力してください。',
        en: 'Dates must be real dates written YYYY-MM-DD.',
      };
    case 'date_order':
      return {
        ja: '終了日は開始日以降にしてください。',
        en: 'The end date must not be before the start date.',
      };
    case 'period_overlap':
      return {
        ja: `同じ対象・商品の${value ?? ''}と期間が重なっています。期間を調整してください。`,
        en: `The period overlaps another entry for the same target and product (${value ?? ''}). Adjust the dates.`,
      };
    case 'product_unknown':
      return { ja: '商品が見つかりません。', en: 'Product not found.' };
    case 'customer_unknown':
      return { ja: '顧客が見つかりません。', en: 'Customer not found.' };
    case 'component_duplicate':
      return { ja: '同じ商品が構成に2回含まれています。', en: 'The same product is listed twice.' };
    case 'component_self':
      return { ja: 'セット自身を構成品にはできません。', en: 'A bundle cannot contain itself.' };
    case 'component_bundle':
      return {
        ja: 'セット商品を別のセットの構成品にはできません。',
        en: 'A bundle cannot contain another bundle.',
      };
    case 'component_tax':
      return {
        ja: 'セットの構成品はセットと同じ税区分の商品にしてください（標準10%と軽減8%は1つの価格にまとめられません）。',
        en: 'Components must have the bundle’s tax category (10% and 8% items cannot share one price).',
      };
    case 'bundle_in_use':
      return {
        ja: 'この商品はセットの構成品です。税区分を変えるには先にセットから外してください。',
        en: 'This product is part of a bundle: take it out of the bundle before changing its tax category.',
      };
    case 'too_many':
      return { ja: `${max}件までです。`, en: `At most ${max}.` };
    case 'one_target':
      return {
        ja: '顧客かランクのどちらか一方を指定してください。',
        en: 'Give either a customer or a rank, not both.',
      };
    case 'one_kind':
      return {
        ja: '特別単価か値引率のどちらか一方を入力してください。',
        en: 'Give either a special unit price or a discount percent, not both.',
      };
    case 'rank_admin_only':
      return {
        ja: 'ランク別の価格は管理者のみ登録・変更できます。',
        en: 'Only an admin can set prices for a whole rank.',
      };
  }
}

export type CatalogFieldErrors = Record<string, LocalizedText>;

/** 422 naming every refused field. */
export function catalogValidationFailed(fields: CatalogFieldErrors): AppError {
  return new AppError(
    422,
    'validation_failed',
    { ja: '入力内容を確認してください。', en: 'Please check the highlighted fields.' },
    fields,
  );
}

export const productNotFound = () =>
  new AppError(404, 'not_found', { ja: '商品が見つかりません。', en: 'Product not found.' });

export const priceEntryNotFound = () =>
  new AppError(404, 'not_found', { ja: '価格設定が見つかりません。', en: 'Price list entry not found.' });

export const customerNotFoundForPrices = () =>
  new AppError(404, 'not_found', { ja: '顧客が見つかりません。', en: 'Customer not found.' });

export function productCodeTaken(code: string): AppError {
  const text = catalogIssueText('code_taken', { value: code });
  return new AppError(409, 'code_taken', text, { code: text });
}

export const catalogWriteForbidden = () =>
  new AppError(403, 'forbidden', {
    ja: '商品と価格を変更できるのはマネージャーと管理者です。',
    en: 'Only managers and admins can change the catalog and prices.',
  });

export const idTaken = () => {
  const text = { ja: 'このIDは既に使われています。', en: 'This id is already in use.' };
  return new AppError(409, 'id_taken', text, { id: text });
};

/** Why a catalog import commit was refused. */
export type ProductImportRefusal = 'not_found' | 'has_errors' | 'expired' | 'already_committed' | 'stale';

export function productImportRefused(reason: ProductImportRefusal): AppError {
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
        ja: 'プレビュー後に商品が更新または登録されました。もう一度プレビューしてください。',
        en: 'Products changed since the preview. Preview the file again.',
      });
  }
}

/** 422 not_csv for a catalog upload whose first row names no catalog column. */
export function noCatalogHeader(): AppError {
  const text = {
    ja: 'CSVファイルではありません。1行目に「商品コード」「商品名」などの列名がありません。エクスポートしたファイルの見出し行を使ってください。',
    en: 'This is not a catalog CSV: row 1 names none of the columns (商品コード, 商品名…). Start the file with the export’s header row.',
  };
  return new AppError(422, 'not_csv', text, { file: text });
}
