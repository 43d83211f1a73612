import { AppError, type LocalizedText } from '../../platform/errors.ts';

const fieldError = (status: 409 | 422, code: string, field: string, text: LocalizedText) =>
  new AppError(status, code, text, { [field]: text });

export const orderNotFound = () =>
  new AppError(404, 'not_found', { ja: '受注が見つかりません。', en: 'Order not found.' });

export const customerUnknown = () =>
  fieldError(422, 'validation_failed', 'customerId', {
    ja: '顧客が見つかりません。',
    en: 'No such customer.',
  });

const orderStatusJa = {
  ordered: '受注',
  arranged: '手配済',
  delivered: '納品済',
  invoiced: '請求済',
  cancelled: 'キャンセル',
} as const;

/** 409 `invalid_transition` naming `status`: the order cannot move there from its status. */
export const orderTransition = (from: keyof typeof orderStatusJa, to: keyof typeof orderStatusJa) =>
  fieldError(409, 'invalid_transition', 'status', {
    ja: `「${orderStatusJa[from]}」の受注を「${orderStatusJa[to]}」にはできません。`,
    en: `An order that is ${from} cannot become ${to}.`,
  });

export const reasonRequired = () =>
  fieldError(422, 'validation_failed', 'reason', {
    ja: '理由を入力してください。',
    en: 'Give a reason.',
  });

export const bulkOrderUnknown = (index: number) =>
  fieldError(422, 'validation_failed', `ids.${index}`, {
    ja: '受注が見つかりません。',
    en: 'No such order.',
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
