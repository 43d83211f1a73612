import { normalizeKana } from '../../../lib/kana.ts';
import type { Contact, Customer, CustomerInput } from '../api/customer-types.ts';

/** Form state: numbers that may be blank are `number | ''`, weekdays are strings for the chip group. */
export interface CustomerFormValues
  extends Omit<
    CustomerInput,
    | 'code'
    | 'lat'
    | 'lng'
    | 'repId'
    | 'areaId'
    | 'cadenceDays'
    | 'cadenceToleranceDays'
    | 'preferredWeekdays'
    | 'visitDurationMinutes'
  > {
  code: string;
  lat: number | '';
  lng: number | '';
  repId: string;
  areaId: string;
  cadenceDays: number | '';
  cadenceToleranceDays: number | '';
  preferredWeekdays: string[];
  visitDurationMinutes: number | '';
}

export const emptyContact = (isPrimary = false): Contact => ({
  name: '',
  nameKana: '',
  title: '',
  phone: '',
  email: '',
  isPrimary,
});

/** Initial form values: the customer's current data, or sensible defaults for a new customer. */
export const toFormValues = (customer?: Customer, defaults: { repId?: string } = {}): CustomerFormValues => ({
  code: customer?.code ?? '',
  name: customer?.name ?? '',
  nameKana: customer?.nameKana ?? '',
  honorific: customer?.honorific ?? 'onchu',
  postalCode: customer?.postalCode ?? '',
  address: customer?.address ?? '',
  phone: customer?.phone ?? '',
  lat: customer?.lat ?? '',
  lng: customer?.lng ?? '',
  repId: customer?.repId ?? defaults.repId ?? '',
  areaId: customer?.areaId ?? '',
  rank: customer?.rank ?? 'B',
  status: customer?.status ?? 'active',
  cadenceDays: customer?.cadenceDays ?? 28,
  cadenceToleranceDays: customer?.cadenceToleranceDays ?? 3,
  preferredWeekdays: (customer?.preferredWeekdays ?? []).map(String),
  timeWindows: customer?.timeWindows.map((window) => ({ ...window })) ?? [],
  visitDurationMinutes: customer?.visitDurationMinutes ?? 30,
  preferences: customer?.preferences ?? '',
  cautions: customer?.cautions ?? '',
  notes: customer?.notes ?? '',
  contacts: customer?.contacts.map((contact) => ({ ...contact })) ?? [],
});

const toNumber = (value: number | ''): number => (value === '' ? 0 : value);

const isBlankContact = (contact: Contact): boolean =>
  ![contact.name, contact.nameKana, contact.title, contact.phone, contact.email].some((field) =>
    field.trim(),
  );

/**
 * The request body for create or update: trims text, normalises furigana to katakana, drops contacts
 * left entirely blank, and omits an empty customer code so the server assigns one.
 */
export const toCustomerInput = (values: CustomerFormValues): CustomerInput => {
  const input: CustomerInput = {
    name: values.name.trim(),
    nameKana: normalizeKana(values.nameKana),
    honorific: values.honorific,
    postalCode: values.postalCode.trim(),
    address: values.address.trim(),
    phone: values.phone.trim(),
    lat: values.lat === '' ? null : values.lat,
    lng: values.lng === '' ? null : values.lng,
    repId: values.repId || null,
    areaId: values.areaId || null,
    rank: values.rank,
    status: values.status,
    cadenceDays: toNumber(values.cadenceDays),
    cadenceToleranceDays: toNumber(values.cadenceToleranceDays),
    preferredWeekdays: values.preferredWeekdays.map(Number).sort((a, b) => a - b),
    timeWindows: values.timeWindows.filter((window) => window.start && window.end),
    visitDurationMinutes: toNumber(values.visitDurationMinutes),
    preferences: values.preferences.trim(),
    cautions: values.cautions.trim(),
    notes: values.notes.trim(),
    contacts: values.contacts
      .filter((contact) => !isBlankContact(contact))
      .map((contact) => ({
        ...contact,
        name: contact.name.trim(),
        nameKana: normalizeKana(contact.nameKana),
        title: contact.title.trim(),
        phone: contact.phone.trim(),
        email: contact.email.trim(),
      })),
  };
  const code = values.code.trim();
  if (code) input.code = code;
  return input;
};
