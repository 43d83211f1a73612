import {
  fetchJson,
  type GeocodeHit,
  type GeocodePrecision,
  type Geocoder,
  GeocoderError,
  validPosition,
} from './geocoder.ts';
import { normalizeJapaneseAddress } from './geocoder-address.ts';

export interface NominatimGeocoderOptions {
  /** GEOCODER_URL, e.g. https://nominatim.example.jp */
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
}

/** One result of Nominatim's /search in format=jsonv2. */
interface NominatimPlace {
  lat?: unknown;
  lon?: unknown;
  display_name?: unknown;
  addresstype?: unknown;
  place_rank?: unknown;
}

const LOT_TYPES = new Set(['house', 'building', 'house_number', 'amenity', 'shop', 'office', 'place']);

/**
 * Precision from what Nominatim says it matched: a house or building (or place_rank 28 and
 * above) is a lot; a block, neighbourhood, quarter or suburb (rank 17–27) the town; a city,
 * town, village or municipality (rank 12–16) the municipality; anything coarser is no match.
 */
export function nominatimPrecision(place: {
  addresstype?: unknown;
  place_rank?: unknown;
}): GeocodePrecision | null {
  const rank = typeof place.place_rank === 'number' ? place.place_rank : Number(place.place_rank);
  const type = typeof place.addresstype === 'string' ? place.addresstype : '';
  if (LOT_TYPES.has(type) || rank >= 28) return 'banchi';
  if (rank >= 17) return 'chome';
  if (rank >= 12) return 'city';
  return null;
}

/**
 * A Nominatim-compatible geocoder: `GET {baseUrl}/search?q=…&format=jsonv2&countrycodes=jp&limit=1`
 * answers `[{ lat, lon, display_name, addresstype, place_rank }]` (lat/lon as strings).
 */
export function createNominatimGeocoder({ baseUrl, timeoutMs, fetch }: NominatimGeocoderOptions): Geocoder {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    kind: 'nominatim',
    async geocode(address, options = {}): Promise<GeocodeHit | null> {
      const q = normalizeJapaneseAddress(address);
      if (q === '') return null;
      const url = `${base}/search?q=${encodeURIComponent(q)}&format=jsonv2&countrycodes=jp&limit=1&accept-language=ja`;
      const answer = await fetchJson(url, { timeoutMs, signal: options.signal, fetch, service: 'Nominatim' });
      if (!Array.isArray(answer))
        throw new GeocoderError('bad_response', 'Nominatim answered something that is not a list');
      const place = answer[0] as NominatimPlace | undefined;
      if (!place) return null;
      const position = validPosition(place.lat, place.lon);
      if (!position) throw new GeocoderError('bad_response', 'Nominatim answered a place without lat/lon');
      const precision = nominatimPrecision(place);
      if (!precision) return null;
      const matched = typeof place.display_name === 'string' ? place.display_name.slice(0, 200) : '';
      return { ...position, precision, matched };
    },
  };
}
