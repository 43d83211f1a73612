import type { KpiFigures } from '@kayoi/server/contracts';
import { formatNumber, formatYen } from '../../../lib/format.ts';

/** How a figure is shown: a count, yen, a rate (percent) or a score (1–5). */
export type FigureKind = 'count' | 'yen' | 'rate' | 'score' | 'minutes';

export const formatFigure = (
  value: number | null | undefined,
  kind: FigureKind,
  language: string,
): string => {
  if (value === null || value === undefined) return '—';
  switch (kind) {
    case 'count':
      return formatNumber(value, language);
    case 'yen':
      return formatYen(value, language);
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'score':
      return value.toFixed(2);
    case 'minutes':
      return String(Math.round(value / 60));
  }
};

/**
 * The change of a figure against a comparison: relative percent for counts and yen, points for
 * rates, the difference for scores. Null when either side is missing (or the base is 0).
 */
export function changeOf(
  current: number | null | undefined,
  base: number | null | undefined,
  kind: FigureKind,
): { text: string; sign: -1 | 0 | 1 } | null {
  if (current === null || current === undefined || base === null || base === undefined) return null;
  const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0) as -1 | 0 | 1;
  const signed = (n: number, digits: number, unit: string) =>
    `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(digits)}${unit}`;
  if (kind === 'rate') {
    // From the percentages as shown (81.3% − 80.0% = +1.3pt), not from the raw fractions.
    const points = (Math.round(current * 1000) - Math.round(base * 1000)) / 10;
    return { text: signed(points, 1, 'pt'), sign: sign(Math.round(points * 10)) };
  }
  if (kind === 'score') {
    const diff = current - base;
    return { text: signed(diff, 2, ''), sign: sign(Math.round(diff * 100)) };
  }
  if (base === 0) return null;
  const percent = ((current - base) / base) * 100;
  return { text: signed(percent, 1, '%'), sign: sign(Math.round(percent * 10)) };
}

export type FigureKey = keyof KpiFigures;
