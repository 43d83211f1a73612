import { AppError, type LocalizedText, notFound } from '../../platform/errors.ts';
import { MAX_FORM_ATTACHMENT_BYTES } from './form-values.ts';

const fieldError = (status: 409 | 413 | 422, code: string, field: string, text: LocalizedText) =>
  new AppError(status, code, text, { [field]: text });

export const formNotFound = () => notFound({ ja: '申込書', en: 'Application form' });

export const formAttachmentNotFound = () =>
  notFound({ ja: '申込書の写真・PDF', en: "The form's photo or PDF" });

export const formCustomerUnknown = () =>
  fieldError(422, 'validation_failed', 'customerId', {
    ja: 'その顧客はありません。',
    en: 'No such customer.',
  });

export const formRepNotAllowed = () =>
  fieldError(422, 'validation_failed', 'repId', {
    ja: '回収した担当者には、あなたが見られる担当者を指定してください（営業担当は自分だけです）。',
    en: 'Name a rep you may see as the collector (a rep can only name themself).',
  });

export const formVisitUnknown = () =>
  fieldError(422, 'validation_failed', 'visitId', {
    ja: 'この顧客の訪問が見つかりません。',
    en: 'No such visit of this customer.',
  });

export const formDateInFuture = () =>
  fieldError(422, 'validation_failed', 'collectedOn', {
    ja: '回収日に未来の日付は指定できません。',
    en: 'The collected day cannot be in the future.',
  });

export const formIdTaken = (field = 'id') =>
  fieldError(409, 'id_taken', field, {
    ja: 'このIDはすでに使われています。',
    en: 'This id is already in use.',
  });

export const formVoided = () =>
  fieldError(409, 'form_voided', 'version', {
    ja: 'この申込書は取り消し済みです。変更できません。',
    en: 'This form has been voided and cannot be changed.',
  });

export const formBadCursor = () =>
  fieldError(422, 'validation_failed', 'cursor', {
    ja: 'ページの指定が正しくありません。',
    en: 'The page cursor is not valid.',
  });

/** Field messages of the forms API, in both UI languages. */
export const formFieldText = {
  fileMissing: { ja: 'ファイルを選んでください。', en: 'Choose a file.' },
  fileType: {
    ja: '申込書の写真（JPEG・PNG・WebP・HEIC）かPDFを選んでください。',
    en: 'Choose a photo (JPEG, PNG, WebP, HEIC) or a PDF of the form.',
  },
  tooMany: (max: number): LocalizedText => ({
    ja: `1回の訪問で記録できる申込書は${max}枚までです。`,
    en: `At most ${max} forms can be recorded at one visit.`,
  }),
} satisfies Record<string, LocalizedText | ((n: number) => LocalizedText)>;

export const attachmentTypeRefused = () =>
  fieldError(422, 'validation_failed', 'file', formFieldText.fileType);

/** 413 naming `file`: the photo or PDF is over the limit. */
export const attachmentTooLarge = (size: number) =>
  fieldError(413, 'payload_too_large', 'file', {
    ja: `ファイルが大きすぎます（${(size / 1024 / 1024).toFixed(1)} MB）。${MAX_FORM_ATTACHMENT_BYTES / 1024 / 1024} MB以下にしてください。`,
    en: `The file is too large (${(size / 1024 / 1024).toFixed(1)} MB). Use one of at most ${MAX_FORM_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
  });
