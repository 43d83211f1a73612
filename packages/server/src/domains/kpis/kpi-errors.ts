import { AppError } from '../../platform/errors.ts';

/** A scope that does not exist, or that the caller may not see: the same answer for both. */
export const kpiScopeNotFound = () =>
  new AppError(404, 'not_found', {
    ja: '集計範囲が見つかりません。',
    en: 'Reporting scope not found.',
  });

export const badKpiCursor = () =>
  new AppError(
    422,
    'validation_failed',
    { ja: 'ページの指定が正しくありません。', en: 'The page cursor is not valid.' },
    { cursor: { ja: 'ページの指定が正しくありません。', en: 'The page cursor is not valid.' } },
  );
