import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useState } from 'react';
import { CircleMarker, MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import classes from './OrganizationMap.module.css';

export interface PlacePickerMapProps {
  value: { lat: number; lng: number } | null;
  onPick: (position: { lat: number; lng: number }) => void;
  /** Where to look when nothing is picked yet (the company, the rep's customers). */
  fallback: { lat: number; lng: number };
  label: string;
  tilesFailedLabel: string;
}

function ClickToPick({ onPick }: { onPick: PlacePickerMapProps['onPick'] }) {
  useMapEvents({
    click: (event) =>
      onPick({
        lat: Math.round(event.latlng.lat * 1e6) / 1e6,
        lng: Math.round(event.latlng.lng * 1e6) / 1e6,
      }),
  });
  return null;
}

function Recenter({ at }: { at: { lat: number; lng: number } }) {
  const map = useMap();
  useEffect(() => {
    map.invalidateSize({ animate: false });
    map.setView([at.lat, at.lng], map.getZoom(), { animate: false });
  }, [map, at.lat, at.lng]);
  return null;
}

/** A map to pick a place by clicking (the marker is SVG: it shows without tiles). */
export default function PlacePickerMap({
  value,
  onPick,
  fallback,
  label,
  tilesFailedLabel,
}: PlacePickerMapProps) {
  const [tilesFailed, setTilesFailed] = useState(false);
  const tileEvents = useMemo(
    () => ({ tileerror: () => setTilesFailed(true), tileload: () => setTilesFailed(false) }),
    [],
  );
  const at = value ?? fallback;
  return (
    <MapContainer
      center={[at.lat, at.lng]}
      zoom={14}
      scrollWheelZoom={false}
      className={classes.map}
      aria-label={label}
    >
      <TileLayer
        url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
        maxZoom={19}
        eventHandlers={tileEvents}
      />
      <ClickToPick onPick={onPick} />
      <Recenter at={at} />
      {value && (
        <CircleMarker
          center={[value.lat, value.lng]}
          radius={9}
          pathOptions={{ color: '#fff', weight: 2, fillColor: '#2b8a3e', fillOpacity: 1 }}
        />
      )}
      {tilesFailed && (
        <div className={classes.tilesFailed} role="status">
          {tilesFailedLabel}
        </div>
      )}
    </MapContainer>
  );
}
