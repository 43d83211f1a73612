import type { BriefingReorderLine, ReorderSignal } from '@kayoi/server/contracts';

/** One product on the 発注予定 card, from the briefing's due list or the signals endpoint. */
export interface ReorderItem {
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  /** Usual days between orders. */
  intervalDays: number;
  lastOrderedDate: string;
  expectedDate: string;
  /** expectedDate − today; negative when overdue. */
  daysUntil: number;
  usualQuantity: number;
  /** Expected within 7 days, or overdue. */
  due: boolean;
}

/** The most a card lists; the rest are left for the カルテ's orders. */
export const MAX_REORDER_ITEMS = 8;
/** The カルテ shows what is due and what comes within this many days. */
export const UPCOMING_DAYS = 30;

export const fromSignal = (s: ReorderSignal): ReorderItem => ({
  productId: s.productId,
  productCode: s.productCode,
  productName: s.productName,
  unit: s.unit,
  intervalDays: s.intervalDays,
  lastOrderedDate: s.lastOrderedDate,
  expectedDate: s.expectedDate,
  daysUntil: s.daysUntil,
  usualQuantity: s.usualQuantity,
  due: s.due,
});

export const fromBriefingLine = (line: BriefingReorderLine): ReorderItem => ({
  productId: line.productId,
  productCode: line.productCode,
  productName: line.productName,
  unit: line.unit,
  intervalDays: line.medianIntervalDays,
  lastOrderedDate: line.lastOrderedDate,
  expectedDate: line.expectedDate,
  daysUntil: line.daysUntil,
  usualQuantity: line.usualQuantity,
  due: true,
});

/** Most overdue first, then the soonest; at most MAX_REORDER_ITEMS, within UPCOMING_DAYS. */
export const reorderItemsToShow = (items: readonly ReorderItem[]): ReorderItem[] =>
  items
    .filter((item) => item.due || item.daysUntil <= UPCOMING_DAYS)
    .toSorted((a, b) => a.daysUntil - b.daysUntil || a.productCode.localeCompare(b.productCode))
    .slice(0, MAX_REORDER_ITEMS);

/**
 * A civil date as the card shows it: `11/02`, with the year when it is not this year's
 * (`2025/12/28`).
 */
export const shortDate = (date: string, today: string): string => {
  const [y, m, d] = date.split('-');
  return y === today.slice(0, 4) ? `${m}/${d}` : `${y}/${m}/${d}`;
};
