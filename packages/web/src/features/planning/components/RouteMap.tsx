import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { MapContainer, Marker, Polyline, TileLayer, Tooltip, useMap } from 'react-leaflet';
import classes from './RouteMap.module.css';

export interface RouteStop {
  id: string;
  number: number;
  lat: number;
  lng: number;
  label: string;
  pinned: boolean;
}

export interface RoutePlace {
  lat: number;
  lng: number;
  label: string;
}

export interface RouteMapProps {
  stops: RouteStop[];
  start: RoutePlace | null;
  end: RoutePlace | null;
  label: string;
  startLabel: string;
  endLabel: string;
  /** The start marker's text when the day starts and ends at the same place. */
  sameLabel: string;
  /** Shown over the map when its tiles cannot load (offline): the stops and line still show. */
  tilesFailedLabel: string;
}

const stopIcon = (number: number, pinned: boolean) =>
  L.divIcon({
    className: classes.stopIcon,
    html: `<span class="${classes.stop}${pinned ? ` ${classes.pinned}` : ''}" data-stop-number="${number}">${number}</span>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
  });

const placeIcon = (text: string, kind: 'start' | 'end') =>
  L.divIcon({
    className: classes.stopIcon,
    html: `<span class="${classes.place} ${kind === 'start' ? classes.start : classes.end}" data-place="${kind}">${text}</span>`,
    iconSize: [34, 24],
    iconAnchor: [17, 12],
  });

function FitBounds({ points }: { points: [number, number][] }) {
  const map = useMap();
  const key = points.map((point) => point.join(',')).join(';');
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the points change
  useEffect(() => {
    if (points.length === 0) return;
    // Without animation: a refit while the previous one still animates would otherwise be lost.
    map.invalidateSize({ animate: false });
    const bounds = L.latLngBounds(points);
    if (!bounds.isValid() || bounds.getNorthEast().equals(bounds.getSouthWest()))
      map.setView(points[0]!, 15, { animate: false });
    else
      map.fitBounds(bounds, {
        // Room at the top for the zoom buttons and the offline note.
        paddingTopLeft: [28, 56],
        paddingBottomRight: [28, 28],
        maxZoom: 16,
        animate: false,
      });
  }, [map, key]);
  return null;
}

/**
 * One rep-day's route: numbered stops (HTML markers, readable without map tiles), the line from
 * the start place through the stops to the end place, and the two places. Tiles come from the same
 * OpenStreetMap source as the customer map; when they cannot load, the markers and line still show.
 */
export default function RouteMap({
  stops,
  start,
  end,
  label,
  startLabel,
  endLabel,
  sameLabel,
  tilesFailedLabel,
}: RouteMapProps) {
  const [tilesFailed, setTilesFailed] = useState(false);
  const tileEvents = useMemo(
    () => ({ tileerror: () => setTilesFailed(true), tileload: () => setTilesFailed(false) }),
    [],
  );
  const line = useMemo(() => {
    const points: [number, number][] = [];
    if (start) points.push([start.lat, start.lng]);
    for (const stop of stops) points.push([stop.lat, stop.lng]);
    if (end) points.push([end.lat, end.lng]);
    return points;
  }, [stops, start, end]);
  const center: [number, number] = line[0] ?? [34.6937, 135.5023];
  const sameEnd = start && end && start.lat === end.lat && start.lng === end.lng;

  return (
    <MapContainer
      center={center}
      zoom={13}
      scrollWheelZoom={false}
      className={classes.map}
      attributionControl
      aria-label={label}
    >
      <TileLayer
        url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
        maxZoom={19}
        eventHandlers={tileEvents}
      />
      <FitBounds points={line} />
      {line.length > 1 && (
        <Polyline positions={line} pathOptions={{ color: '#3b5bdb', weight: 4, opacity: 0.8 }} />
      )}
      {start && (
        <Marker position={[start.lat, start.lng]} icon={placeIcon(sameEnd ? sameLabel : startLabel, 'start')}>
          <Tooltip>{start.label}</Tooltip>
        </Marker>
      )}
      {end && !sameEnd && (
        <Marker position={[end.lat, end.lng]} icon={placeIcon(endLabel, 'end')}>
          <Tooltip>{end.label}</Tooltip>
        </Marker>
      )}
      {stops.map((stop) => (
        <Marker
          key={stop.id}
          position={[stop.lat, stop.lng]}
          icon={stopIcon(stop.number, stop.pinned)}
          title={`${stop.number}. ${stop.label}`}
          alt={`${stop.number}. ${stop.label}`}
          zIndexOffset={1000}
        >
          <Tooltip>{`${stop.number}. ${stop.label}`}</Tooltip>
        </Marker>
      ))}
      {tilesFailed && (
        <div className={classes.tilesFailed} role="status" data-testid="plan-map-offline">
          {tilesFailedLabel}
        </div>
      )}
    </MapContainer>
  );
}
