import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import { createGeocoder, GeocoderError } from '../../../src/platform/geo/geocoder.ts';
import { createTestApp, type SignedTenantFixture, type TestApp, testConfig } from '../../support/test-app.ts';
import { csvForm, signInAll } from './customer-app.ts';

/**
 * A stub speaking GSI's address search and Nominatim's /search over real HTTP. It knows a few
 * Osaka places by what the normalised query contains; 遅延 answers after 2 s (past the 500 ms
 * timeout the app is configured with), 故障 answers 500.
 */
const places = [
  { key: '梅田1丁目1番3号', title: '大阪府大阪市北区梅田一丁目1', lng: 135.4983, lat: 34.7003 },
  { key: '梅田1-1-3', title: '大阪府大阪市北区梅田一丁目1', lng: 135.4983, lat: 34.7003 },
  { key: '本町2', title: '大阪府大阪市中央区本町二丁目', lng: 135.5009, lat: 34.6826 },
  { key: '天王寺区', title: '大阪府大阪市天王寺区', lng: 135.5196, lat: 34.6536 },
];
let requests: string[] = [];
let server: Server;
let stubUrl: string;

function answer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const q = url.searchParams.get('q') ?? '';
  requests.push(`${url.pathname} ${q}`);
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (q.includes('遅延')) return void setTimeout(() => send(200, []), 2_000);
  if (q.includes('故障')) return send(500, { error: 'boom' });
  const place = places.find((p) => q.includes(p.key));
  if (url.pathname === '/address-search/AddressSearch') {
    return send(
      200,
      place
        ? [
            {
              geometry: { coordinates: [place.lng, place.lat], type: 'Point' },
              type: 'Feature',
              properties: { addressCode: '', title: place.title },
            },
          ]
        : [],
    );
  }
  if (url.pathname === '/search') {
    const ok = url.searchParams.get('format') === 'jsonv2' && url.searchParams.get('countrycodes') === 'jp';
    if (!ok || !place) return send(200, []);
    const [addresstype, place_rank] = place.title.endsWith('区') ? ['city', 16] : ['neighbourhood', 22];
    return send(200, [
      { lat: String(place.lat), lon: String(place.lng), display_name: place.title, addresstype, place_rank },
    ]);
  }
  send(404, {});
}

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestApp({
    config: testConfig({ GEOCODER: 'gsi', GEOCODER_URL: stubUrl, GEOCODER_TIMEOUT_MS: '500' }),
  });
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
});
beforeEach(() => {
  requests = [];
});

type CustomerBody = {
  id: string;
  version: number;
  lat: number | null;
  lng: number | null;
  geoPrecision: string;
  geocodedAt: string | null;
  hasPosition: boolean;
};
// biome-ignore lint/suspicious/noExplicitAny: JSON answers read by the assertions
const json = async (res: Response): Promise<any> => res.json();
const create = async (body: Record<string, unknown>) => {
  const res = await as('rep1').send('POST', '/api/customers', body);
  expect(res.status).toBe(201);
  return (await res.json()) as CustomerBody;
};
const patch = async (c: { id: string; version: number }, body: Record<string, unknown>) => {
  const res = await as('rep1').send('PATCH', `/api/customers/${c.id}`, { version: c.version, ...body });
  expect(res.status).toBe(200);
  return (await res.json()) as CustomerBody;
};

