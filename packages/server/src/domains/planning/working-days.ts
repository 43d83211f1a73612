import holidayJp from '@holiday-jp/holiday_jp';

/** A civil date in the tenant's zone (Asia/Tokyo), `YYYY-MM-DD`. */
export type IsoDate = string;

export type DayOffReason = 'weekday_off' | 'national_holiday' | 'closed_day' | 'absence';

/** One day of a planning horizon for one rep. */
export type HorizonDay =
  | { readonly date: IsoDate; readonly weekday: number; readonly working: true }
  | {
      readonly date: IsoDate;
      readonly weekday: number;
      readonly working: false;
      readonly reason: DayOffReason;
      /** The holiday's or closed day's name (元日, お盆 …), the absence's kind; absent for a weekday off. */
      readonly label?: string;
    };

export interface ListHorizonDaysOptions {
  /** First day of the horizon. */
  startDate: IsoDate;
  /** Number of days (1–366). */
  days: number;
  /** The rep's working weekdays, 0 = Sunday … 6 = Saturday (staff_profiles.working_weekdays). */
  workingWeekdays: readonly number[];
  /** The tenant's closed days in (at least) the horizon. */
  closedDays?: readonly { date: IsoDate; label: string }[];
  /** The rep's own days away (休暇, 研修 …), both ends inclusive; `label` is the kind. */
  absences?: readonly { startDate: IsoDate; endDate: IsoDate; label: string }[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds of a civil date's midnight on the UTC axis: civil-date arithmetic with no zone. */
function civilMs(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return ms;
}

/** The civil date `days` after `date`. */
export const addDays = (date: IsoDate, days: number): IsoDate =>
  new Date(civilMs(date) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Today's date in a zone (default Asia/Tokyo), e.g. the first day of a plan.
 *
 * @example
 * todayIn('Asia/Tokyo', new Date('2026-12-31T15:30:00Z')); // '2027-01-01'
 */
export function todayIn(timeZone = 'Asia/Tokyo', now = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The national holiday (国民の祝日, 振替休日, 国民の休日) on a date, or undefined. */
export function nationalHoliday(date: IsoDate): { name: string; nameEn: string } | undefined {
  const holiday = (holidayJp.holidays as Record<string, { name: string; name_en: string } | undefined>)[date];
  return holiday && { name: holiday.name, nameEn: holiday.name_en };
}

/**
 * Every day of a horizon for one rep, and whether the rep works it: a working weekday of the rep
 * that is neither a national holiday (@holiday-jp/holiday_jp) nor a closed day of the tenant nor
 * one of the rep's absences. A day off says why (a closed day wins over a holiday, which wins
 * over a weekday off, which wins over an absence).
 *
 * @example
 * listHorizonDays({ startDate: '2026-12-28', days: 7, workingWeekdays: [1, 2, 3, 4, 5],
 *   closedDays: [{ date: '2026-12-29', label: '年末年始' }] })
 *   .filter((d) => d.working).map((d) => d.date); // ['2026-12-28']
 */
export function listHorizonDays({
  startDate,
  days,
  workingWeekdays,
  closedDays = [],
  absences = [],
}: ListHorizonDaysOptions): HorizonDay[] {
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new RangeError(`a horizon is 1 to 366 days (got ${days})`);
  }
  const start = civilMs(startDate);
  const weekdays = new Set(workingWeekdays);
  const closed = new Map(closedDays.map((d) => [d.date, d.label]));
  return Array.from({ length: days }, (_, i): HorizonDay => {
    const day = new Date(start + i * DAY_MS);
    const date = day.toISOString().slice(0, 10);
    const weekday = day.getUTCDay();
    const closedLabel = closed.get(date);
    if (closedLabel !== undefined)
      return { date, weekday, working: false, reason: 'closed_day', label: closedLabel };
    const holiday = nationalHoliday(date);
    if (holiday) return { date, weekday, working: false, reason: 'national_holiday', label: holiday.name };
    if (!weekdays.has(weekday)) return { date, weekday, working: false, reason: 'weekday_off' };
    const away = absences.find((a) => a.startDate <= date && date <= a.endDate);
    if (away) return { date, weekday, working: false, reason: 'absence', label: away.label };
    return { date, weekday, working: true };
  });
}

/** The dates of a horizon the rep works (see listHorizonDays). */
export const listWorkingDates = (options: ListHorizonDaysOptions): IsoDate[] =>
  listHorizonDays(options)
    .filter((day) => day.working)
    .map((day) => day.date);
