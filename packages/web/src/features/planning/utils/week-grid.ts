import type { PlanDay, PlanRep } from '../api/plan-types.ts';

export interface WeekRow {
  rep: PlanRep;
  /** The rep's day on each of the week's dates; null when the rep does not work that day. */
  cells: (PlanDay | null)[];
  visitCount: number;
  travelSeconds: number;
}

export interface WeekGrid {
  dates: string[];
  rows: WeekRow[];
  /** Per date: visits and travel of every rep. */
  columnTotals: { visitCount: number; travelSeconds: number }[];
  visitCount: number;
  travelSeconds: number;
}

/**
 * The week view's rows (every rep of the plan's scope, in the given order) and columns, with the
 * week's totals per rep and per day.
 */
export const buildWeekGrid = (
  reps: readonly PlanRep[],
  days: readonly PlanDay[],
  dates: readonly string[],
) => {
  const byKey = new Map(days.map((day) => [`${day.repId}|${day.date}`, day]));
  const rows: WeekRow[] = reps.map((rep) => {
    const cells = dates.map((date) => byKey.get(`${rep.id}|${date}`) ?? null);
    return {
      rep,
      cells,
      visitCount: cells.reduce((sum, day) => sum + (day?.visitCount ?? 0), 0),
      travelSeconds: cells.reduce((sum, day) => sum + (day?.travelSeconds ?? 0), 0),
    };
  });
  const columnTotals = dates.map((_, index) => ({
    visitCount: rows.reduce((sum, row) => sum + (row.cells[index]?.visitCount ?? 0), 0),
    travelSeconds: rows.reduce((sum, row) => sum + (row.cells[index]?.travelSeconds ?? 0), 0),
  }));
  return {
    dates: [...dates],
    rows,
    columnTotals,
    visitCount: rows.reduce((sum, row) => sum + row.visitCount, 0),
    travelSeconds: rows.reduce((sum, row) => sum + row.travelSeconds, 0),
  } satisfies WeekGrid;
};

/** The dates of a week worth showing: working days, plus a weekend day when anyone works on it. */
export const visibleWeekDates = (week: readonly string[], days: readonly PlanDay[]): string[] => {
  const worked = new Set(days.map((day) => day.date));
  return week.filter((date) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return (weekday !== 0 && weekday !== 6) || worked.has(date);
  });
};
