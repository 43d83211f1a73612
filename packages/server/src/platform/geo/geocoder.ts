import { createGsiGeocoder } from './geocoder-gsi.ts';
import { createNominatimGeocoder } from './geocoder-nominatim.ts';

/**
 * How closely a geocoded position matches the address: the lot (番地), the block (町丁目), or
 * only the municipality (市区町村).
 */
export const geocodePrecisions = ['banchi', 'chome', 'city'] as const;
export type GeocodePrecision = (typeof geocodePrecisions)[number];

export interface GeocodeHit {
  lat: number;
  lng: number;
  precision: GeocodePrecision;
  /** What the service matched, as it spells it (e.g. 大阪府大阪市北区梅田一丁目). */
  matched: string;
}

export type GeocoderErrorCode = 'timeout' | 'http_error' | 'bad_response';

/** The service could not be asked or answered nonsense (not "nothing found", which is null). */
export class GeocoderError extends Error {
  override name = 'GeocoderError';
  constructor(
    readonly code: GeocoderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Turns a Japanese address into a position. `geocode` answers null when the service knows no
 * such place (or only a place outside the address's municipality), and throws GeocoderError
 * when it cannot be reached in time or answers something unreadable.
 */
export interface Geocoder {
  readonly kind: 'gsi' | 'nominatim' | 'off';
  geocode(address: string, options?: { signal?: AbortSignal }): Promise<GeocodeHit | null>;
}

export const GSI_URL = 'https://msearch.gsi.go.jp';

export interface CreateGeocoderOptions {
  /** `config.geocoder`: gsi (国土地理院, no key), nominatim (GEOCODER_URL), off. */
  kind: 'gsi' | 'nominatim' | 'off';
  /** Base URL: GSI's by default; a Nominatim-compatible service's (required for nominatim). */
  url?: string | undefined;
  /** Per request (default 5 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A geocoder that knows nowhere (GEOCODER=off): every address is saved without a position. */
export const offGeocoder: Geocoder = { kind: 'off', geocode: async () => null };

/**
 * The geocoder the configuration names.
 *
 * @example
 * const geocoder = createGeocoder({ kind: config.geocoder, url: config.geocoderUrl });
 * const hit = await geocoder.geocode('大阪市北区梅田1-1-3');
 */
export function createGeocoder({
  kind,
  url,
  timeoutMs = 5_000,
  fetch: fetchFn,
}: CreateGeocoderOptions): Geocoder {
  if (kind === 'off') return offGeocoder;
  if (kind === 'nominatim') {
    if (!url) throw new Error('A Nominatim geocoder needs its URL (GEOCODER_URL)');
    return createNominatimGeocoder({ baseUrl: url, timeoutMs, fetch: fetchFn });
  }
  return createGsiGeocoder({ baseUrl: url ?? GSI_URL, timeoutMs, fetch: fetchFn });
}

/** GET a JSON answer within the timeout; GeocoderError for every way it can fail. */
export async function fetchJson(
  url: string,
  {
    timeoutMs,
    signal,
    fetch: fetchFn = fetch,
    service,
  }: {
    timeoutMs: number;
    signal?: AbortSignal | undefined;
    fetch?: typeof fetch | undefined;
    service: string;
  },
): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let body: string;
  try {
    response = await fetchFn(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { accept: 'application/json', 'user-agent': 'Kayoi route-sales workbench' },
    });
    body = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted)
      throw new GeocoderError('timeout', `${service} did not answer within ${timeoutMs} ms`, {
        cause: error,
      });
    throw new GeocoderError('http_error', `${service} request failed: ${String(error)}`, { cause: error });
  }
  if (!response.ok) throw new GeocoderError('http_error', `${service} answered HTTP ${response.status}`);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new GeocoderError('bad_response', `${service} answered something that is not JSON`);
  }
}

/** A finite latitude/longitude pair inside the usual bounds, or null. */
export function validPosition(lat: unknown, lng: unknown): { lat: number; lng: number } | null {
  const la = typeof lat === 'string' ? Number(lat) : lat;
  const ln = typeof lng === 'string' ? Number(lng) : lng;
  if (typeof la !== 'number' || typeof ln !== 'number' || !Number.isFinite(la) || !Number.isFinite(ln))
    return null;
  if (Math.abs(la) > 90 || Math.abs(ln) > 180) return null;
  return { lat: la, lng: ln };
}
