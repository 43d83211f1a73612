import { describe, expect, it } from 'vitest';
import type { Customer } from '../api/customer-types.ts';
import {
  type CustomerFormValues,
  emptyContact,
  toCustomerInput,
  toFormValues,
} from './customer-form-values.ts';

const buildCustomer = (overrides: Partial<Customer> = {}): Customer => ({
  id: 'c1',
  code: 'C-001',
  name: '山田商店',
  nameKana: 'ヤマダショウテン',
  honorific: 'onchu',
  address: '東京都千代田区1-1',
  phone: '03-0000-0000',
  rank: 'A',
  status: 'active',
  repId: 'u1',
  repName: '佐藤',
  areaId: 'a1',
  areaName: '千代田',
  cadenceDays: 14,
  lastOrderAt: null,
  lastVisitAt: null,
  archivedAt: null,
  postalCode: '1000001',
  lat: 35.68,
  lng: 139.76,
  contacts: [
    {
      id: 'p1',
      name: '山田太郎',
      nameKana: 'ヤマダタロウ',
      title: '店長',
      phone: '',
      email: '',
      isPrimary: true,
    },
  ],
  cadenceToleranceDays: 3,
  preferredWeekdays: [5, 1],
  timeWindows: [{ start: '09:00', end: '12:00' }],
  visitDurationMinutes: 45,
  preferences: '',
  cautions: '駐車場なし',
  notes: '',
  version: 7,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  stats: { orderCount: 0, revenue12m: 0, averageOrderValue: 0, lastOrderAt: null },
  ...overrides,
});

const buildValues = (overrides: Partial<CustomerFormValues> = {}): CustomerFormValues => ({
  ...toFormValues(undefined, { repId: 'u1' }),
  name: '新規商事',
  nameKana: 'シンキショウジ',
  areaId: 'a1',
  ...overrides,
});

describe('toFormValues', () => {
  it('defaults a new customer to the current rep and the server default cadence of 28 ± 3 days', () => {
    const values = toFormValues(undefined, { repId: 'u9' });
    expect(values.repId).toBe('u9');
    expect(values.cadenceDays).toBe(28);
    expect(values.cadenceToleranceDays).toBe(3);
    expect(values.contacts).toEqual([]);
  });

  it('round-trips an existing customer through the form unchanged', () => {
    const customer = buildCustomer();
    const input = toCustomerInput(toFormValues(customer));
    expect(input).toMatchObject({
      code: 'C-001',
      name: '山田商店',
      preferredWeekdays: [1, 5],
      timeWindows: [{ start: '09:00', end: '12:00' }],
      lat: 35.68,
      cautions: '駐車場なし',
      contacts: [expect.objectContaining({ id: 'p1', isPrimary: true })],
    });
  });
});

describe('toCustomerInput', () => {
  it('omits a blank customer code so the server assigns one', () => {
    expect(toCustomerInput(buildValues({ code: '  ' }))).not.toHaveProperty('code');
  });

  it('converts hiragana furigana to katakana', () => {
    expect(toCustomerInput(buildValues({ nameKana: 'しんき しょうじ' })).nameKana).toBe('シンキ ショウジ');
  });

  it('sends an unset area as null', () => {
    expect(toCustomerInput(buildValues({ areaId: '' })).areaId).toBeNull();
  });

  it('sends blank coordinates as null', () => {
    const input = toCustomerInput(buildValues({ lat: '', lng: '' }));
    expect(input.lat).toBeNull();
    expect(input.lng).toBeNull();
  });

  it('drops contacts left completely blank and time windows without both ends', () => {
    const input = toCustomerInput(
      buildValues({
        contacts: [emptyContact(), { ...emptyContact(true), name: ' 鈴木 ' }],
        timeWindows: [
          { start: '13:00', end: '' },
          { start: '14:00', end: '16:00' },
        ],
      }),
    );
    expect(input.contacts).toEqual([expect.objectContaining({ name: '鈴木', isPrimary: true })]);
    expect(input.timeWindows).toEqual([{ start: '14:00', end: '16:00' }]);
  });
});
