import { haversineMetres } from './haversine.ts';
import type { LatLng, TravelMatrix, TravelMatrixProvider, TravelMatrixRequest } from './travel-matrix.ts';

/** Roads are longer than the crow flies: a city's typical ratio of road to straight-line distance. */
export const DEFAULT_DETOUR_FACTOR = 1.3;
/** Average door-to-door speed of a rep's car in a Japanese city, parking included. */
export const DEFAULT_SPEED_KMH = 25;

export interface StraightLineTravelOptions {
  /** Road distance ÷ straight-line distance (the tenant's; default 1.3). */
  detourFactor?: number;
  /** Average speed in km/h (the tenant's; default 25). */
  speedKmh?: number;
}

/** Road distance (metres) and duration (seconds) of one leg estimated from the straight line. */
export function straightLineLeg(
  from: LatLng,
  to: LatLng,
  { detourFactor = DEFAULT_DETOUR_FACTOR, speedKmh = DEFAULT_SPEED_KMH }: StraightLineTravelOptions = {},
): { durationSeconds: number; distanceMetres: number } {
  const metres = haversineMetres(from, to) * detourFactor;
  return { distanceMetres: Math.round(metres), durationSeconds: Math.round(metres / (speedKmh / 3.6)) };
}

/**
 * Travel estimated without a road network: haversine distance × the detour factor, at the
 * average speed. Needs no service; used when `OSRM_URL` is not set and for pairs OSRM cannot route.
 *
 * @example
 * const provider = createStraightLineTravelMatrix({ detourFactor: 1.3, speedKmh: 25 });
 * const m = await provider.matrix({ sources: [umeda, namba] }); // m.durationsSeconds[0][1] ≈ 800
 */
export function createStraightLineTravelMatrix(
  options: StraightLineTravelOptions = {},
): TravelMatrixProvider {
  const detourFactor = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  const speedKmh = options.speedKmh ?? DEFAULT_SPEED_KMH;
  if (!(detourFactor >= 1)) throw new RangeError(`detourFactor must be at least 1 (got ${detourFactor})`);
  if (!(speedKmh > 0)) throw new RangeError(`speedKmh must be positive (got ${speedKmh})`);
  return {
    kind: 'straight-line',
    async matrix({ sources, destinations = sources }: TravelMatrixRequest): Promise<TravelMatrix> {
      const legs = sources.map((from) => destinations.map((to) => straightLineLeg(from, to, options)));
      return {
        durationsSeconds: legs.map((row) => row.map((leg) => leg.durationSeconds)),
        distancesMetres: legs.map((row) => row.map((leg) => leg.distanceMetres)),
        estimatedPairs: [],
      };
    },
  };
}
