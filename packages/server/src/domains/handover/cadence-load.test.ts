import { describe, expect, it } from 'vitest';
import { DEFAULT_VISITS_PER_DAY, firstCommonDate, repLoad, visitsPerMonth } from './cadence-load.ts';

const load = (options: Partial<Parameters<typeof repLoad>[0]> = {}) =>
  repLoad({
    currentCadences: [],
    addedCadences: [],
    removedCadences: [],
    workingDays: 20,
    maxVisitsPerDay: null,
    ...options,
  });

describe('cadence load', () => {
  it('counts a weekly customer as about four visits a month and a monthly one as one', () => {
    expect(visitsPerMonth([7])).toBe(4.3);
    expect(visitsPerMonth([30, 30])).toBe(2);
  });

  it('uses the working profile’s maximum a day, else the default', () => {
    expect(load({ maxVisitsPerDay: 5 }).capacityPerMonth).toBe(100);
    expect(load().capacityPerMonth).toBe(20 * DEFAULT_VISITS_PER_DAY);
  });

  it('adds what the rep gets and takes off what they give, and says when it is over capacity', () => {
    const receiving = load({
      currentCadences: [30],
      addedCadences: [3, 3],
      workingDays: 2,
      maxVisitsPerDay: 5,
    });
    expect(receiving).toMatchObject({
      customersBefore: 1,
      customersAfter: 3,
      visitsPerMonthBefore: 1,
      visitsPerMonthAfter: 21,
      capacityPerMonth: 10,
      overCapacity: true,
    });
    const giving = load({ currentCadences: [30, 15], removedCadences: [15] });
    expect(giving).toMatchObject({ customersAfter: 1, visitsPerMonthAfter: 1, overCapacity: false });
  });

  it('suggests the first day both reps work', () => {
    expect(firstCommonDate(['2026-12-07', '2026-12-08', '2026-12-09'], ['2026-12-08', '2026-12-09'])).toBe(
      '2026-12-08',
    );
    expect(firstCommonDate(['2026-12-07'], ['2026-12-08'])).toBeNull();
  });
});
