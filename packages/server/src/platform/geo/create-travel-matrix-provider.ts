import { createOsrmTravelMatrix } from './osrm-travel-matrix.ts';
import {
  createStraightLineTravelMatrix,
  type StraightLineTravelOptions,
} from './straight-line-travel-matrix.ts';
import type { TravelMatrixProvider } from './travel-matrix.ts';

export interface CreateTravelMatrixProviderOptions extends StraightLineTravelOptions {
  /** `config.osrmUrl`: when set, the road network's times; otherwise straight-line estimates. */
  osrmUrl?: string | undefined;
}

/**
 * The provider the configuration names, with the tenant's detour factor and speed (used for the
 * whole matrix without OSRM, and for the pairs OSRM cannot route).
 *
 * @example
 * const travel = createTravelMatrixProvider({ osrmUrl: config.osrmUrl, detourFactor: 1.3, speedKmh: 25 });
 */
export function createTravelMatrixProvider({
  osrmUrl,
  ...straightLine
}: CreateTravelMatrixProviderOptions): TravelMatrixProvider {
  return osrmUrl
    ? createOsrmTravelMatrix({ baseUrl: osrmUrl, straightLine })
    : createStraightLineTravelMatrix(straightLine);
}
