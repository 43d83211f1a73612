import { describe, expect, it } from 'vitest';
import type { Customer } from '../api/customer-types.ts';
import { buildCustomer as buildTestCustomer } from '../testing/customer-factories.ts';
import {
  type CustomerFormValues,
  emptyContact,
  toCustomerInput,
  toFormValues,
} from './customer-form-values.ts';

const buildCustomer = (overrides: Partial<Customer> = {}): Customer =>
  buildTestCustomer({
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
    preferredWeekdays: [5, 1],
    timeWindows: [{ start: '09:00', end: '12:00' }],
    visitDurationMinutes: 45,
    cautions: '駐車場なし',
    version: 7,
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
