import { AppError, type LocalizedText, notFound } from '../../platform/errors.ts';

export const visitNotFound = () => notFound({ ja: '訪問', en: 'Visit' });

/** Field messages of the visits API, in both UI languages. */
export const visitFieldText = {
  customerUnknown: { ja: 'その顧客はありません。', en: 'No such customer.' },
  plannedVisitUnknown: {
    ja: 'その訪問予定はありません（あなたの予定のうち、この顧客のものを指定してください）。',
    en: 'No such planned stop (name one of your own stops at this customer).',
  },
  atTooLate: { ja: '未来の時刻は指定できません。', en: 'The time cannot be in the future.' },
  atTooEarly: { ja: '7日以上前の時刻は指定できません。', en: 'The time cannot be more than 7 days ago.' },
  checkOutBeforeCheckIn: {
    ja: 'チェックアウトはチェックインより後の時刻にしてください。',
    en: 'Check-out must be after the check-in.',
  },
  blank: { ja: '入力してください。', en: 'Required.' },
  dateRange: (from: string, to: string): LocalizedText => ({
    ja: `${from} から ${to} の間の日付を指定してください。`,
    en: `Choose a date between ${from} and ${to}.`,
  }),
  versionRequired: {
    ja: '保存済みの記録を変更するには version を送ってください。',
    en: 'Send the version you read to change a saved log.',
  },
} satisfies Record<string, LocalizedText | ((...args: string[]) => LocalizedText)>;

export const visitIdTaken = () => {
  const text = { ja: 'このIDの訪問はすでに登録されています。', en: 'A visit with this id already exists.' };
  return new AppError(409, 'id_taken', text, { id: text });
};

/** 409: a planned stop already has a visit (checked in from another phone, say). */
export const plannedVisitVisited = () => {
  const text = {
    ja: 'この訪問予定にはすでにチェックインされています。',
    en: 'This planned stop has already been checked in.',
  };
  return new AppError(409, 'planned_visit_visited', text, { plannedVisitId: text });
};

/** 409: a stop visited (or not planned any more) cannot be skipped. */
export const stopNotSkippable = () =>
  new AppError(409, 'stop_not_skippable', {
    ja: 'チェックイン済み、または予定から外れた訪問はスキップできません。',
    en: 'A stop already checked in, or no longer planned, cannot be skipped.',
  });
