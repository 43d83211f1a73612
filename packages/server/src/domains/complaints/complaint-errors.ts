import { AppError, type LocalizedText } from '../../platform/errors.ts';

const fieldError = (status: 409 | 422, code: string, field: string, text: LocalizedText) =>
  new AppError(status, code, text, { [field]: text });

export const complaintNotFound = () =>
  new AppError(404, 'not_found', {
    ja: '不満・問い合わせが見つかりません。',
    en: 'Complaint or inquiry not found.',
  });

export const customerUnknown = () =>
  fieldError(422, 'validation_failed', 'customerId', {
    ja: '顧客が見つかりません。',
    en: 'No such customer.',
  });

export const ownerNotAllowed = () =>
  fieldError(422, 'validation_failed', 'ownerId', {
    ja: 'この顧客の担当者、そのチームのマネージャー、または管理者を指定してください。',
    en: "Choose the customer's rep, a manager of their team, or an admin.",
  });

export const ownerRequired = () =>
  fieldError(422, 'validation_failed', 'ownerId', {
    ja: '担当を変更するには新しい担当者を指定してください。',
    en: 'Choose the new owner to reassign.',
  });

export const noteRequired = (type: 'resolve' | 'reopen') =>
  fieldError(
    422,
    'validation_failed',
    'note',
    type === 'resolve'
      ? { ja: '解決の内容を入力してください。', en: 'Say how it was resolved.' }
      : { ja: '再開の理由を入力してください。', en: 'Say why it is reopened.' },
  );

export const visitIdWithoutVisit = () =>
  fieldError(422, 'validation_failed', 'visitId', {
    ja: '訪問IDは受付経路が「訪問」のときだけ指定できます。',
    en: 'visitId is only for a complaint heard at a visit (source visit).',
  });

export const visitUnknown = () =>
  fieldError(422, 'validation_failed', 'visitId', {
    ja: 'この顧客の訪問が見つかりません。',
    en: 'No such visit of this customer.',
  });

const statusJa = { open: '受付', in_progress: '対応中', resolved: '解決', confirmed: '完了確認' } as const;
const statusEn = {
  open: 'received',
  in_progress: 'in progress',
  resolved: 'resolved',
  confirmed: 'confirmed by the customer',
} as const;
const actionJa = {
  start: '対応開始',
  resolve: '解決',
  confirm: '完了確認',
  reopen: '再開',
  reassign: '担当変更',
  note: 'メモ',
} as const;

/** 409 `invalid_transition` naming the `type` field: the action does not apply in this status. */
export const invalidTransition = (type: keyof typeof actionJa, status: keyof typeof statusJa) =>
  fieldError(409, 'invalid_transition', 'type', {
    ja: `「${statusJa[status]}」の状態では「${actionJa[type]}」はできません。`,
    en: `Cannot ${type} a complaint that is ${statusEn[status]}.`,
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
