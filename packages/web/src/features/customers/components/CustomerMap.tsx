import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { CircleMarker, MapContainer, Marker, TileLayer, useMap } from 'react-leaflet';

interface CustomerMapProps {
  lat: number;
  lng: number;
  label: string;
  /** When given, the pin can be dragged; called with where it was dropped. */
  onMove?: ((position: { lat: number; lng: number }) => void) | undefined;
  /** Accessible name of the draggable pin. */
  pinLabel?: string;
  zoom?: number;
}

/** A pin drawn in CSS (Leaflet's default marker images do not survive bundling). */
const pinIcon = L.divIcon({
  className: 'kayoi-map-pin',
  html: '<span style="display:block;width:22px;height:22px;border-radius:50% 50% 50% 0;background:#4c6ef5;border:3px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.45);transform:rotate(-45deg)"></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 26],
});

/** Follows a position that changed from outside (a typed 緯度, a saved pin). */
function Recenter({ lat, lng }: { lat: number; lng: number }) {
  const map = useMap();
  useEffect(() => {
    if (!map.getBounds().pad(-0.2).contains([lat, lng])) map.panTo([lat, lng]);
  }, [map, lat, lng]);
  return null;
}

/** A small OpenStreetMap view of the customer's location (loaded lazily with Leaflet). */
export default function CustomerMap({ lat, lng, label, onMove, pinLabel, zoom = 16 }: CustomerMapProps) {
  const handlers = useMemo(
    () => ({
      dragend(event: L.LeafletEvent) {
        const { lat: newLat, lng: newLng } = (event.target as L.Marker).getLatLng();
        onMove?.({ lat: Math.round(newLat * 1e6) / 1e6, lng: Math.round(newLng * 1e6) / 1e6 });
      },
    }),
    [onMove],
  );
  return (
    <MapContainer
      center={[lat, lng]}
      zoom={zoom}
      scrollWheelZoom={false}
      style={{ height: '100%', width: '100%' }}
      attributionControl
      aria-label={label}
    >
      <TileLayer
        url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
        maxZoom={19}
      />
      <Recenter lat={lat} lng={lng} />
      {onMove ? (
        <Marker
          position={[lat, lng]}
          draggable
          icon={pinIcon}
          eventHandlers={handlers}
          title={pinLabel}
          alt={pinLabel}
          keyboard
        />
      ) : (
        <CircleMarker
          center={[lat, lng]}
          radius={9}
          pathOptions={{ color: '#3b5bdb', fillColor: '#4c6ef5', fillOpacity: 0.9, weight: 3 }}
        />
      )}
    </MapContainer>
  );
}
