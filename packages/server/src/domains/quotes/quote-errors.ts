import { AppError, type LocalizedText } from '../../platform/errors.ts';

const fieldError = (status: 409 | 422, code: string, field: string, text: LocalizedText) =>
  new AppError(status, code, text, { [field]: text });

export const quoteNotFound = () =>
  new AppError(404, 'not_found', { ja: '見積が見つかりません。', en: 'Quote not found.' });

export const customerUnknown = () =>
  fieldError(422, 'validation_failed', 'customerId', {
    ja: '顧客が見つかりません。',
    en: 'No such customer.',
  });

export const visitUnknown = () =>
  fieldError(422, 'validation_failed', 'visitId', {
    ja: 'この顧客の訪問が見つかりません。',
    en: 'No such visit of this customer.',
  });

export const sourceQuoteUnknown = () =>
  fieldError(422, 'validation_failed', 'sourceQuoteId', {
    ja: 'コピー元の見積が見つかりません。',
    en: 'No such quote to copy from.',
  });

const quoteStatusJa = {
  draft: '下書き',
  submitted: '提出済',
  accepted: '受注',
  lost: '失注',
  superseded: '改訂済',
} as const;

/** 409 `quote_issued`: an issued quote is immutable (a change makes a new revision). */
export const quoteIssued = (status: keyof typeof quoteStatusJa) =>
  new AppError(409, 'quote_issued', {
    ja: `「${quoteStatusJa[status]}」の見積は変更できません。変更するには改訂してください。`,
    en: `A quote that is ${status} cannot be changed; revise it to make a new draft.`,
  });

/** 409 `invalid_transition`: the action does not apply in the quote's status. */
export const quoteTransition = (action: string, status: keyof typeof quoteStatusJa) =>
  new AppError(409, 'invalid_transition', {
    ja: `「${quoteStatusJa[status]}」の見積にはこの操作はできません。`,
    en: `Cannot ${action} a quote that is ${status}.`,
  });

export const quoteExpired = () =>
  new AppError(409, 'quote_expired', {
    ja: '有効期限が切れた見積は受注にできません。改訂して再提出してください。',
    en: 'An expired quote cannot be accepted; revise and issue it again.',
  });

export const idTaken = () =>
  fieldError(409, 'id_taken', 'id', {
    ja: 'このIDはすでに使われています。',
    en: 'This id is already in use.',
  });

export const badCursor = () =>
  fieldError(422, 'validation_failed', 'cursor', {
    ja: 'ページの指定が正しくありません。',
    en: 'The page cursor is not valid.',
  });
