import { AppError, type LocalizedText, notFound } from '../../platform/errors.ts';
import { validationFailed } from '../../platform/http/create-router.ts';

export const planNotFound = () => notFound({ ja: '計画', en: 'Plan' });
export const plannedVisitNotFound = () => notFound({ ja: '予定訪問', en: 'Planned visit' });
/** A team the caller cannot plan answers like one that does not exist. */
export const teamNotFound = () =>
  validationFailed({ teamId: { ja: 'そのチームはありません。', en: 'No such team.' } });
export const planFinished = () =>
  new AppError(409, 'plan_finished', {
    ja: 'この計画はすでに終了しています。',
    en: 'This plan has already finished.',
  });

/** Why a customer got no visit, as a manager reads it (the builder's and the solver's reasons). */
export const unplannedReasonText: Readonly<Record<string, LocalizedText>> = {
  no_position: {
    ja: '位置（緯度・経度）が未登録のため、ルートに入れられません。',
    en: 'No position (latitude/longitude) on file, so it cannot be routed.',
  },
  no_rep: { ja: '担当者が決まっていません。', en: 'No rep is assigned.' },
  rep_not_working: {
    ja: '担当者が訪問可能な曜日に勤務していません。',
    en: 'Its rep does not work on any day it can be visited.',
  },
  cadence_impossible: {
    ja: '訪問周期をこの期間内で守れません。',
    en: 'Its visit cadence cannot be kept within this horizon.',
  },
  visit_longer_than_opening: {
    ja: '滞在時間が営業時間より長くなっています。',
    en: 'The visit is longer than its opening hours.',
  },
  no_combination_fits: {
    ja: 'その日に担当者の時間が足りません。',
    en: 'No rep has time for it on the days it can be visited.',
  },
  window_unreachable: {
    ja: '出発地から営業時間内に到着できません。',
    en: 'Its opening hours cannot be reached from the start place in time.',
  },
  no_capacity: { ja: '車両の積載量を超えています。', en: 'It exceeds the vehicle capacity.' },
  pinned_conflict: {
    ja: '固定した訪問が担当者の勤務日と合いません。',
    en: 'A pinned visit does not fit its rep’s working days.',
  },
  no_combination: {
    ja: '訪問できる日の組み合わせがありません。',
    en: 'There is no combination of days it can be visited on.',
  },
};
