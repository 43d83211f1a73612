/**
 * The fixed value lists of quotes (見積), shared with clients via contracts.ts.
 * Imports nothing, so a browser bundle can take it.
 */

/** Stored statuses of a quote revision: 下書き, 提出済, 受注, 失注, 改訂済 (a newer revision exists). */
export const quoteStatuses = ['draft', 'submitted', 'accepted', 'lost', 'superseded'] as const;
/** What the API shows: the stored status, or 期限切れ for a submitted quote past its validUntil (Asia/Tokyo). */
export const quoteViewStatuses = [...quoteStatuses, 'expired'] as const;
export const quoteStatusLabels: Readonly<
  Record<(typeof quoteViewStatuses)[number], { ja: string; en: string }>
> = {
  draft: { ja: '下書き', en: 'Draft' },
  submitted: { ja: '提出済', en: 'Submitted' },
  accepted: { ja: '受注', en: 'Accepted' },
  lost: { ja: '失注', en: 'Lost' },
  superseded: { ja: '改訂済', en: 'Superseded' },
  expired: { ja: '期限切れ', en: 'Expired' },
};

/** Days before validUntil from which a submitted quote counts as expiring on the desk. */
export const EXPIRING_WITHIN_DAYS = 7;
