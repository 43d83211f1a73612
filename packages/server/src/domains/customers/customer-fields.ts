import {
  type CustomerFieldIssue,
  type FieldErrors,
  fieldIssueText,
  type IssueParams,
} from './customer-errors.ts';
import { customerRanks, customerStatuses, honorifics } from './customer-values.ts';
import { isKatakanaReading, normalizeInput } from './japanese-text.ts';
import type { TimeWindow } from './tables.ts';

export type Rank = (typeof customerRanks)[number];
export type CustomerStatus = (typeof customerStatuses)[number];
export type Honorific = (typeof honorifics)[number];

export interface ContactFields {
  name: string;
  nameKana: string;
  title: string;
  phone: string;
  email: string;
  isPrimary: boolean;
}

/** Every editable field of a customer (contacts apart), complete. */
export interface CustomerFields {
  name: string;
  nameKana: string;
  honorific: Honorific;
  postalCode: string;
  address: string;
  phone: string;
  lat: number | null;
  lng: number | null;
  repId: string | null;
  areaId: string | null;
  rank: Rank;
  status: CustomerStatus;
  cadenceDays: number;
  cadenceToleranceDays: number;
  preferredWeekdays: number[];
  timeWindows: TimeWindow[];
  visitDurationMinutes: number;
  preferences: string;
  cautions: string;
  notes: string;
}

/** What a new customer gets for the fields the caller leaves out (the table defaults). */
export const customerDefaults: CustomerFields = {
  name: '',
  nameKana: '',
  honorific: 'onchu',
  postalCode: '',
  address: '',
  phone: '',
  lat: null,
  lng: null,
  repId: null,
  areaId: null,
  rank: 'B',
  status: 'active',
  cadenceDays: 28,
  cadenceToleranceDays: 3,
  preferredWeekdays: [],
  timeWindows: [],
  visitDurationMinutes: 30,
  preferences: '',
  cautions: '',
  notes: '',
};

export const editableFieldNames = Object.keys(customerDefaults) as (keyof CustomerFields)[];

class Issues {
  readonly errors: FieldErrors = {};
  add(field: string, issue: CustomerFieldIssue, params?: IssueParams) {
    this.errors[field] ??= fieldIssueText(issue, params);
  }
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Customer codes: visible ASCII, no spaces, at most 32 characters (e.g. C-000123). */
export function normalizeCode(raw: string): string {
  return normalizeInput(raw);
}

/**
 * Normalises (NFKC, trim; postal code gets its hyphen; time windows sorted) and checks every
 * rule on a complete set of customer fields. Returns the cleaned fields and the refused ones,
 * keyed by field path (`timeWindows.1`, `contacts.0.name`).
 */
export function validateCustomerFields(
  input: CustomerFields,
  contacts?: readonly (ContactFields & { id?: string | undefined })[],
  code?: string,
): {
  value: CustomerFields;
  contacts: (ContactFields & { id?: string | undefined })[] | undefined;
  code: string | undefined;
  errors: FieldErrors;
} {
  const issues = new Issues();
  const text = (field: string, raw: string, max: number, required = false) => {
    const value = normalizeInput(raw);
    if (required && value === '') issues.add(field, 'required');
    if (value.length > max) issues.add(field, 'too_long', { max });
    return value;
  };
  // Free text keeps the user's characters and line breaks; only the ends are trimmed.
  const prose = (field: string, raw: string, max: number, required = false) => {
    const value = raw.trim();
    if (required && value === '') issues.add(field, 'required');
    if (value.length > max) issues.add(field, 'too_long', { max });
    return value;
  };
  const kana = (field: string, raw: string) => {
    const value = text(field, raw, 200);
    if (!isKatakanaReading(value)) issues.add(field, 'kana_only');
    return value;
  };
  const phone = (field: string, raw: string) => {
    const value = text(field, raw, 20).replace(/[‐－―ー−]/g, '-');
    if (value !== '' && !/^\d+(-\d+)*$/.test(value)) issues.add(field, 'phone_format');
    return value;
  };
  const integer = (field: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max)
      issues.add(field, 'integer_range', { min, max });
    return value;
  };
  const choice = <T extends string>(field: string, value: T, allowed: readonly T[]) => {
    if (!allowed.includes(value)) issues.add(field, 'invalid_choice');
    return value;
  };

  let normalizedCode: string | undefined;
  if (code !== undefined) {
    normalizedCode = normalizeCode(code);
    if (normalizedCode === '') issues.add('code', 'required');
    else if (!/^[\x21-\x7E]{1,32}$/.test(normalizedCode)) issues.add('code', 'code_format');
  }

