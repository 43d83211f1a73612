import { describe, expect, it } from 'vitest';
import { visitCombinations } from '../src/periodic/visit-combinations.ts';

describe('visitCombinations', () => {
  it('offers the days within the tolerance of the due date', () => {
    expect(
      visitCombinations({ allowedDays: [0, 2, 4], cadenceDays: 7, toleranceDays: 2, lastVisitDay: -7 }),
    ).toEqual([[0], [2]]);
  });

  it('chains visits by cadence ± tolerance over the horizon', () => {
    // Two weeks Mon–Fri (calendar days 0–4 and 7–11), every 3 ± 1 days, last seen on day −3.
    const calendarDays = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11];
    const combinations = visitCombinations({
      allowedDays: [...calendarDays.keys()],
      calendarDays,
      cadenceDays: 3,
      toleranceDays: 1,
      lastVisitDay: -3,
    });
    expect(combinations.length).toBeGreaterThan(0);
    for (const days of combinations) {
      const dates = days.map((k) => calendarDays[k]!);
      expect(dates[0]).toBeLessThanOrEqual(-3 + 4);
      for (let i = 1; i < dates.length; i++) {
        expect(dates[i]! - dates[i - 1]!).toBeGreaterThanOrEqual(2);
        expect(dates[i]! - dates[i - 1]!).toBeLessThanOrEqual(4);
      }
      expect(dates[dates.length - 1]! + 4).toBeGreaterThan(11);
    }
    expect(combinations).toContainEqual([0, 3, 5, 7, 9]);
  });

  it('plans an overdue customer as soon as possible', () => {
    expect(
      visitCombinations({ allowedDays: [1, 3, 4], cadenceDays: 14, toleranceDays: 1, lastVisitDay: -30 }),
    ).toEqual([[1]]);
  });

  it('finds nothing when no allowed day fits', () => {
    expect(
      visitCombinations({ allowedDays: [4], cadenceDays: 7, toleranceDays: 1, lastVisitDay: -7 }),
    ).toEqual([]);
  });
});
