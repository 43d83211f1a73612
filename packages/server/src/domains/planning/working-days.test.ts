import { describe, expect, it } from 'vitest';
import { addDays, listHorizonDays, listWorkingDates, nationalHoliday, todayIn } from './working-days.ts';

const weekdays = [1, 2, 3, 4, 5];

describe('working days of a horizon', () => {
  it('skips weekends for a Monday-to-Friday rep', () => {
    // 2026-11-30 is a Monday.
    expect(listWorkingDates({ startDate: '2026-11-30', days: 7, workingWeekdays: weekdays })).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
  });

  it('skips national holidays and substitute holidays, and names them', () => {
    // 2027-01-11 is 成人の日 (a Monday); 2025-05-06 was a 振替休日.
    const days = listHorizonDays({ startDate: '2027-01-08', days: 4, workingWeekdays: weekdays });
    expect(days.map((d) => [d.date, d.working])).toEqual([
      ['2027-01-08', true],
      ['2027-01-09', false],
      ['2027-01-10', false],
      ['2027-01-11', false],
    ]);
    expect(days[3]).toMatchObject({ reason: 'national_holiday', label: '成人の日' });
    expect(days[1]).toMatchObject({ reason: 'weekday_off' });
    expect(nationalHoliday('2025-05-06')?.name).toContain('振替休日');
    expect(nationalHoliday('2026-12-01')).toBeUndefined();
  });

  it("skips the tenant's closed days, which win over a holiday", () => {
    const closedDays = [
      { date: '2026-12-29', label: '年末年始' },
      { date: '2027-01-01', label: '年末年始' },
    ];
    const days = listHorizonDays({ startDate: '2026-12-28', days: 7, workingWeekdays: weekdays, closedDays });
    expect(days.filter((d) => d.working).map((d) => d.date)).toEqual([
      '2026-12-28',
      '2026-12-30',
      '2026-12-31',
    ]);
    expect(days[1]).toMatchObject({ reason: 'closed_day', label: '年末年始' });
    expect(days[4]).toMatchObject({ date: '2027-01-01', reason: 'closed_day' });
  });

  it('works Saturdays for a rep whose profile says so, unless they are holidays', () => {
    // 2026-11-21 Sat: working for a Mon–Sat rep; 2026-11-23 勤労感謝の日 (Mon): not.
    const dates = listWorkingDates({ startDate: '2026-11-21', days: 3, workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(dates).toEqual(['2026-11-21']);
  });

  it('crosses month and year ends and leap days on the calendar, whatever the process zone', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(
      listHorizonDays({ startDate: '2026-12-31', days: 2, workingWeekdays: [] }).map((d) => d.weekday),
    ).toEqual([4, 5]);
  });

  it("takes today's date in Tokyo, not in UTC", () => {
    expect(todayIn('Asia/Tokyo', new Date('2026-12-31T15:30:00Z'))).toBe('2027-01-01');
    expect(todayIn('Asia/Tokyo', new Date('2026-12-31T14:59:00Z'))).toBe('2026-12-31');
  });

  it('refuses a horizon that is not 1 to 366 days or a date that does not exist', () => {
    expect(() => listHorizonDays({ startDate: '2026-12-01', days: 0, workingWeekdays: weekdays })).toThrow(
      /1 to 366/,
    );
    expect(() => listHorizonDays({ startDate: '2026-02-30', days: 1, workingWeekdays: weekdays })).toThrow(
      /calendar date/,
    );
  });
});
