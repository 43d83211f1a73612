import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../lib/format.ts';
import type { HistoryEntry } from '../api/customer-types.ts';

/** Names the page already knows, to show ids (rep, area, contact) as people and places. */
export interface HistoryNames {
  users: ReadonlyMap<string, string>;
  areas: ReadonlyMap<string, string>;
  contacts: ReadonlyMap<string, string>;
}

/** One changed field, ready to show: 「電話番号: 03-1111-2222 → 03-3333-4444」. */
export interface HistoryChangeLine {
  field: string;
  label: string;
  /** Absent on a create (the field had no earlier value). */
  before?: string;
  /** Absent on a delete. */
  after?: string;
}

/** Shown for an empty value (null, '', []). */
export const EMPTY_VALUE = '—';

// The カルテ form's labels, in the form's order; a field not listed keeps its API name and goes last.
const CUSTOMER_LABELS: Record<string, string> = {
  code: 'customerForm.fields.code',
  name: 'customerForm.fields.name',
  nameKana: 'customerForm.fields.nameKana',
  honorific: 'customerForm.fields.honorific',
  postalCode: 'customerForm.fields.postalCode',
  phone: 'customerForm.fields.phone',
  address: 'customerForm.fields.address',
  lat: 'customerForm.fields.lat',
  lng: 'customerForm.fields.lng',
  repId: 'customerForm.fields.repId',
  areaId: 'customerForm.fields.areaId',
  rank: 'customerForm.fields.rank',
  status: 'customerForm.fields.status',
  cadenceDays: 'customerForm.fields.cadenceDays',
  cadenceToleranceDays: 'customerForm.fields.cadenceToleranceDays',
  preferredWeekdays: 'customerForm.fields.preferredWeekdays',
  timeWindows: 'customerForm.fields.timeWindows',
  visitDurationMinutes: 'customerForm.fields.visitDurationMinutes',
  preferences: 'customerForm.fields.preferences',
  cautions: 'customerForm.fields.cautions',
  notes: 'customerForm.fields.notes',
  archivedAt: 'customer.history.fields.archivedAt',
};

const CONTACT_LABELS: Record<string, string> = {
  name: 'customerForm.fields.contactName',
  nameKana: 'customerForm.fields.contactKana',
  title: 'customerForm.fields.contactTitle',
  phone: 'customerForm.fields.contactPhone',
  email: 'customerForm.fields.contactEmail',
  isPrimary: 'customerForm.fields.isPrimary',
};

/** Bookkeeping that says nothing a user would read. */
const HIDDEN_FIELDS = new Set([
  'id',
  'customerId',
  'tenantId',
  'sortOrder',
  'version',
  'createdAt',
  'updatedAt',
]);

/** Weekdays in the order the form shows them: Monday first, Sunday last. */
const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export const isContactEntry = (entry: Pick<HistoryEntry, 'table'>): boolean =>
  entry.table === 'customer_contacts';

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const isTimeWindow = (value: unknown): value is { start: string; end: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { start?: unknown }).start === 'string' &&
  typeof (value as { end?: unknown }).end === 'string';

export interface FormatHistoryValueOptions {
  field: string;
  value: unknown;
  t: TFunction;
  language: string;
  names: HistoryNames;
}

/**
 * A recorded value as plain text: time windows as 09:00–12:00, weekdays as 月水金, booleans as
 * はい/いいえ, rep and area ids as names when known, instants in Tokyo time, empty as —.
 */
export const formatHistoryValue = ({
  field,
  value,
  t,
  language,
  names,
}: FormatHistoryValueOptions): string => {
  if (isEmpty(value)) return EMPTY_VALUE;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (field === 'repId') return names.users.get(value) ?? value;
    if (field === 'areaId') return names.areas.get(value) ?? value;
    if (field === 'status') return t(`customers.statusValues.${value}`, { defaultValue: value });
    if (field === 'honorific') return t(`customers.honorific.${value}`, { defaultValue: value });
    if (ISO_INSTANT.test(value)) return formatDateTime(value, language) || value;
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (field === 'preferredWeekdays' && value.every((day) => typeof day === 'number')) {
      const days = WEEKDAY_ORDER.filter((day) => value.includes(day)).map((day) => t(`weekdays.${day}`));
      return days.join(language === 'ja' ? '' : ' ');
    }
    if (value.every(isTimeWindow)) return value.map((w) => `${w.start}–${w.end}`).join(', ');
    return value.map((item) => formatHistoryValue({ field: '', value: item, t, language, names })).join(', ');
  }
  return JSON.stringify(value);
};

export interface HistoryChangeLinesOptions {
  entry: HistoryEntry;
  t: TFunction;
  language: string;
  names: HistoryNames;
}

/** The entry's changed fields with the form's labels, in the form's order. */
export const historyChangeLines = ({
  entry,
  t,
  language,
  names,
}: HistoryChangeLinesOptions): HistoryChangeLine[] => {
  const contact = isContactEntry(entry);
  const labels = contact ? CONTACT_LABELS : CUSTOMER_LABELS;
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  // A contact added or removed is already named in the entry's heading (担当者: 名前).
  const namedInHeading = (field: string, change: { before?: unknown; after?: unknown }) =>
    contact && field === 'name' && !('before' in change && 'after' in change);
  return (
    Object.entries(entry.changes)
      .filter(([field, change]) => !HIDDEN_FIELDS.has(field) && !namedInHeading(field, change))
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([field, change]) => {
        const key = labels[field];
        const line: HistoryChangeLine = { field, label: key ? t(key) : field };
        const format = (value: unknown) => formatHistoryValue({ field, value, t, language, names });
        if ('before' in change) line.before = format(change.before);
        if ('after' in change) line.after = format(change.after);
        return line;
      })
      // A value recorded as changed that reads the same either way (e.g. time windows whose keys
      // came back in another order) tells the reader nothing.
      .filter((line) => line.before === undefined || line.after === undefined || line.before !== line.after)
  );
};

/**
 * Whether the entry would show nothing but recorded changes that read the same before and after
 * (a write that changed no field a user sees); such entries are left out of the list.
 */
export const isNoOpEntry = (entry: HistoryEntry, lines: readonly HistoryChangeLine[]): boolean =>
  lines.length === 0 &&
  entry.action === 'update' &&
  Object.keys(entry.changes).some((field) => !HIDDEN_FIELDS.has(field));

/** Who a contact entry is about: its recorded name, else the name the page knows for it. */
export const historyContactName = (entry: HistoryEntry, names: HistoryNames): string | null => {
  const recorded = entry.changes.name?.after ?? entry.changes.name?.before;
  if (typeof recorded === 'string' && recorded) return recorded;
  return names.contacts.get(entry.recordId) ?? null;
};

/**
 * Adds what the entries themselves tell about names (each actor's name, each contact's last
 * recorded name) to what the page already knows.
 */
export const collectHistoryNames = (entries: readonly HistoryEntry[], known: HistoryNames): HistoryNames => {
  const users = new Map(known.users);
  const contacts = new Map<string, string>();
  // Oldest first, so the latest recorded name wins.
  for (const entry of [...entries].reverse()) {
    if (entry.actor.name && !users.has(entry.actor.id)) users.set(entry.actor.id, entry.actor.name);
    if (isContactEntry(entry)) {
      const name = entry.changes.name?.after ?? entry.changes.name?.before;
      if (typeof name === 'string' && name) contacts.set(entry.recordId, name);
    }
  }
  for (const [id, name] of known.contacts) contacts.set(id, name);
  return { users, areas: known.areas, contacts };
};
