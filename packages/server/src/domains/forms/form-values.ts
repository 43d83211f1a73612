/**
 * The fixed value lists of 申込書 (application forms), shared with clients via contracts.ts.
 * Imports nothing, so a browser bundle can take it.
 */

/** What the customer applied for on the paper: 新規サービス / 契約変更 / 更新 / 解約 / その他. */
export const formKinds = ['new_service', 'contract_change', 'renewal', 'cancellation', 'other'] as const;
export type FormKind = (typeof formKinds)[number];

export const formKindLabels: Readonly<Record<FormKind, { ja: string; en: string }>> = {
  new_service: { ja: '新規サービス', en: 'New service' },
  contract_change: { ja: '契約変更', en: 'Contract change' },
  renewal: { ja: '更新', en: 'Renewal' },
  cancellation: { ja: '解約', en: 'Cancellation' },
  other: { ja: 'その他', en: 'Other' },
};

/** A photo of the paper (JPEG, PNG, WebP, HEIC) or a PDF scan, told by its first bytes. */
export const formAttachmentTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type FormAttachmentType = (typeof formAttachmentTypes)[number];

/** 8 MB: a phone's full-size photo fits, a video does not (the upload body itself may reach the platform's 10 MB). */
export const MAX_FORM_ATTACHMENT_BYTES = 8 * 1024 * 1024;

export const formLimits = {
  note: 1000,
  voidReason: 500,
  fileName: 200,
  /** Forms one visit log may carry. */
  perVisit: 20,
  pageSize: 200,
} as const;
