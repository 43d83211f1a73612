/** Time zone for every date shown in the app. */
export const APP_TIME_ZONE = 'Asia/Tokyo';

const yenFormatters = new Map<string, Intl.NumberFormat>();

/** Formats integer yen: `formatYen(1234, 'ja')` → `¥1,234`. */
export const formatYen = (amount: number, language = 'ja'): string => {
  const locale = language === 'en' ? 'en-US' : 'ja-JP';
  let formatter = yenFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'JPY',
      maximumFractionDigits: 0,
    });
    yenFormatters.set(locale, formatter);
  }
  // ja-JP renders the full-width ￥; keep the half-width ¥ that Japanese business documents use.
  return formatter.format(Math.round(amount)).replace('￥', '¥');
};

/** Formats a plain count with thousands separators. */
export const formatNumber = (value: number, language = 'ja'): string =>
  new Intl.NumberFormat(language === 'en' ? 'en-US' : 'ja-JP').format(value);

/** Tokyo calendar date of an instant as `YYYY-MM-DD`. */
export const tokyoDateKey = (value: Date | string): string => {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: APP_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
};

/** Formats a date in Tokyo time: `2026/11/27` (ja) or `Nov 27, 2026` (en). */
export const formatDate = (value: string | Date | null | undefined, language = 'ja'): string => {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  if (language === 'en') {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: APP_TIME_ZONE,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    }).format(date);
  }
  return tokyoDateKey(date).replaceAll('-', '/');
};

/** Formats a date and time in Tokyo time: `2026/11/27 09:30`. */
export const formatDateTime = (value: string | null | undefined, language = 'ja'): string => {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: APP_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${formatDate(date, language)} ${time}`;
};

const DAY_MS = 86_400_000;

/** Whole Tokyo calendar days from `from` to `to` (positive when `from` is earlier). */
export const calendarDaysBetween = (from: Date | string, to: Date | string): number => {
  const a = Date.parse(`${tokyoDateKey(from)}T00:00:00Z`);
  const b = Date.parse(`${tokyoDateKey(to)}T00:00:00Z`);
  return Math.round((b - a) / DAY_MS);
};

export type RelativeDay =
  | { unit: 'today' }
  | { unit: 'yesterday' }
  | { unit: 'tomorrow' }
  | { unit: 'daysAgo' | 'inDays' | 'monthsAgo' | 'yearsAgo'; count: number };

/**
 * Describes how far a date is from now in Tokyo calendar days, for labels such as 「3日前」.
 * Past dates beyond 60 days are expressed in months, beyond two years in years.
 */
export const relativeDay = (value: Date | string, now: Date = new Date()): RelativeDay => {
  const days = calendarDaysBetween(value, now);
  if (days === 0) return { unit: 'today' };
  if (days === 1) return { unit: 'yesterday' };
  if (days === -1) return { unit: 'tomorrow' };
  if (days < 0) return { unit: 'inDays', count: -days };
  if (days < 60) return { unit: 'daysAgo', count: days };
  if (days < 730) return { unit: 'monthsAgo', count: Math.floor(days / 30) };
  return { unit: 'yearsAgo', count: Math.floor(days / 365) };
};

export type RelativeTime =
  | { unit: 'justNow' }
  | { unit: 'minutesAgo' | 'hoursAgo'; count: number }
  | RelativeDay;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Like `relativeDay`, finer within the last day: 「たった今」, 「5分前」, 「3時間前」, then 「昨日」,
 * 「4日前」 … by Tokyo calendar days.
 */
export const relativeTime = (value: Date | string, now: Date = new Date()): RelativeTime => {
  const date = typeof value === 'string' ? new Date(value) : value;
  const elapsed = now.getTime() - date.getTime();
  if (elapsed >= 0 && elapsed < MINUTE_MS) return { unit: 'justNow' };
  if (elapsed >= 0 && elapsed < HOUR_MS)
    return { unit: 'minutesAgo', count: Math.floor(elapsed / MINUTE_MS) };
  if (elapsed >= 0 && elapsed < 24 * HOUR_MS)
    return { unit: 'hoursAgo', count: Math.floor(elapsed / HOUR_MS) };
  return relativeDay(date, now);
};

/** Formats a Japanese postal code as `123-4567`; other input is returned unchanged. */
export const formatPostalCode = (value: string | null | undefined): string => {
  if (!value) return '';
  const digits = value.normalize('NFKC').replace(/[^0-9]/g, '');
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : value;
};
