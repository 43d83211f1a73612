import { describe, expect, it } from 'vitest';
import { haversineMetres } from './haversine.ts';
import { createStraightLineTravelMatrix } from './straight-line-travel-matrix.ts';

const umeda = { lat: 34.7025, lng: 135.4959 };
const namba = { lat: 34.6659, lng: 135.5013 };

describe('straight-line travel', () => {
  it('measures 梅田 → なんば as about 4.1 km in a straight line', () => {
    expect(haversineMetres(umeda, namba)).toBeGreaterThan(4_000);
    expect(haversineMetres(umeda, namba)).toBeLessThan(4_150);
  });

  it('drives the straight line × the detour factor at the average speed, in integer seconds and metres', async () => {
    const m = await createStraightLineTravelMatrix().matrix({ sources: [umeda, namba] });
    const straight = haversineMetres(umeda, namba);
    expect(m.distancesMetres[0]![1]).toBe(Math.round(straight * 1.3));
    expect(m.durationsSeconds[0]![1]).toBe(Math.round((straight * 1.3) / (25 / 3.6)));
    expect(m.durationsSeconds[1]![0]).toBe(m.durationsSeconds[0]![1]);
    expect(m.durationsSeconds[0]![0]).toBe(0);
    expect(m.estimatedPairs).toEqual([]);
  });

  it("uses the tenant's detour factor and speed", async () => {
    const fast = await createStraightLineTravelMatrix({ detourFactor: 1, speedKmh: 50 }).matrix({
      sources: [umeda],
      destinations: [namba],
    });
    expect(fast.distancesMetres).toEqual([[Math.round(haversineMetres(umeda, namba))]]);
    expect(fast.durationsSeconds[0]![0]).toBe(Math.round(haversineMetres(umeda, namba) / (50 / 3.6)));
  });

  it('refuses a detour factor below 1 or a speed of 0', () => {
    expect(() => createStraightLineTravelMatrix({ detourFactor: 0.5 })).toThrow(/detourFactor/);
    expect(() => createStraightLineTravelMatrix({ speedKmh: 0 })).toThrow(/speedKmh/);
  });
});
