import {
  createStraightLineTravelMatrix,
  type StraightLineTravelOptions,
  straightLineLeg,
} from './straight-line-travel-matrix.ts';
import {
  type EstimatedPair,
  type LatLng,
  type TravelMatrix,
  TravelMatrixError,
  type TravelMatrixProvider,
  type TravelMatrixRequest,
} from './travel-matrix.ts';

export interface OsrmTravelMatrixOptions {
  /** The service's base URL, e.g. http://osrm.internal:5000 (OSRM_URL). */
  baseUrl: string;
  /** OSRM profile in the path (default `driving`). */
  profile?: string;
  /**
   * Most coordinates one request may carry (osrm-routed's `--max-table-size`, default 100): a
   * larger matrix is asked for in blocks of sources × destinations of half that each.
   */
  maxTableSize?: number;
  /** Per request, in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Blocks asked for at once (default 4). */
  concurrency?: number;
  /** How pairs OSRM answers null for (unreachable) are estimated. */
  straightLine?: StraightLineTravelOptions;
  fetch?: typeof fetch;
}

/** OSRM's `/table` answer (https://project-osrm.org/docs/v5.24.0/api/#table-service). */
interface OsrmTableResponse {
  code: string;
  message?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

/**
 * Travel times and distances from an OSRM-compatible `/table` service:
 * `GET {baseUrl}/table/v1/{profile}/{lng,lat;…}?sources=…&destinations=…&annotations=duration,distance`.
 * Large matrices are split into blocks; pairs OSRM cannot route (null) are estimated in a straight
 * line and listed in `estimatedPairs`. Failures throw `TravelMatrixError` (timeout, HTTP status,
 * OSRM's own error code and message, or an answer of the wrong shape).
 *
 * @example
 * const provider = createOsrmTravelMatrix({ baseUrl: config.osrmUrl, straightLine: { detourFactor: 1.3 } });
 * const m = await provider.matrix({ sources: stops });
 */
export function createOsrmTravelMatrix(options: OsrmTravelMatrixOptions): TravelMatrixProvider {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const profile = options.profile ?? 'driving';
  const block = Math.max(1, Math.floor((options.maxTableSize ?? 100) / 2));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const fetchFn = options.fetch ?? fetch;
  createStraightLineTravelMatrix(options.straightLine); // validates the fallback's options now

  /** One request; a diagonal block of a square matrix sends its coordinates once. */
  async function table(
    sources: readonly LatLng[],
    destinations: readonly LatLng[],
    signal: AbortSignal | undefined,
    diagonal: boolean,
  ) {
    const points = diagonal ? sources : [...sources, ...destinations];
    const coordinates = points.map((p) => `${p.lng},${p.lat}`).join(';');
    const sourceIndexes = sources.map((_, i) => i).join(';');
    const destinationIndexes = destinations.map((_, j) => (diagonal ? j : sources.length + j)).join(';');
    const url = `${baseUrl}/table/v1/${profile}/${coordinates}?sources=${sourceIndexes}&destinations=${destinationIndexes}&annotations=duration,distance`;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let body: string;
    try {
      response = await fetchFn(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      body = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) {
        throw new TravelMatrixError(
          'timeout',
          `OSRM ${baseUrl} did not answer /table within ${timeoutMs} ms`,
          {
            cause: error,
          },
        );
      }
      throw new TravelMatrixError('http_error', `OSRM ${baseUrl} /table request failed: ${String(error)}`, {
        cause: error,
      });
    }
    let parsed: OsrmTableResponse | undefined;
    try {
      parsed = JSON.parse(body) as OsrmTableResponse;
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed.code === 'string' && parsed.code !== 'Ok') {
      throw new TravelMatrixError(
        'osrm_error',
        `OSRM ${baseUrl} /table answered ${response.status} ${parsed.code}: ${parsed.message ?? '(no message)'}`,
      );
    }
    if (!response.ok) {
      throw new TravelMatrixError('http_error', `OSRM ${baseUrl} /table answered HTTP ${response.status}`);
    }
    const rowsOk = (rows: unknown, width: number) =>
      Array.isArray(rows) &&
      rows.length === sources.length &&
      rows.every((row) => Array.isArray(row) && row.length === width);
    if (
      !parsed ||
      !rowsOk(parsed.durations, destinations.length) ||
      !rowsOk(parsed.distances, destinations.length)
    ) {
      throw new TravelMatrixError(
        'bad_response',
        `OSRM ${baseUrl} /table answer lacks ${sources.length}×${destinations.length} durations and distances (is the service OSRM ≥ 5.13 with annotations=duration,distance?)`,
      );
    }
    return { durations: parsed.durations!, distances: parsed.distances! };
  }

  return {
    kind: 'osrm',
    async matrix({ sources, destinations = sources, signal }: TravelMatrixRequest): Promise<TravelMatrix> {
      const durationsSeconds = sources.map(() => new Array<number>(destinations.length).fill(0));
      const distancesMetres = sources.map(() => new Array<number>(destinations.length).fill(0));
      const estimatedPairs: EstimatedPair[] = [];
      const blocks: { from: number; to: number }[] = [];
      for (let from = 0; from < sources.length; from += block) {
        for (let to = 0; to < destinations.length; to += block) blocks.push({ from, to });
      }
      let next = 0;
      const worker = async () => {
        while (next < blocks.length) {
          const { from, to } = blocks[next++]!;
          const blockSources = sources.slice(from, from + block);
          const blockDestinations = destinations.slice(to, to + block);
          const diagonal = destinations === sources && from === to;
          const answer = await table(blockSources, blockDestinations, signal, diagonal);
          blockSources.forEach((source, i) => {
            blockDestinations.forEach((destination, j) => {
              const duration = answer.durations[i]![j];
              const distance = answer.distances[i]![j];
              let leg: { durationSeconds: number; distanceMetres: number };
              if (typeof duration === 'number' && typeof distance === 'number') {
                leg = { durationSeconds: Math.round(duration), distanceMetres: Math.round(distance) };
              } else {
                leg = straightLineLeg(source, destination, options.straightLine);
                estimatedPairs.push({ from: from + i, to: to + j });
              }
              durationsSeconds[from + i]![to + j] = leg.durationSeconds;
              distancesMetres[from + i]![to + j] = leg.distanceMetres;
            });
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, blocks.length) }, worker));
      estimatedPairs.sort((a, b) => a.from - b.from || a.to - b.to);
      return { durationsSeconds, distancesMetres, estimatedPairs };
    },
  };
}
