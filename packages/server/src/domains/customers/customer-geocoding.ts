import { type Geocoder, GeocoderError } from '../../platform/geo/geocoder.ts';
import { normalizeJapaneseAddress } from '../../platform/geo/geocoder-address.ts';
import type { CustomerFields } from './customer-fields.ts';
import type { GeoPrecision } from './customer-values.ts';

/** A customer's position and how it was reached. */
export interface CustomerPosition {
  lat: number | null;
  lng: number | null;
  /** banchi / chome / city: geocoded to that level; manual: placed by a person; none: no position. */
  geoPrecision: GeoPrecision;
  /** When the address was last geocoded (found or not); null when never, or when the geocoder failed. */
  geocodedAt: Date | null;
}

const noPosition = (geocodedAt: Date | null): CustomerPosition => ({
  lat: null,
  lng: null,
  geoPrecision: 'none',
  geocodedAt,
});

/**
 * The position of an address through the tenant's geocoder. Never throws for the geocoder's
 * sake: an address the service does not know is `none` with geocodedAt (it was asked), a
 * service that fails or times out is `none` without it (the save goes on; 位置を再取得 retries).
 */
export async function locateAddress(
  geocoder: Geocoder,
  address: string,
  now: () => Date = () => new Date(),
): Promise<CustomerPosition> {
  if (normalizeJapaneseAddress(address) === '' || geocoder.kind === 'off') return noPosition(null);
  try {
    const hit = await geocoder.geocode(address);
    if (!hit) return noPosition(now());
    // Six decimals (about 0.1 m): a service's float noise (34.704950000000004) stays out of the record.
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    return { lat: round(hit.lat), lng: round(hit.lng), geoPrecision: hit.precision, geocodedAt: now() };
  } catch (error) {
    if (error instanceof GeocoderError) return noPosition(null);
    throw error;
  }
}

/** Whether two addresses differ once normalised (widths, hyphens, 丁目 forms, spaces). */
export const addressChanged = (before: string, after: string): boolean =>
  normalizeJapaneseAddress(before) !== normalizeJapaneseAddress(after);

/** Whether a write names a position of its own (a dragged pin, typed or imported 緯度/経度). */
export function positionGiven(
  stored: Pick<CustomerFields, 'lat' | 'lng'> | null,
  next: Partial<Pick<CustomerFields, 'lat' | 'lng'>>,
): boolean {
  if (next.lat === undefined && next.lng === undefined) return false;
  if (!stored) return next.lat != null || next.lng != null;
  return (
    (next.lat !== undefined && next.lat !== stored.lat) || (next.lng !== undefined && next.lng !== stored.lng)
  );
}

/**
 * What a write does to the position: a position given by the caller is `manual` (none when it
 * clears it); a new or changed address is geocoded (`geocode: true`), even over a manual pin;
 * otherwise the stored position and its precision stay (null).
 */
export function positionPlan(
  stored: (Pick<CustomerFields, 'lat' | 'lng' | 'address'> & { geoPrecision: GeoPrecision }) | null,
  next: Pick<CustomerFields, 'lat' | 'lng' | 'address'>,
  given: boolean,
): { geocode: true } | { geocode: false; geoPrecision: GeoPrecision } | null {
  if (given)
    return { geocode: false, geoPrecision: next.lat !== null && next.lng !== null ? 'manual' : 'none' };
  if (!stored || addressChanged(stored.address, next.address)) return { geocode: true };
  return null;
}

/**
 * Runs `work` over `items` with at most `concurrency` at once, reporting each one done. For an
 * import's geocoding: bounded so that a large file neither floods the service nor waits forever.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, worker));
  return results;
}
