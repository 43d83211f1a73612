/**
 * The customer domain's fixed value lists. Pure data that imports nothing, so the web app can
 * use it through `@kayoi/server/contracts` without pulling in server code.
 */

export const customerRanks = ['A', 'B', 'C'] as const;
export const customerStatuses = ['active', 'dormant', 'churned'] as const;
/** 御中 for companies and departments, 様 for a named person. */
export const honorifics = ['onchu', 'sama'] as const;

/** The orders the customer list can be sorted in (`?sort=`). */
export const customerSorts = [
  'name',
  '-name',
  'rank',
  'lastOrderAt',
  '-lastOrderAt',
  'nextVisitDue',
] as const;

/**
 * The CSV columns, in order: export writes them, import reads them (by header, any order, each
 * optional: a missing column or a blank cell keeps the stored value). The 先方担当者 columns are
 * the customer's primary contact (the one flagged primary, else the first).
 */
export const csvColumns = [
  '顧客コード',
  '会社名',
  'フリガナ',
  '敬称',
  '郵便番号',
  '住所',
  '電話番号',
  '担当者メール',
  'エリア',
  'ランク',
  'ステータス',
  '訪問周期(日)',
  '許容幅(日)',
  '訪問曜日',
  '訪問時間帯',
  '滞在時間(分)',
  '好み・人柄',
  '注意点',
  'メモ',
  '緯度',
  '経度',
  '先方担当者',
  '先方担当者役職',
  '先方担当者電話',
  '先方担当者メール',
] as const;

/**
 * A cell holding only this (full- or half-width parentheses, any case) empties the field on import;
 * a blank cell keeps the stored value.
 */
export const csvClearMarkers = ['(削除)', '(clear)'] as const;

/**
 * How a customer's position was reached: geocoded to the lot (番地), the block (町丁目) or only
 * the municipality (市区町村); placed by hand (a dragged pin, typed or imported 緯度/経度); none.
 */
export const geoPrecisions = ['banchi', 'chome', 'city', 'manual', 'none'] as const;
export type GeoPrecision = (typeof geoPrecisions)[number];

/** `?position=` of the list: missing = no coordinates (the planner skips them); approximate = 市区町村 only. */
export const positionFilters = ['missing', 'approximate'] as const;
