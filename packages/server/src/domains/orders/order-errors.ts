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

/** 409 `invalid_transition` naming `ids.N`: one order of a bulk change cannot move there. */
export const bulkOrderTransition = (
  index: number,
  from: keyof typeof orderStatusJa,
  to: keyof typeof orderStatusJa,
) =>
  fieldError(409, 'invalid_transition', `ids.${index}`, {
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

export const productUnknown = (index: number) =>
  fieldError(422, 'validation_failed', `lines.${index}.productId`, {
    ja: '商品が見つかりません。',
    en: 'No such product.',
  });

export const unitPriceRequired = (index: number) =>
  fieldError(422, 'validation_failed', `lines.${index}.unitPrice`, {
    ja: '単価を入力してください（商品を選ぶと単価表から入ります）。',
    en: 'Enter a unit price (or choose a product to take its price).',
  });

export const linesRequired = () =>
  fieldError(422, 'validation_failed', 'lines', {
    ja: '明細を1行以上入力してください。',
    en: 'Add at least one line.',
  });

/** 422 naming `lines`: a rate's subtotal would fall below zero (discounts above its items). */
export const negativeSubtotal = () =>
  fieldError(422, 'validation_failed', 'lines', {
    ja: '値引が同じ税率の明細の合計を超えています。',
    en: 'The discounts exceed the items of their tax rate.',
  });

export const taxRateRequired = (index: number) =>
  fieldError(422, 'validation_failed', `lines.${index}.taxRate`, {
    ja: '税率（10%または8%）を選んでください。',
    en: 'Choose the tax rate (10% or 8%).',
  });

export const lineNameRequired = (index: number) =>
  fieldError(422, 'validation_failed', `lines.${index}.name`, {
    ja: '品名を入力してください。',
    en: 'Enter the item name.',
  });

/** 422 naming `lines`: the document's figures would pass what an order can hold. */
export const amountTooLarge = () =>
  fieldError(422, 'validation_failed', 'lines', {
    ja: '金額が大きすぎます（合計は21億円未満にしてください）。',
    en: 'The amounts are too large (keep the total under 2.1 billion yen).',
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
