/**
 * The fixed value lists of complaints and inquiries (不満・問い合わせ), shared with clients via
 * contracts.ts. Imports nothing, so a browser bundle can take it.
 */

/** Where the complaint or inquiry reached us. */
export const complaintSources = ['visit', 'phone', 'mail', 'other'] as const;
/** 不満 (complaint) or 問い合わせ (inquiry). */
export const complaintKinds = ['complaint', 'inquiry'] as const;
export const complaintCategories = ['quality', 'delivery', 'billing', 'service', 'spec', 'other'] as const;
export const complaintCategoryLabels: Readonly<
  Record<(typeof complaintCategories)[number], { ja: string; en: string }>
> = {
  quality: { ja: '品質', en: 'Quality' },
  delivery: { ja: '納期', en: 'Delivery' },
  billing: { ja: '請求', en: 'Billing' },
  service: { ja: '対応', en: 'Service' },
  spec: { ja: '製品仕様', en: 'Product spec' },
  other: { ja: 'その他', en: 'Other' },
};
export const complaintSeverities = ['low', 'medium', 'high', 'critical'] as const;
/**
 * Working days (Mon–Fri, not a national holiday of Japan) from the day it was received
 * (Asia/Tokyo) to its due date: critical 1, high 3, medium 7, low 14.
 */
export const complaintDueWorkingDays: Readonly<Record<(typeof complaintSeverities)[number], number>> = {
  critical: 1,
  high: 3,
  medium: 7,
  low: 14,
};
/** 受付 → 対応中 → 解決 → 完了確認 (the customer confirmed it at a visit). */
export const complaintStatuses = ['open', 'in_progress', 'resolved', 'confirmed'] as const;
export const complaintStatusLabels: Readonly<
  Record<(typeof complaintStatuses)[number], { ja: string; en: string }>
> = {
  open: { ja: '受付', en: 'Received' },
  in_progress: { ja: '対応中', en: 'In progress' },
  resolved: { ja: '解決', en: 'Resolved' },
  confirmed: { ja: '完了確認', en: 'Confirmed by customer' },
};
/**
 * What a user can do to a complaint (POST /api/complaints/{id}/actions):
 * note (any status, no change), start (open → in_progress), resolve (open/in_progress → resolved,
 * note required), confirm (resolved → confirmed: the customer agreed at a visit), reopen
 * (resolved/confirmed → in_progress, note required, due date counted again from today),
 * reassign (ownerId required; not once confirmed).
 */
export const complaintActionTypes = ['note', 'start', 'resolve', 'confirm', 'reopen', 'reassign'] as const;
/** History entries also hold `created`, the first one. */
export const complaintHistoryTypes = ['created', ...complaintActionTypes] as const;

/** Kinds of records a briefing line or a timeline entry comes from. */
export const sourceKinds = [
  'customer',
  'visit',
  'complaint',
  'promise',
  'order',
  'product',
  'quote',
  'form',
] as const;
/** The kinds the customer timeline can show (GET /api/customers/{id}/timeline?kinds=…). */
export const timelineKinds = ['visit', 'order', 'quote', 'complaint', 'promise', 'form'] as const;
/** Why a talking point is suggested. */
export const talkingPointReasons = [
  'reorder_due',
  'unresolved_complaint',
  'awaiting_confirmation',
  'similar_customers_buy',
] as const;