describe('geocoding on save (GSI format through a stub)', () => {
  it('locates a customer created with only a name and an Osaka address, to the lot', async () => {
    const c = await create({ name: '梅田テスト商店', address: '大阪府大阪市北区梅田一丁目１番３号' });
    expect(c).toMatchObject({ lat: 34.7003, lng: 135.4983, geoPrecision: 'banchi', hasPosition: true });
    expect(c.geocodedAt).not.toBeNull();
    // The address went out normalised (kanji 丁目 and full-width digits folded).
    expect(requests).toEqual(['/address-search/AddressSearch 大阪府大阪市北区梅田1丁目1番3号']);
  });

  it('re-geocodes when the address changes, and only then', async () => {
    let c = await create({ name: '移転テスト', address: '大阪市北区梅田1-1-3' });
    expect(c.geoPrecision).toBe('banchi');
    requests = [];
    c = await patch(c, { notes: '移転予定' });
    expect(requests).toEqual([]);
    // The same address in other widths is no change.
    c = await patch(c, { address: '大阪市北区梅田１－１－３' });
    expect(requests).toEqual([]);
    c = await patch(c, { address: '大阪府大阪市中央区本町2-5-7' });
    expect(requests).toHaveLength(1);
    expect(c).toMatchObject({ lat: 34.6826, lng: 135.5009, geoPrecision: 'chome' });
  });

  it('keeps a dragged pin (manual) until the address changes', async () => {
    let c = await create({ name: 'ピンテスト', address: '大阪市北区梅田1-1-3' });
    c = await patch(c, { lat: 34.7011, lng: 135.4999 });
    expect(c).toMatchObject({ lat: 34.7011, lng: 135.4999, geoPrecision: 'manual' });
    requests = [];
    // The edit form sends the position it read along with the rest: not a new pin, no geocode.
    c = await patch(c, {
      lat: 34.7011,
      lng: 135.4999,
      phone: '06-1111-2222',
      address: '大阪市北区梅田1-1-3 ',
    });
    expect(requests).toEqual([]);
    expect(c).toMatchObject({ lat: 34.7011, lng: 135.4999, geoPrecision: 'manual' });
    c = await patch(c, { lat: 34.7011, lng: 135.4999, address: '大阪市天王寺区悲田院町10-39' });
    expect(c).toMatchObject({ lat: 34.6536, lng: 135.5196, geoPrecision: 'city' });
  });

  it('saves without a position when the geocoder times out or fails, lists it, and retries', async () => {
    const slow = await create({ name: '遅延テスト', address: '大阪市北区遅延1-2-3' });
    expect(slow).toMatchObject({
      lat: null,
      lng: null,
      geoPrecision: 'none',
      geocodedAt: null,
      hasPosition: false,
    });
    const broken = await create({ name: '故障テスト', address: '大阪市北区故障1-2-3' });
    expect(broken).toMatchObject({ lat: null, geoPrecision: 'none', geocodedAt: null });
    const unknown = await create({ name: '不明テスト', address: '大阪市北区どこにもない町9-9-9' });
    expect(unknown.geoPrecision).toBe('none');
    expect(unknown.geocodedAt).not.toBeNull(); // asked, nothing found

    const list = await json(await as('manager').get('/api/customers?position=missing&limit=200'));
    const names = (list.items as { name: string }[]).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['遅延テスト', '故障テスト', '不明テスト']));
    expect(names).not.toContain('梅田テスト商店');
    const approximate = await json(await as('manager').get('/api/customers?position=approximate&limit=200'));
    expect((approximate.items as { name: string }[]).map((i) => i.name)).toContain('ピンテスト');
    const issues = await json(await as('manager').get('/api/customers/position-issues'));
    expect(issues.missing).toBe(list.total);
    expect(issues.approximate).toBe(approximate.total);

    // The address fixed by hand is geocoded again; a retry of a known address locates it.
    const fixed = await patch(slow, { address: '大阪市北区梅田1-1-3' });
    expect(fixed.geoPrecision).toBe('banchi');
    const retried = await as('rep1').send('POST', `/api/customers/${unknown.id}/geocode`, {
      version: unknown.version,
    });
    expect(retried.status).toBe(200);
    expect((await json(retried)).geoPrecision).toBe('none');
    const stale = await as('rep1').send('POST', `/api/customers/${unknown.id}/geocode`, {
      version: unknown.version - 1,
    });
    expect(stale.status).toBe(409);
  });

  it('geocodes new and moved rows of an import at preview and stores them at commit', async () => {
    const existing = tenant.customers[0]!;
    const csv = [
      '顧客コード,会社名,住所,担当者メール,緯度,経度',
      `,取込新規,大阪市北区梅田1-1-3,${tenant.users.rep1.email},,`,
      `${existing.code},,大阪市中央区本町2-1-1,,,`,
      `,取込座標,大阪市北区遅延9,${tenant.users.rep1.email},34.69,135.51`,
    ].join('\r\n');
    const res = await t.app.request('/api/customers/import/preview', {
      method: 'POST',
      body: csvForm(csv),
      headers: { cookie: as('manager').cookie, origin: t.config.baseUrl },
    });
    expect(res.status).toBe(200);
    const preview = await json(res);
    expect(preview.errors).toEqual([]);
    expect(preview.geocoding).toEqual({ asked: 2, banchi: 1, chome: 1, city: 0, notFound: 0, failed: 0 });
    const moved = preview.sample.find((r: { code: string }) => r.code === existing.code);
    expect(moved.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: '緯度', after: '34.6826' })]),
    );
    const commit = await as('manager').send('POST', `/api/customers/import/${preview.importId}/commit`);
    expect(commit.status).toBe(200);
    const rows = await t.database.admin
      .select({ name: customers.name, lat: customers.lat, geoPrecision: customers.geoPrecision })
      .from(customers)
      .where(and(eq(customers.tenantId, tenant.tenantId)));
    const by = (name: string) => rows.find((r) => r.name === name);
    expect(by('取込新規')).toMatchObject({ lat: 34.7003, geoPrecision: 'banchi' });
    expect(by('取込座標')).toMatchObject({ lat: 34.69, geoPrecision: 'manual' });
    expect(by(existing.name)).toMatchObject({ lat: 34.6826, geoPrecision: 'chome' });
  });
});

describe('Nominatim format (GEOCODER_URL)', () => {
  it('asks /search in jsonv2 for Japan and reads precision from place_rank / addresstype', async () => {
    const geocoder = createGeocoder({ kind: 'nominatim', url: stubUrl, timeoutMs: 500 });
    expect(await geocoder.geocode('大阪市中央区本町2-5')).toMatchObject({ lat: 34.6826, precision: 'chome' });
    expect(await geocoder.geocode('大阪市天王寺区')).toMatchObject({ precision: 'city' });
    expect(await geocoder.geocode('どこでもない')).toBeNull();
    await expect(geocoder.geocode('遅延')).rejects.toBeInstanceOf(GeocoderError);
    await expect(geocoder.geocode('故障')).rejects.toMatchObject({ code: 'http_error' });
  });
});
