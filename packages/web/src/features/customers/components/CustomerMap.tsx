import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, TileLayer } from 'react-leaflet';

interface CustomerMapProps {
  lat: number;
  lng: number;
  label: string;
}

/** A small OpenStreetMap view of the customer's location (loaded lazily with Leaflet). */
export default function CustomerMap({ lat, lng, label }: CustomerMapProps) {
  return (
    <MapContainer
      center={[lat, lng]}
      zoom={16}
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
      <CircleMarker
        center={[lat, lng]}
        radius={9}
        pathOptions={{ color: '#3b5bdb', fillColor: '#4c6ef5', fillOpacity: 0.9, weight: 3 }}
      />
    </MapContainer>
  );
}
