import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/platform/config.ts';
import { createTravelMatrixProvider } from '../../../src/platform/geo/create-travel-matrix-provider.ts';
import { haversineMetres } from '../../../src/platform/geo/haversine.ts';
import { createOsrmTravelMatrix } from '../../../src/platform/geo/osrm-travel-matrix.ts';
import { straightLineLeg } from '../../../src/platform/geo/straight-line-travel-matrix.ts';
import { type LatLng, TravelMatrixError } from '../../../src/platform/geo/travel-matrix.ts';

/**
 * A stub that speaks OSRM's /table: duration = straight line in metres ÷ 10 (s), distance =
 * straight line × 1.2 (m), rounded to 0.1 like osrm-routed; pairs touching an "island" point
 * (latitude 0) are null, as OSRM answers for points it cannot connect.
 */
type Behaviour = 'ok' | 'invalid' | 'slow' | 'html';
let behaviour: Behaviour = 'ok';
let requests: URL[] = [];
let server: Server;
let baseUrl: string;

const isIsland = (p: LatLng) => p.lat === 0;

function answer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  requests.push(url);
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (behaviour === 'slow') return void setTimeout(() => send(200, { code: 'Ok' }), 2_000);
  if (behaviour === 'html') {
    res.writeHead(502, { 'content-type': 'text/html' });
    return void res.end('<html>Bad Gateway</html>');
  }
  const match = /^\/table\/v1\/driving\/([^/]+)$/.exec(url.pathname);
  if (behaviour === 'invalid' || !match) {
    return send(400, { code: 'InvalidQuery', message: 'Query string malformed close to position 28' });
  }
  const points = match[1]!.split(';').map((pair) => {
    const [lng, lat] = pair.split(',').map(Number);
    return { lat: lat!, lng: lng! };
  });
  const indexes = (name: string) => (url.searchParams.get(name) ?? '').split(';').map(Number);
  const sources = indexes('sources').map((i) => points[i]!);
  const destinations = indexes('destinations').map((i) => points[i]!);
  const cell = (f: (m: number) => number) =>
    sources.map((s) =>
      destinations.map((d) =>
        isIsland(s) !== isIsland(d) ? null : Math.round(f(haversineMetres(s, d)) * 10) / 10,
      ),
    );
  send(200, { code: 'Ok', durations: cell((m) => m / 10), distances: cell((m) => m * 1.2) });
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  behaviour = 'ok';
  requests = [];
});

/** Points on a small grid around 大阪駅. */
const grid = (n: number): LatLng[] =>
  Array.from({ length: n }, (_, i) => ({
    lat: 34.7 + (i % 10) * 0.003,
    lng: 135.49 + Math.floor(i / 10) * 0.004,
  }));

describe('OSRM travel matrix (against a stub speaking OSRM /table)', () => {
  it('asks for durations and distances of lng,lat coordinates and rounds them to seconds and metres', async () => {
    const points = grid(3);
    const m = await createOsrmTravelMatrix({ baseUrl }).matrix({ sources: points });
    expect(requests).toHaveLength(1);
    const url = requests[0]!;
    expect(url.pathname).toBe(`/table/v1/driving/${points.map((p) => `${p.lng},${p.lat}`).join(';')}`);
    expect(url.searchParams.get('annotations')).toBe('duration,distance');
    const metres = haversineMetres(points[0]!, points[2]!);
    expect(m.durationsSeconds[0]![2]).toBe(Math.round(Math.round((metres / 10) * 10) / 10));
    expect(m.distancesMetres[0]![2]).toBe(Math.round(Math.round(metres * 1.2 * 10) / 10));
    expect(m.durationsSeconds.flat().every(Number.isInteger)).toBe(true);
    expect(m.estimatedPairs).toEqual([]);
  });

  it('splits a large matrix into blocks of sources × destinations and puts every block in its place', async () => {
    const sources = grid(23);
    const destinations = grid(17).map((p) => ({ ...p, lat: p.lat + 0.01 }));
    const chunked = await createOsrmTravelMatrix({ baseUrl, maxTableSize: 10 }).matrix({
      sources,
      destinations,
    });
    // 5 × 5 per block: ceil(23 / 5) × ceil(17 / 5) = 5 × 4 requests, none over 10 coordinates.
    expect(requests).toHaveLength(20);
    expect(Math.max(...requests.map((u) => u.pathname.split(';').length))).toBeLessThanOrEqual(10);
    requests = [];
    const whole = await createOsrmTravelMatrix({ baseUrl }).matrix({ sources, destinations });
    expect(requests).toHaveLength(1);
    expect(chunked.durationsSeconds).toEqual(whole.durationsSeconds);
    expect(chunked.distancesMetres).toEqual(whole.distancesMetres);
    expect(chunked.durationsSeconds).toHaveLength(23);
    expect(chunked.durationsSeconds[22]).toHaveLength(17);
  });

  it('estimates the pairs OSRM cannot route in a straight line, and lists them', async () => {
    const island = { lat: 0, lng: 135.5 };
    const points = [...grid(2), island];
    const straightLine = { detourFactor: 1.4, speedKmh: 20 };
    const m = await createOsrmTravelMatrix({ baseUrl, straightLine }).matrix({ sources: points });
    expect(m.estimatedPairs).toEqual([
      { from: 0, to: 2 },
      { from: 1, to: 2 },
      { from: 2, to: 0 },
      { from: 2, to: 1 },
    ]);
    const estimate = straightLineLeg(points[0]!, island, straightLine);
    expect(m.durationsSeconds[0]![2]).toBe(estimate.durationSeconds);
    expect(m.distancesMetres[0]![2]).toBe(estimate.distanceMetres);
  });

  it("reports OSRM's error code and message", async () => {
    behaviour = 'invalid';
    const error = await createOsrmTravelMatrix({ baseUrl })
      .matrix({ sources: grid(2) })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TravelMatrixError);
    expect(error.code).toBe('osrm_error');
    expect(error.message).toContain('400 InvalidQuery: Query string malformed');
    expect(error.message).toContain(baseUrl);
  });

  it('reports an HTTP failure that is not OSRM JSON', async () => {
    behaviour = 'html';
    const error = await createOsrmTravelMatrix({ baseUrl })
      .matrix({ sources: grid(2) })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'http_error', message: expect.stringContaining('HTTP 502') });
  });

  it('gives up after the timeout', async () => {
    behaviour = 'slow';
    const started = Date.now();
    const error = await createOsrmTravelMatrix({ baseUrl, timeoutMs: 150 })
      .matrix({ sources: grid(2) })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'timeout', message: expect.stringContaining('150 ms') });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('reports a service that is not there', async () => {
    const error = await createOsrmTravelMatrix({ baseUrl: 'http://127.0.0.1:9' })
      .matrix({ sources: grid(2) })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'http_error' });
  });
});

describe('choosing the travel provider', () => {
  it('uses OSRM when OSRM_URL is set, the straight line otherwise', () => {
    expect(loadConfig({}).osrmUrl).toBeUndefined();
    const config = loadConfig({ OSRM_URL: `${baseUrl}/` });
    expect(config.osrmUrl).toBe(baseUrl);
    expect(createTravelMatrixProvider({ osrmUrl: config.osrmUrl }).kind).toBe('osrm');
    expect(createTravelMatrixProvider({}).kind).toBe('straight-line');
    expect(() => loadConfig({ OSRM_URL: 'ftp://x' })).toThrow(/OSRM_URL/);
  });
});
