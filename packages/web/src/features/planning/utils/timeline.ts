import type { PlanDay, PlannedVisit } from '../api/plan-types.ts';

export type TimelineEntry =
  | { kind: 'visit'; visit: PlannedVisit }
  | { kind: 'lunch'; start: string; end: string };

const time = (value: string) => new Date(value).getTime();

/**
 * A rep-day in time order: the visits by their order, with the lunch break placed before the first
 * visit that starts at or after it (the rep may drive before or after eating), or last.
 */
export const buildTimeline = (visits: readonly PlannedVisit[], lunch: PlanDay['lunch']): TimelineEntry[] => {
  const entries: TimelineEntry[] = [...visits]
    .sort((a, b) => a.seq - b.seq || time(a.plannedStart) - time(b.plannedStart))
    .map((visit) => ({ kind: 'visit', visit }));
  if (!lunch) return entries;
  const lunchStart = time(lunch.start);
  const index = entries.findIndex(
    (entry) => entry.kind === 'visit' && time(entry.visit.plannedStart) >= lunchStart,
  );
  const lunchEntry: TimelineEntry = { kind: 'lunch', start: lunch.start, end: lunch.end };
  if (index === -1) entries.push(lunchEntry);
  else entries.splice(index, 0, lunchEntry);
  return entries;
};
