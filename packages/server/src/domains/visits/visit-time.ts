import type { LocalizedText } from '../../platform/errors.ts';
import { visitFieldText } from './visit-errors.ts';

const AHEAD_MS = 5 * 60_000;
const BACK_MS = 7 * 86_400_000;

/**
 * The instant a phone says something happened (`at`), or now. A phone's clock may run a little
 * ahead; a draft kept offline may be days old, but not more than 7.
 */
export function eventTime(
  at: string | undefined,
  field: string,
  errors: Record<string, LocalizedText>,
  now = new Date(),
): Date {
  if (at === undefined) return now;
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) {
    errors[field] = { ja: '日時は ISO 8601 の形式で指定してください。', en: 'Give the time in ISO 8601.' };
    return now;
  }
  if (when.getTime() > now.getTime() + AHEAD_MS) errors[field] = visitFieldText.atTooLate;
  else if (when.getTime() < now.getTime() - BACK_MS) errors[field] = visitFieldText.atTooEarly;
  return when;
}
