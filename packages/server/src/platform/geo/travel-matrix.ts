/** A point on the map (WGS 84 degrees). */
export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

/** A pair whose figures are a straight-line estimate instead of the road network's. */
export interface EstimatedPair {
  readonly from: number;
  readonly to: number;
}

/**
 * Travel between every source and every destination: `durationsSeconds[i][j]` and
 * `distancesMetres[i][j]` go from `sources[i]` to `destinations[j]`, integers.
 */
export interface TravelMatrix {
  readonly durationsSeconds: number[][];
  readonly distancesMetres: number[][];
  /** Pairs the road network could not route (OSRM answered null) and were estimated in a straight line. */
  readonly estimatedPairs: readonly EstimatedPair[];
}

export interface TravelMatrixRequest {
  readonly sources: readonly LatLng[];
  /** Defaults to the sources (a square matrix). */
  readonly destinations?: readonly LatLng[];
  readonly signal?: AbortSignal;
}

/**
 * Where travel times come from: a straight-line estimate (`createStraightLineTravelMatrix`) or an
 * OSRM-compatible `/table` service (`createOsrmTravelMatrix`).
 *
 * @example
 * const provider = createTravelMatrixProvider({ osrmUrl: config.osrmUrl, detourFactor: 1.3, speedKmh: 25 });
 * const { durationsSeconds } = await provider.matrix({ sources: stops });
 */
export interface TravelMatrixProvider {
  readonly kind: 'straight-line' | 'osrm';
  matrix(request: TravelMatrixRequest): Promise<TravelMatrix>;
}

export type TravelMatrixErrorCode = 'timeout' | 'http_error' | 'osrm_error' | 'bad_response' | 'unreachable';

/** A travel service that failed: `code` says how, the message names the service and its answer. */
export class TravelMatrixError extends Error {
  override name = 'TravelMatrixError';
  constructor(
    readonly code: TravelMatrixErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
