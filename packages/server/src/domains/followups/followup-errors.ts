import { AppError, type LocalizedText, notFound } from '../../platform/errors.ts';

export const followupNotFound = () => notFound({ ja: 'フォロー', en: 'Follow-up' });

/** Field messages of the followups API, in both UI languages. */
export const followupFieldText = {
  dueDateRange: (from: string, to: string): LocalizedText => ({
    ja: `期日は ${from} から ${to} の間で指定してください。`,
    en: `Choose a due date between ${from} and ${to}.`,
  }),
  titleBlank: { ja: '内容を入力してください。', en: 'Describe the promise.' },
  assigneeUnknown: {
    ja: 'この担当者は選べません（社内のスタッフから選んでください）。',
    en: 'This assignee cannot be chosen (pick a member of staff of your company).',
  },
  idTaken: {
    ja: 'このIDはすでに別の記録に使われています。',
    en: 'This id is already used by another record.',
  },
  customerUnknown: { ja: 'その顧客はありません。', en: 'No such customer.' },
} satisfies Record<string, LocalizedText | ((...args: string[]) => LocalizedText)>;

/** 409 `id_taken`: a client-made id already names a record the caller cannot change. */
export const followupIdTaken = (field: string) =>
  new AppError(409, 'id_taken', followupFieldText.idTaken, { [field]: followupFieldText.idTaken });
