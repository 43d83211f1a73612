import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROSS_SELL_MODEL, popularNotBought, suggestCrossSell } from './suggest-cross-sell.ts';

const baskets = (entries: Record<string, string[]>) =>
  new Map(Object.entries(entries).map(([id, products]) => [id, new Set(products)]));

/** Unsmoothed, so the figures are the plain ratios; smoothing has a test of its own. */
const model = { ...CROSS_SELL_MODEL, minBoth: 2, smoothing: 0 };

describe('suggestCrossSell', () => {
  // Coffee buyers also buy filters; paper is bought by nearly everyone; toner goes with paper only.
  const book = baskets({
    me: ['coffee', 'paper'],
    a: ['coffee', 'filter', 'paper'],
    b: ['coffee', 'filter'],
    c: ['coffee', 'filter', 'cups', 'paper'],
    d: ['paper', 'toner'],
    e: ['paper', 'toner'],
    f: ['paper', 'toner', 'cups'],
  });

  it('suggests what buyers of the customer’s products buy and it does not, with the rule’s figures', () => {
    const [first, ...rest] = suggestCrossSell({ customerId: 'me', baskets: book, model });
    // coffee → filter: a, b, c bought coffee and all three filters; 3 of the 6 others bought filters.
    expect(first).toMatchObject({
      productId: 'filter',
      anchorProductId: 'coffee',
      anchorBuyers: 3,
      bothBuyers: 3,
      confidence: 1,
      baseShare: 0.5,
      lift: 2,
    });
    // toner: paper → toner is 3 of 5 (60%) against 3 of 6 overall (50%): lift 1.2, kept at 1.2.
    // cups: coffee → cups rests on one customer (fewer than minBoth); paper → cups is 2 of 5 (40%)
    // against 2 of 6 overall: lift 1.2.
    expect(rest).toMatchObject([
      { productId: 'toner', anchorProductId: 'paper', anchorBuyers: 5, bothBuyers: 3, confidence: 0.6 },
      { productId: 'cups', anchorProductId: 'paper', anchorBuyers: 5, bothBuyers: 2, confidence: 0.4 },
    ]);
    expect(rest[0]?.lift).toBeCloseTo(1.2);
  });

  it('keeps the strongest rule of a product and ranks products by it', () => {
    const book = baskets({
      me: ['beans', 'water'],
      a: ['beans', 'cups', 'sugar'],
      b: ['beans', 'cups', 'sugar'],
      c: ['beans', 'sugar'],
      d: ['water', 'cups'],
      e: ['water'],
      f: ['water'],
      g: ['paper'],
    });
    const found = suggestCrossSell({ customerId: 'me', baskets: book, model });
    // sugar: beans → sugar 3 of 3; cups: beans → cups 2 of 3 beats water → cups 1 of 3.
    expect(found.map((s) => [s.productId, s.anchorProductId, s.bothBuyers, s.anchorBuyers])).toEqual([
      ['sugar', 'beans', 3, 3],
      ['cups', 'beans', 2, 3],
    ]);
  });

  it('never suggests what the customer already buys or what is not eligible, and its figures add up', () => {
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
          const others = [...all].filter(([id, b]) => id !== 'me' && b.size > 0).map(([, b]) => b);
          const found = suggestCrossSell({
            customerId: 'me',
            baskets: all,
            eligible: (id) => id !== inactive,
            model: { ...model, minBoth: 1, minLift: 0 },
          });
          expect(found.length).toBeLessThanOrEqual(model.limit);
          for (const s of found) {
            expect(own.has(s.productId)).toBe(false);
            expect(own.has(s.anchorProductId)).toBe(true);
            expect(s.productId).not.toBe(inactive);
            const anchorBuyers = others.filter((b) => b.has(s.anchorProductId));
            expect(s.anchorBuyers).toBe(anchorBuyers.length);
            expect(s.bothBuyers).toBe(anchorBuyers.filter((b) => b.has(s.productId)).length);
            expect(s.baseShare).toBeCloseTo(others.filter((b) => b.has(s.productId)).length / others.length);
            expect(s.lift).toBeCloseTo(s.confidence / s.baseShare);
          }
        },
      ),
    );
  });

  it('drops a rule whose buyers buy the product no more often than everyone (lift below 1.2)', () => {
    const everyone = baskets({
      me: ['coffee'],
      a: ['coffee', 'paper'],
      b: ['coffee', 'paper'],
      c: ['coffee', 'paper'],
      d: ['paper'],
      e: ['toner'],
    });
    // coffee → paper: 3 of 3 against 4 of 5 overall → lift 1.25, kept; at 6 of 7 overall → 1.17
    expect(suggestCrossSell({ customerId: 'me', baskets: everyone, model }).map((s) => s.productId)).toEqual([
      'paper',
    ]);
    everyone.set('f', new Set(['paper']));
    everyone.set('g', new Set(['paper']));
    expect(suggestCrossSell({ customerId: 'me', baskets: everyone, model })).toEqual([]);
  });

  it('smooths a rule on few customers toward the base share, so more evidence ranks first', () => {
    // beans → sugar: 3 of 3 (100%); paper → cups: 12 of 15 (80%); sugar and cups each bought by 20%.
    const entries: Record<string, string[]> = { me: ['beans', 'paper'] };
    for (let i = 0; i < 3; i++) entries[`b${i}`] = ['beans', 'sugar'];
    for (let i = 0; i < 15; i++) entries[`p${i}`] = i < 12 ? ['paper', 'cups'] : ['paper'];
    for (let i = 0; i < 42; i++) entries[`o${i}`] = i < 9 ? ['sugar'] : ['toner'];
    const book = baskets(entries);
    const plain = suggestCrossSell({ customerId: 'me', baskets: book, model });
    expect(plain.map((s) => s.productId)).toEqual(['sugar', 'cups']);
    const smoothed = suggestCrossSell({
      customerId: 'me',
      baskets: book,
      model: { ...model, smoothing: 10 },
    });
    expect(smoothed.map((s) => s.productId)).toEqual(['cups', 'sugar']);
    // (12 + 10 × 0.2) / (15 + 10) = 0.56 against (3 + 2) / 13 = 0.38; the reason keeps the plain figures.
    expect(smoothed[0]).toMatchObject({ bothBuyers: 12, anchorBuyers: 15, confidence: 0.8, baseShare: 0.2 });
    expect(smoothed[0]?.score).toBeCloseTo(0.56);
    expect(smoothed[1]?.score).toBeCloseTo(5 / 13);
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
