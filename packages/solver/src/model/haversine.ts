import type { Coordinates } from './types.ts';

const EARTH_RADIUS_METRES = 6_371_000;

/** Great-circle distance in metres between two [lon, lat] points. */
export function haversineMetres(a: Coordinates, b: Coordinates): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface HaversineMatricesOptions {
  coordinates: readonly Coordinates[];
  /** Road distance over straight-line distance; 1.3 is typical for cities. */
  detourFactor: number;
  speedMetresPerSecond: number;
}

/** Integer metre and second matrices estimated from coordinates. */
export function buildHaversineMatrices(options: HaversineMatricesOptions): {
  distances: Float64Array;
  durations: Float64Array;
} {
  const { coordinates, detourFactor, speedMetresPerSecond } = options;
  const n = coordinates.length;
  const distances = new Float64Array(n * n);
  const durations = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const metres = Math.round(haversineMetres(coordinates[i]!, coordinates[j]!) * detourFactor);
      distances[i * n + j] = metres;
      durations[i * n + j] = Math.round(metres / speedMetresPerSecond);
    }
  }
  return { distances, durations };
}
