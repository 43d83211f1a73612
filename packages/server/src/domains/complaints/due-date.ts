import { addDays, nationalHoliday } from '../planning/working-days.ts';
import { complaintDueWorkingDays, type complaintSeverities } from './complaint-values.ts';

type Severity = (typeof complaintSeverities)[number];

/** Monday–Friday and not a national holiday of Japan (@holiday-jp/holiday_jp). */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && nationalHoliday(date) === undefined;
}

/**
 * The due date of a complaint received (or reopened) on `from` (Asia/Tokyo civil date): the
 * severity's number of working days later (critical 1, high 3, medium 7, low 14).
 *
 * @example
 * dueDateFor('2026-12-04', 'critical'); // '2026-12-07' (Friday → Monday)
 */
export function dueDateFor(from: string, severity: Severity): string {
  let left = complaintDueWorkingDays[severity];
  let date = from;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}

/** Whole calendar days from `from` to `to` (civil dates). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
