import { APP_TIME_ZONE, tokyoDateKey } from '../../../lib/format.ts';

const DAY_MS = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `addDays('2027-01-11', 3)` → `'2027-01-14'` (civil dates, no time zone involved). */
export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(toUtc(date)).getUTCDay();

/** The Monday on or before `date`. */
export const mondayOf = (date: string): string => addDays(date, -((weekdayOf(date) + 6) % 7));

/** The first Monday after today in Tokyo (a week ahead when today is a Monday). */
export const nextMonday = (now: Date = new Date()): string => {
  const today = tokyoDateKey(now);
  return addDays(mondayOf(today), 7);
};

/** Every date of a plan's horizon. */
export const horizonDates = (startDate: string, days: number): string[] =>
  Array.from({ length: Math.max(0, days) }, (_, index) => addDays(startDate, index));

/** The horizon's dates grouped in weeks from Monday (the first and last weeks may be partial). */
export const horizonWeeks = (startDate: string, days: number): string[][] => {
  const weeks: string[][] = [];
  for (const date of horizonDates(startDate, days)) {
    const current = weeks.at(-1);
    if (current && mondayOf(current[0]!) === mondayOf(date)) current.push(date);
    else weeks.push([date]);
  }
  return weeks;
};

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const dayFormatter = (language: string, long: boolean) => {
  const key = `${language}:${long}`;
  let formatter = dayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'ja-JP', {
      timeZone: 'UTC',
      month: long ? 'long' : 'numeric',
      day: 'numeric',
      weekday: 'short',
    });
    dayFormatters.set(key, formatter);
  }
  return formatter;
};

/** A civil date for column heads and chips: `12/7(月)` (ja) or `Mon, 12/7` (en). */
export const formatDay = (date: string, language = 'ja'): string => {
  const formatter = dayFormatter(language, false);
  const parts = formatter.formatToParts(new Date(toUtc(date)));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return language === 'en'
    ? `${get('weekday')} ${get('month')}/${get('day')}`
    : `${get('month')}/${get('day')}(${get('weekday')})`;
};

/** A civil date in full: `12月7日(月)` (ja) or `Mon, December 7` (en). */
export const formatDayLong = (date: string, language = 'ja'): string =>
  dayFormatter(language, true).format(new Date(toUtc(date)));

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: APP_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant as `HH:MM` in Tokyo; '' when missing. */
export const formatClock = (value: string | null | undefined): string => {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : clock.format(date);
};

/** A duration as `h:mm` (travel 7,800 s → `2:10`). */
export const formatDuration = (seconds: number): string => {
  const minutes = Math.round(Math.max(0, seconds) / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
};

/** Travel in hours with one decimal, for totals: 45,000 s → `12.5`. */
export const formatHours = (seconds: number): string => (Math.max(0, seconds) / 3600).toFixed(1);
