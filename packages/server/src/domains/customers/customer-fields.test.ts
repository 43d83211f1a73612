import { describe, expect, it } from 'vitest';
import { type CustomerFields, customerDefaults, validateCustomerFields } from './customer-fields.ts';

const buildFields = (overrides: Partial<CustomerFields> = {}): CustomerFields => ({
  ...customerDefaults,
  name: '株式会社なにわ商会',
  ...overrides,
});

describe('validateCustomerFields', () => {
  it('accepts a complete customer and normalises what people type', () => {
    const { value, errors } = validateCustomerFields(
      buildFields({
        name: '  株式会社なにわ商会 ',
        nameKana: 'ｶﾌﾞｼｷｶﾞｲｼｬ ﾅﾆﾜ',
        postalCode: '５３００００１',
        phone: '０６－６１２３－４５６７',
        preferredWeekdays: [5, 1],
        timeWindows: [
          { start: '13:00', end: '17:30' },
          { start: '09:00', end: '12:00' },
        ],
      }),
    );
    expect(errors).toEqual({});
    expect(value).toMatchObject({
      name: '株式会社なにわ商会',
      nameKana: 'カブシキガイシャ ナニワ',
      postalCode: '530-0001',
      phone: '06-6123-4567',
      preferredWeekdays: [1, 5],
      timeWindows: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
    });
  });

  it('lets windows touch but not overlap', () => {
    const touching = [
      { start: '09:00', end: '12:00' },
      { start: '12:00', end: '13:00' },
    ];
    expect(validateCustomerFields(buildFields({ timeWindows: touching })).errors).toEqual({});
    const overlapping = [
      { start: '09:00', end: '12:01' },
      { start: '12:00', end: '13:00' },
    ];
    expect(Object.keys(validateCustomerFields(buildFields({ timeWindows: overlapping })).errors)).toEqual([
      'timeWindows',
    ]);
  });

  it('allows a tolerance equal to the cadence and refuses one day more', () => {
    expect(validateCustomerFields(buildFields({ cadenceDays: 7, cadenceToleranceDays: 7 })).errors).toEqual(
      {},
    );
    expect(
      validateCustomerFields(buildFields({ cadenceDays: 7, cadenceToleranceDays: 8 })).errors,
    ).toHaveProperty('cadenceToleranceDays');
  });

  it('needs latitude and longitude together', () => {
    expect(validateCustomerFields(buildFields({ lat: 34.7, lng: null })).errors).toHaveProperty('lng');
  });

  it('refuses codes with spaces or longer than 32 characters', () => {
    expect(validateCustomerFields(buildFields(), undefined, 'C 1').errors).toHaveProperty('code');
    expect(validateCustomerFields(buildFields(), undefined, 'C'.repeat(33)).errors).toHaveProperty('code');
    expect(validateCustomerFields(buildFields(), undefined, 'C-000123').errors).toEqual({});
  });

  it('checks contact e-mails', () => {
    const contact = {
      name: '総務 太郎',
      nameKana: '',
      title: '',
      phone: '',
      email: 'taro@',
      isPrimary: true,
    };
    expect(Object.keys(validateCustomerFields(buildFields(), [contact]).errors)).toEqual([
      'contacts.0.email',
    ]);
  });
});
