import { type FormKind, formKinds, MAX_FORM_ATTACHMENT_BYTES } from '@kayoi/server/contracts';
import type { FormListQuery } from '../api/forms-api.ts';

/** The 申込書 list's filters as kept in the URL (`/forms?repId=…&kind=renewal&from=2026-11-01&to=2026-12-01`). */
export interface FormFilters {
  repId?: string;
  customerId?: string;
  kind?: FormKind;
  from?: string;
  to?: string;
  voided?: 'include' | 'only';
}

const text = (value: unknown, max = 100): string | undefined =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : undefined;
const date = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

/** Reads the filters from untrusted URL search params, dropping anything unknown. */
export const parseFormFilters = (search: Record<string, unknown>): FormFilters => {
  const filters: FormFilters = {
    repId: text(search.repId),
    customerId: text(search.customerId),
    kind: formKinds.find((k) => k === search.kind),
    from: date(search.from),
    to: date(search.to),
    voided: search.voided === 'include' || search.voided === 'only' ? search.voided : undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as FormFilters;
};

/** The day after a civil day (`2026-11-30` → `2026-12-01`): the UI's "to" is inclusive, the API's exclusive. */
export const nextDay = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The day before a civil day: an exclusive end (the KPIs') as the list's inclusive one. */
export const dayBefore = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export const formListQuery = (filters: FormFilters): FormListQuery => ({
  ...(filters.repId && { repId: filters.repId }),
  ...(filters.customerId && { customerId: filters.customerId }),
  ...(filters.kind && { kind: filters.kind }),
  ...(filters.from && { from: filters.from }),
  ...(filters.to && { to: nextDay(filters.to) }),
  voided: filters.voided ?? 'include',
});

/** What the server takes (it reads the first bytes; the phone checks the declared type first). */
export const ACCEPTED_ATTACHMENT = 'image/*,application/pdf';
const acceptedTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
];

export type AttachmentProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be sent, or null: JPEG/PNG/WebP/HEIC or PDF, at most 8 MB. */
export const attachmentProblem = (file: File): AttachmentProblem | null => {
  if (file.size === 0) return 'empty';
  const type = file.type.toLowerCase();
  const byName = /\.(jpe?g|png|webp|heic|heif|pdf)$/i.test(file.name);
  if (type ? !acceptedTypes.includes(type) : !byName) return 'type';
  if (file.size > MAX_FORM_ATTACHMENT_BYTES) return 'size';
  return null;
};

export const MAX_ATTACHMENT_MB = MAX_FORM_ATTACHMENT_BYTES / 1024 / 1024;
