import type { Stop } from '@kayoi/server/contracts';
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The plan board's route map: numbered HTML markers that stay readable when tiles cannot load.
const RouteMap = lazy(() => import('../../planning/components/RouteMap.tsx'));

/** A small map of the day's stops, numbered as the list is. */
export function TodayMap({ stops, height = 200 }: { stops: Stop[]; height?: number }) {
  const { t } = useTranslation();
  const points = stops
    .map((stop, index) => ({ stop, number: index + 1 }))
    .filter(({ stop }) => stop.customer.lat !== null && stop.customer.lng !== null)
    .map(({ stop, number }) => ({
      id: stop.key,
      number,
      lat: stop.customer.lat as number,
      lng: stop.customer.lng as number,
      label: `${number}. ${stop.customer.name}`,
      pinned: stop.fixed,
    }));
  if (points.length === 0) return null;
  return (
    <div
      style={{ height, borderRadius: 8, overflow: 'hidden', position: 'relative', isolation: 'isolate' }}
      data-testid="today-map"
    >
      <Suspense fallback={<Skeleton height="100%" />}>
        <RouteMap
          stops={points}
          start={null}
          end={null}
          label={t('today.map')}
          startLabel=""
          endLabel=""
          sameLabel=""
          tilesFailedLabel={t('today.mapOffline')}
        />
      </Suspense>
    </div>
  );
}
