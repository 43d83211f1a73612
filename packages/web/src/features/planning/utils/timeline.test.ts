import { describe, expect, it } from 'vitest';
import { buildDay, buildVisit, tokyo } from '../testing/plan-factories.ts';
import { formatDuration, horizonWeeks, nextMonday } from './plan-dates.ts';
import { buildTimeline } from './timeline.ts';
import { buildWeekGrid, visibleWeekDates } from './week-grid.ts';

const kinds = (entries: ReturnType<typeof buildTimeline>) =>
  entries.map((entry) => (entry.kind === 'lunch' ? 'lunch' : entry.visit.customerName));

describe('buildTimeline', () => {
  const date = '2027-01-11';
  const morning = buildVisit({ id: 'a', seq: 1, customerName: 'A', start: '10:00' });
  const late = buildVisit({ id: 'b', seq: 2, customerName: 'B', start: '11:15' });
  const afternoon = buildVisit({ id: 'c', seq: 3, customerName: 'C', start: '13:20' });
  const lunch = { start: tokyo(date, '12:00'), end: tokyo(date, '13:00') };

  it('puts the visits in order (by seq, not by the order they came in) and lunch where it falls', () => {
    expect(kinds(buildTimeline([afternoon, morning, late], lunch))).toEqual(['A', 'B', 'lunch', 'C']);
  });

  it('places lunch before a visit the rep drove to before eating (arrival before lunch, start after)', () => {
    const waited = buildVisit({
      id: 'c',
      seq: 3,
      customerName: 'C',
      plannedArrival: tokyo(date, '11:55'),
      plannedStart: tokyo(date, '13:00'),
      plannedDeparture: tokyo(date, '13:30'),
    });
    expect(kinds(buildTimeline([morning, waited], lunch))).toEqual(['A', 'lunch', 'C']);
  });

  it('puts lunch last when every visit starts before it, and leaves it out when there is none', () => {
    expect(kinds(buildTimeline([morning, late], lunch))).toEqual(['A', 'B', 'lunch']);
    expect(kinds(buildTimeline([morning, late], null))).toEqual(['A', 'B']);
  });
});

describe('buildWeekGrid', () => {
  it('sums visits and travel per rep over the week and per day over the reps, leaving days off empty', () => {
    const reps = [
      { id: 'rep1', name: '田中 翔太' },
      { id: 'rep2', name: '西田 彩' },
    ];
    const days = [
      buildDay({ repId: 'rep1', date: '2027-01-11', visitCount: 6, travelSeconds: 3600 }),
      buildDay({ repId: 'rep1', date: '2027-01-12', visitCount: 4, travelSeconds: 1800 }),
      buildDay({ repId: 'rep2', date: '2027-01-11', visitCount: 7, travelSeconds: 4200 }),
      // Outside the week shown: not counted.
      buildDay({ repId: 'rep2', date: '2027-01-18', visitCount: 9, travelSeconds: 9000 }),
    ];
    const grid = buildWeekGrid(reps, days, ['2027-01-11', '2027-01-12']);
    expect(grid.rows.map((row) => [row.rep.name, row.visitCount, row.travelSeconds])).toEqual([
      ['田中 翔太', 10, 5400],
      ['西田 彩', 7, 4200],
    ]);
    expect(grid.rows[1]!.cells[1]).toBeNull();
    expect(grid.columnTotals).toEqual([
      { visitCount: 13, travelSeconds: 7800 },
      { visitCount: 4, travelSeconds: 1800 },
    ]);
    expect([grid.visitCount, grid.travelSeconds]).toEqual([17, 9600]);
  });

  it('shows weekend days only when someone works on them', () => {
    const week = ['2027-01-11', '2027-01-12', '2027-01-15', '2027-01-16', '2027-01-17'];
    expect(visibleWeekDates(week, [buildDay({ date: '2027-01-16' })])).toEqual([
      '2027-01-11',
      '2027-01-12',
      '2027-01-15',
      '2027-01-16',
    ]);
  });
});

describe('plan dates', () => {
  it('splits a horizon into weeks from Monday and finds the next Monday in Tokyo', () => {
    // 2027-01-13 is a Wednesday: 5 days, then the next Monday starts a new week.
    expect(horizonWeeks('2027-01-13', 7)).toEqual([
      ['2027-01-13', '2027-01-14', '2027-01-15', '2027-01-16', '2027-01-17'],
      ['2027-01-18', '2027-01-19'],
    ]);
    // Sunday 23:30 UTC is already Monday in Tokyo: the next Monday is a week later.
    expect(nextMonday(new Date('2027-01-10T23:30:00Z'))).toBe('2027-01-18');
    expect(nextMonday(new Date('2027-01-13T03:00:00Z'))).toBe('2027-01-18');
    expect(formatDuration(7800)).toBe('2:10');
  });
});
