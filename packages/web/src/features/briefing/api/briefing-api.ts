import type { Briefing, BriefingSource, TimelineKind, TimelinePage } from '@kayoi/server/contracts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';
import { offlineFirst, snapshotKeys } from '../../offline/snapshots.ts';

/** The briefing; with no signal, the copy stored by the morning download (or the last one opened). */
export const getBriefing = (customerId: string, signal?: AbortSignal): Promise<Briefing> =>
  offlineFirst(snapshotKeys.briefing(customerId), () =>
    apiFetch<Briefing>(`/api/customers/${encodeURIComponent(customerId)}/briefing`, { signal }),
  );

export const getTimeline = (
  customerId: string,
  kinds: readonly TimelineKind[],
  before: string | null,
  signal?: AbortSignal,
): Promise<TimelinePage> =>
  apiFetch<TimelinePage>(
    `/api/customers/${encodeURIComponent(customerId)}/timeline${buildQuery({ kinds: kinds.join(','), before, limit: 20 })}`,
    { signal },
  );

export const briefingKeys = {
  one: (customerId: string) => ['briefing', customerId] as const,
  timeline: (customerId: string, kinds: readonly TimelineKind[]) =>
    ['timeline', customerId, kinds.join(',')] as const,
};

/**
 * Where a line's source record opens in the app: complaints have their own page; the rest open
 * on the customer's カルテ (with the record's kind and id in the hash, for the timeline).
 */
export const sourceHref = (customerId: string, source: BriefingSource): string => {
  if (source.kind === 'complaint') return `/complaints/${encodeURIComponent(source.id)}`;
  if (source.kind === 'customer')
    return `/customers/${encodeURIComponent(customerId)}#${source.field ?? 'karte'}`;
  return `/customers/${encodeURIComponent(customerId)}#${source.kind}-${encodeURIComponent(source.id)}`;
};
