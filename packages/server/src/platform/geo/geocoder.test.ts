import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { createGeocoder, GSI_URL } from './geocoder.ts';

describe('geocoder configuration', () => {
  it('defaults to GSI (no key) outside tests, off under NODE_ENV=test, Nominatim with GEOCODER_URL', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({
      geocoder: 'gsi',
      geocoderUrl: undefined,
      geocoderTimeoutMs: 5000,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).geocoder).toBe('off');
    expect(loadConfig({ GEOCODER_URL: 'https://nominatim.example.jp/' })).toMatchObject({
      geocoder: 'nominatim',
      geocoderUrl: 'https://nominatim.example.jp',
    });
    expect(loadConfig({ GEOCODER: 'gsi', GEOCODER_URL: 'http://127.0.0.1:9' }).geocoder).toBe('gsi');
    expect(() => loadConfig({ GEOCODER: 'nominatim' })).toThrow(ConfigError);
    expect(() => loadConfig({ GEOCODER_TIMEOUT_MS: '10' })).toThrow(/GEOCODER_TIMEOUT_MS/);
  });

  it('asks GSI at its own address unless told otherwise', async () => {
    const asked: string[] = [];
    const fetch = (async (url: string) => {
      asked.push(url);
      return new Response('[]', { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const gsi = createGeocoder({ kind: 'gsi', fetch });
    expect(gsi.kind).toBe('gsi');
    expect(await gsi.geocode('大阪市北区梅田１－１－３')).toBeNull();
    expect(asked).toEqual([
      `${GSI_URL}/address-search/AddressSearch?q=${encodeURIComponent('大阪市北区梅田1-1-3')}`,
    ]);
    expect(await createGeocoder({ kind: 'off' }).geocode('大阪市北区梅田1-1-3')).toBeNull();
  });
});
