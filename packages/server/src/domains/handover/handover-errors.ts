import { AppError, type LocalizedText, notFound } from '../../platform/errors.ts';

const field = (name: string, text: LocalizedText) =>
  new AppError(422, 'validation_failed', text, { [name]: text });

export const handoverSheetNotFound = () => notFound({ ja: '引き継ぎシート', en: 'Handover sheet' });
export const handoverNotFound = () => notFound({ ja: '引き継ぎ', en: 'Handover' });

export const receiverNotAssignable = () =>
  field('toRepId', {
    ja: 'この担当者には引き継げません（あなたのチームの在籍中の担当者を選んでください）。',
    en: 'Customers cannot be handed to this person (choose an active rep you may assign to).',
  });

export const selectionRequired = () =>
  field('customerIds', {
    ja: '顧客・エリア・担当者のいずれかで引き継ぐ顧客を選んでください。',
    en: 'Choose the customers to hand over: by selection, area or rep.',
  });

export const customerNotInBook = (index: number) =>
  field(`customers.${index}.id`, {
    ja: 'この顧客は引き継げません（あなたの担当範囲の顧客ではありません）。',
    en: 'This customer cannot be handed over (it is not in your book).',
  });

export const duplicateCustomer = (index: number) =>
  field(`customers.${index}.id`, {
    ja: '同じ顧客が二度含まれています。',
    en: 'The same customer is listed twice.',
  });

export const handoverIdTaken = () =>
  new AppError(
    409,
    'id_taken',
    {
      ja: 'このIDはすでに別の引き継ぎに使われています。',
      en: 'This id is already used by another handover.',
    },
    { id: { ja: 'このIDはすでに使われています。', en: 'This id is already used.' } },
  );
