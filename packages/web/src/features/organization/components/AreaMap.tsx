import 'leaflet/dist/leaflet.css';
import type { AreaMap as AreaMapData } from '@kayoi/server/contracts';
import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap } from 'react-leaflet';
import classes from './OrganizationMap.module.css';

export interface AreaMapProps {
  customers: AreaMapData['customers'];
  /** Area id → colour. */
  colorOf: (areaId: string | null) => string;
  /** The customers the editor's preview matches: drawn larger, outlined. */
  highlighted?: ReadonlySet<string>;
  label: string;
  tilesFailedLabel: string;
}

function FitBounds({ points }: { points: [number, number][] }) {
  const map = useMap();
  const key = points.length === 0 ? '' : `${points.length}:${points[0]?.join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the markers change
  useEffect(() => {
    if (points.length === 0) return;
    map.invalidateSize({ animate: false });
    const bounds = L.latLngBounds(points);
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
  }, [map, key]);
  return null;
}

/**
 * The customers as circles coloured by their area (SVG markers: they show without map tiles),
 * the previewed ones larger. Tiles from OpenStreetMap when reachable; a note when not.
 */
export default function AreaMap({ customers, colorOf, highlighted, label, tilesFailedLabel }: AreaMapProps) {
  const [tilesFailed, setTilesFailed] = useState(false);
  const tileEvents = useMemo(
    () => ({ tileerror: () => setTilesFailed(true), tileload: () => setTilesFailed(false) }),
    [],
  );
  const points = useMemo(() => customers.map((c) => [c.lat, c.lng] as [number, number]), [customers]);
  return (
    <MapContainer
      center={points[0] ?? [34.6937, 135.5023]}
      zoom={12}
      scrollWheelZoom={false}
      className={classes.map}
      aria-label={label}
      preferCanvas={false}
    >
      <TileLayer
        url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
        maxZoom={19}
        eventHandlers={tileEvents}
      />
      <FitBounds points={points} />
      {customers.map((c) => {
        const on = highlighted?.has(c.id) ?? false;
        return (
          <CircleMarker
            key={c.id}
            center={[c.lat, c.lng]}
            radius={on ? 8 : 5}
            pathOptions={{
              color: on ? '#212529' : '#fff',
              weight: on ? 2 : 1,
              fillColor: colorOf(c.areaId),
              fillOpacity: 0.9,
              className: 'kayoi-area-marker',
            }}
          >
            <Tooltip>{c.name}</Tooltip>
          </CircleMarker>
        );
      })}
      {tilesFailed && (
        <div className={classes.tilesFailed} role="status" data-testid="area-map-offline">
          {tilesFailedLabel}
        </div>
      )}
    </MapContainer>
  );
}
