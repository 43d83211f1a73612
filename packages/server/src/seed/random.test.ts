import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed (the demo is the same on every machine)', () => {
    const a = createRandom(2026);
    const b = createRandom(2026);
    const draw = (r: ReturnType<typeof createRandom>) => [r.int(1, 100), r.uuid(), r.pick(['x', 'y', 'z'])];
    expect(draw(a)).toEqual(draw(b));
    expect(draw(createRandom(2027))).not.toEqual(draw(createRandom(2026)));
  });

  it('makes version-4-shaped UUIDs without repeats', () => {
    const random = createRandom(1);
    const ids = new Set(Array.from({ length: 10_000 }, () => random.uuid()));
    expect(ids.size).toBe(10_000);
    for (const id of [...ids].slice(0, 100)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('keeps int within its inclusive bounds and never picks a zero weight', () => {
    const random = createRandom(7);
    const ints = Array.from({ length: 2000 }, () => random.int(7, 9));
    expect(new Set(ints)).toEqual(new Set([7, 8, 9]));
    const picks = Array.from({ length: 2000 }, () =>
      random.weighted([
        ['never', 0],
        ['always', 1],
      ] as const),
    );
    expect(new Set(picks)).toEqual(new Set(['always']));
  });
});
