import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROSS_SELL_MODEL, popularNotBought, suggestCrossSell } from './suggest-cross-sell.ts';

const baskets = (entries: Record<string, string[]>) =>
  new Map(Object.entries(entries).map(([id, products]) => [id, new Set(products)]));

const model = { ...CROSS_SELL_MODEL, neighbours: 3, minBuyers: 2 };

describe('suggestCrossSell', () => {
  // Coffee buyers also buy filters; paper is bought by everyone.
  const book = baskets({
    me: ['coffee', 'paper'],
    a: ['coffee', 'filter', 'paper'],
    b: ['coffee', 'filter'],
    c: ['coffee', 'filter', 'cups', 'paper'],
    d: ['paper', 'toner'],
    e: ['paper', 'toner'],
    f: ['paper', 'toner', 'cups'],
  });

  it('suggests what the most similar customers buy and this one does not, with its figures', () => {
    const [first, ...rest] = suggestCrossSell({ customerId: 'me', baskets: book, model });
    // a, b, c are the 3 nearest; all bought filters; 3 of 7 customers did overall.
    expect(first).toMatchObject({ productId: 'filter', neighbours: 3, neighbourBuyers: 3, share: 1 });
    expect(first?.baseShare).toBeCloseTo(3 / 7);
    expect(first?.lift).toBeCloseTo(7 / 3);
    // cups: 1 of 3 neighbours only (fewer than minBuyers); toner: no neighbour bought it.
    expect(rest).toEqual([]);
  });

  it('never suggests what the customer already buys or what is not eligible (inactive)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('me', 'a', 'b', 'c', 'd', 'e', 'f', 'g'),
          fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'), { maxLength: 6 }),
        ),
        fc.constantFrom('p1', 'p2', 'p3'),
        (entries, inactive) => {
          const all = baskets(entries);
          const own = all.get('me') ?? new Set();
          for (const s of suggestCrossSell({
            customerId: 'me',
            baskets: all,
            eligible: (id) => id !== inactive,
            model: { ...model, minBuyers: 1, minLift: 0 },
          })) {
            expect(own.has(s.productId)).toBe(false);
            expect(s.productId).not.toBe(inactive);
            expect(s.lift).toBeCloseTo(s.share / s.baseShare);
          }
        },
      ),
    );
  });

  it('drops a product the similar customers buy no more often than everyone (lift below 1.2)', () => {
    const everyone = baskets({
      me: ['coffee'],
      a: ['coffee', 'paper'],
      b: ['coffee', 'paper'],
      c: ['coffee', 'paper'],
      d: ['paper'],
    });
    // paper: 3 of 3 neighbours, 4 of 5 overall → lift 1.25, kept; at 5 of 6 overall → 1.2
    expect(suggestCrossSell({ customerId: 'me', baskets: everyone, model }).map((s) => s.productId)).toEqual([
      'paper',
    ]);
    everyone.set('e', new Set(['paper']));
    everyone.set('f', new Set(['paper']));
    expect(suggestCrossSell({ customerId: 'me', baskets: everyone, model })).toEqual([]);
  });

  it('has nothing to say about a customer without purchases', () => {
    expect(suggestCrossSell({ customerId: 'nobody', baskets: book, model })).toEqual([]);
  });
});

describe('popularNotBought', () => {
  it('is the most bought products the customer lacks', () => {
    const book = baskets({ me: ['paper'], a: ['paper', 'toner'], b: ['toner', 'cups'], c: ['toner'] });
    expect(popularNotBought({ customerId: 'me', baskets: book, limit: 2 })).toEqual(['toner', 'cups']);
  });
});
