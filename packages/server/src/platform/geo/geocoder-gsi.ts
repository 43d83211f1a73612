import { fetchJson, type GeocodeHit, type Geocoder, GeocoderError, validPosition } from './geocoder.ts';
import { matchPrecision, normalizeJapaneseAddress } from './geocoder-address.ts';

export interface GsiGeocoderOptions {
  /** https://msearch.gsi.go.jp, or a stub speaking its format. */
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
}

/** One result of GSI's address search. */
interface GsiFeature {
  geometry?: { coordinates?: unknown[]; type?: string };
  type?: string;
  properties?: { addressCode?: string; title?: string };
}

/**
 * 国土地理院's address search (no key): `GET {baseUrl}/address-search/AddressSearch?q=…` answers
 * `[{ geometry: { coordinates: [lng, lat] }, properties: { title } }]`, best first. The first
 * result whose title names the address's own place is taken, and its precision is what the
 * title and the normalised address have in common (GSI answers a town's point when it does not
 * know the lot, and a similar-sounding place elsewhere when it knows neither: that is refused).
 */
export function createGsiGeocoder({ baseUrl, timeoutMs, fetch }: GsiGeocoderOptions): Geocoder {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    kind: 'gsi',
    async geocode(address, options = {}): Promise<GeocodeHit | null> {
      const q = normalizeJapaneseAddress(address);
      if (q === '') return null;
      const answer = await fetchJson(`${base}/address-search/AddressSearch?q=${encodeURIComponent(q)}`, {
        timeoutMs,
        signal: options.signal,
        fetch,
        service: 'GSI address search',
      });
      if (!Array.isArray(answer))
        throw new GeocoderError('bad_response', 'GSI address search answered something that is not a list');
      let best: GeocodeHit | null = null;
      const rank = { banchi: 3, chome: 2, city: 1 } as const;
      for (const feature of answer.slice(0, 10) as GsiFeature[]) {
        const [lng, lat] = feature?.geometry?.coordinates ?? [];
        const position = validPosition(lat, lng);
        const title = typeof feature?.properties?.title === 'string' ? feature.properties.title : '';
        if (!position || title === '') continue;
        const precision = matchPrecision(q, title);
        if (!precision) continue;
        if (!best || rank[precision] > rank[best.precision])
          best = { ...position, precision, matched: title.slice(0, 200) };
        if (precision === 'banchi') break;
      }
      return best;
    },
  };
}