  let postalCode = normalizeInput(input.postalCode).replace(/[‐－―ー−]/g, '-');
  if (/^\d{7}$/.test(postalCode)) postalCode = `${postalCode.slice(0, 3)}-${postalCode.slice(3)}`;
  if (postalCode !== '' && !/^\d{3}-\d{4}$/.test(postalCode)) issues.add('postalCode', 'postal_code_format');

  const { lat, lng } = input;
  if (lat !== null && !(Number.isFinite(lat) && lat >= -90 && lat <= 90)) issues.add('lat', 'latitude_range');
  if (lng !== null && !(Number.isFinite(lng) && lng >= -180 && lng <= 180))
    issues.add('lng', 'longitude_range');
  if ((lat === null) !== (lng === null)) issues.add(lat === null ? 'lat' : 'lng', 'lat_lng_pair');

  const cadenceDays = integer('cadenceDays', input.cadenceDays, 1, 365);
  const cadenceToleranceDays = input.cadenceToleranceDays;
  const maxTolerance =
    Number.isInteger(cadenceDays) && cadenceDays >= 1 && cadenceDays <= 365 ? cadenceDays : 365;
  if (
    !Number.isInteger(cadenceToleranceDays) ||
    cadenceToleranceDays < 0 ||
    cadenceToleranceDays > maxTolerance
  ) {
    issues.add('cadenceToleranceDays', 'tolerance_range', { max: maxTolerance });
  }

  const weekdays = input.preferredWeekdays;
  weekdays.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 0 || day > 6) issues.add(`preferredWeekdays.${i}`, 'weekday_range');
  });
  if (new Set(weekdays).size !== weekdays.length) issues.add('preferredWeekdays', 'weekday_duplicate');

  const windows = input.timeWindows.map((w) => ({
    start: normalizeInput(String(w.start)),
    end: normalizeInput(String(w.end)),
  }));
  let windowsValid = true;
  windows.forEach((w, i) => {
    if (!TIME.test(w.start) || !TIME.test(w.end)) {
      issues.add(`timeWindows.${i}`, 'time_format');
      windowsValid = false;
    } else if (toMinutes(w.start) >= toMinutes(w.end)) {
      issues.add(`timeWindows.${i}`, 'time_order');
      windowsValid = false;
    }
  });
  if (windowsValid) {
    windows.sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
    for (let i = 1; i < windows.length; i++) {
      if (toMinutes(windows[i]!.start) < toMinutes(windows[i - 1]!.end))
        issues.add('timeWindows', 'time_overlap');
    }
  }

  const value: CustomerFields = {
    // Names and addresses keep what was typed (NFKC would turn ㈱ into (株) and ① into 1).
    name: prose('name', input.name, 200, true),
    nameKana: kana('nameKana', input.nameKana),
    honorific: choice('honorific', input.honorific, honorifics),
    postalCode,
    address: prose('address', input.address, 300),
    phone: phone('phone', input.phone),
    lat,
    lng,
    repId: input.repId,
    areaId: input.areaId,
    rank: choice('rank', input.rank, customerRanks),
    status: choice('status', input.status, customerStatuses),
    cadenceDays,
    cadenceToleranceDays,
    preferredWeekdays: [...weekdays].sort((a, b) => a - b),
    timeWindows: windows,
    visitDurationMinutes: integer('visitDurationMinutes', input.visitDurationMinutes, 1, 600),
    preferences: prose('preferences', input.preferences, 2000),
    cautions: prose('cautions', input.cautions, 2000),
    notes: prose('notes', input.notes, 4000),
  };

  let cleanContacts: (ContactFields & { id?: string | undefined })[] | undefined;
  if (contacts) {
    cleanContacts = contacts.map((c, i) => {
      const email = text(`contacts.${i}.email`, c.email, 254);
      if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        issues.add(`contacts.${i}.email`, 'email_format');
      return {
        ...(c.id !== undefined ? { id: c.id } : {}),
        name: prose(`contacts.${i}.name`, c.name, 100, true),
        nameKana: kana(`contacts.${i}.nameKana`, c.nameKana),
        title: prose(`contacts.${i}.title`, c.title, 100),
        phone: phone(`contacts.${i}.phone`, c.phone),
        email,
        isPrimary: c.isPrimary,
      };
    });
    if (cleanContacts.filter((c) => c.isPrimary).length > 1) issues.add('contacts', 'one_primary_contact');
  }

  return { value, contacts: cleanContacts, code: normalizedCode, errors: issues.errors };
}
