import { calendarDaysBetween } from '../../../lib/format.ts';

export type VisitDueState = 'overdue' | 'due' | 'ok' | 'unknown';

/**
 * Where a customer stands against its visit cadence: `overdue` once more than cadence + tolerance
 * days have passed since the last visit, `due` from the cadence day on, `unknown` without any visit.
 */
export const visitDueState = (options: {
  lastVisitAt: string | null;
  cadenceDays: number;
  toleranceDays?: number;
  now?: Date;
}): VisitDueState => {
  const { lastVisitAt, cadenceDays, toleranceDays = 0, now = new Date() } = options;
  if (!lastVisitAt || cadenceDays <= 0) return 'unknown';
  const elapsed = calendarDaysBetween(lastVisitAt, now);
  if (elapsed > cadenceDays + toleranceDays) return 'overdue';
  if (elapsed >= cadenceDays) return 'due';
  return 'ok';
};
