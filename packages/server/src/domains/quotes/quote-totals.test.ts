import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateTotals,
  fromSen,
  lineAmount,
  maxLines,
  maxQuantity,
  maxUnitPriceYen,
  type RoundingMode,
  roundingModes,
  type TaxRate,
  type TotalsLineInput,
  toSen,
} from './quote-totals.ts';

/** Reference rounding on BigInt, by magnitude: what the module must match without BigInt. */
function roundBig(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const remainder = magnitude % denominator;
  let rounded = quotient;
  if (remainder !== 0n && (mode === 'ceil' || (mode === 'half_up' && remainder * 2n >= denominator))) {
    rounded = quotient + 1n;
  }
  return negative ? -rounded : rounded;
}

const senArb = fc.integer({ min: 0, max: maxUnitPriceYen * 100 });
const lineArb: fc.Arbitrary<TotalsLineInput> = fc.record({
  kind: fc.constantFrom('item' as const, 'item' as const, 'discount' as const),
  // Either a JSON number (1.5) or the text numeric(14,2) reads back ('1.50').
  unitPrice: fc.oneof(
    senArb.map((sen) => Number(fromSen(sen))),
    senArb.map((sen) => (sen / 100).toFixed(2)),
  ),
  quantity: fc.integer({ min: 1, max: maxQuantity }),
  taxRate: fc.constantFrom<TaxRate>(10, 8),
});
const linesArb = fc.array(lineArb, { minLength: 0, maxLength: 40 });
const modeArb = fc.constantFrom(...roundingModes);

describe('calculateTotals: hand-computed mixed 8%/10% documents', () => {
  // コピー用紙 3,280円×5 (10%) = 16,400; ドリップコーヒー 1,296円×3 (8%) = 3,888; ▲値引 500 (10%).
  // 10%: 16,400 − 500 = 15,900 → tax 1,590 exactly. 8%: 3,888 → tax 311.04.
  const office = [
    { unitPrice: 3280, quantity: 5, taxRate: 10 as const },
    { unitPrice: 1296, quantity: 3, taxRate: 8 as const },
    { kind: 'discount' as const, unitPrice: 500, quantity: 1, taxRate: 10 as const },
  ];
  it.each([
    ['floor', 311, 21_689],
    ['ceil', 312, 21_690],
    ['half_up', 311, 21_689],
  ] as const)('コピー用紙・ドリップコーヒー・▲500 in %s: 8%% tax %i, total %i', (rounding, tax8, total) => {
    expect(calculateTotals({ lines: office, rounding })).toEqual({
      lines: [{ amount: 16_400 }, { amount: 3_888 }, { amount: 500 }],
      subtotals: { '10': 15_900, '8': 3_888 },
      taxes: { '10': 1_590, '8': tax8 },
      total,
    });
  });

  // 緑茶 108円×1 and 緑茶ティーバッグ 108円×1 (8%): per line 8.64 + 8.64 would floor to 16;
  // once per document 216 × 8% = 17.28. ボールペン 165円×3 (10%) = 495 → 49.5.
  const tea = [
    { unitPrice: 108, quantity: 1, taxRate: 8 as const },
    { unitPrice: 108, quantity: 1, taxRate: 8 as const },
    { unitPrice: 165, quantity: 3, taxRate: 10 as const },
  ];
  it.each([
    ['floor', 49, 17, 777],
    ['ceil', 50, 18, 779],
    ['half_up', 50, 17, 778],
  ] as const)('tax is rounded once per rate, not per line (%s)', (rounding, tax10, tax8, total) => {
    const totals = calculateTotals({ lines: tea, rounding });
    expect(totals.subtotals).toEqual({ '10': 495, '8': 216 });
    expect(totals.taxes).toEqual({ '10': tax10, '8': tax8 });
    expect(totals.total).toBe(total);
  });

  // コピーカウンター 1.5円/枚 × 3,333枚 = 4,999.5; トナー回収 0.35円 × 7 = 2.45 (both 10%).
  it.each([
    ['floor', [4_999, 2], 5_001, 500, 5_501],
    ['ceil', [5_000, 3], 5_003, 501, 5_504],
    ['half_up', [5_000, 2], 5_002, 500, 5_502],
  ] as const)(
    'decimal unit prices round per line by the rule (%s)',
    (rounding, amounts, subtotal, tax, total) => {
      const totals = calculateTotals({
        rounding,
        lines: [
          { unitPrice: 1.5, quantity: 3_333, taxRate: 10 },
          { unitPrice: '0.35', quantity: 7, taxRate: 10 },
        ],
      });
      expect(totals.lines.map((line) => line.amount)).toEqual(amounts);
      expect(totals).toMatchObject({ subtotals: { '10': subtotal }, taxes: { '10': tax }, total });
    },
  );

  it('defaults to 切捨て and names only the rates present', () => {
    expect(calculateTotals({ lines: [{ unitPrice: 1296, quantity: 3, taxRate: 8 }] })).toEqual({
      lines: [{ amount: 3_888 }],
      subtotals: { '8': 3_888 },
      taxes: { '8': 311 },
      total: 4_199,
    });
    expect(calculateTotals({ lines: [] })).toEqual({ lines: [], subtotals: {}, taxes: {}, total: 0 });
  });
});

describe('calculateTotals: properties', () => {
  it('total is the sum of the per-rate subtotals and taxes, and every figure is a safe integer', () => {
    fc.assert(
      fc.property(linesArb, modeArb, (lines, rounding) => {
        const totals = calculateTotals({ lines, rounding });
        const parts = [...Object.values(totals.subtotals), ...Object.values(totals.taxes)];
        expect(totals.total).toBe(parts.reduce((sum, part) => sum + part, 0));
        for (const figure of [...parts, totals.total, ...totals.lines.map((line) => line.amount)]) {
          expect(Number.isSafeInteger(figure)).toBe(true);
        }
      }),
    );
  });

  it('each rate’s subtotal is its items minus its discounts, and its tax is that subtotal × rate rounded once', () => {
    fc.assert(
      fc.property(linesArb, modeArb, (lines, rounding) => {
        const totals = calculateTotals({ lines, rounding });
        for (const rate of [10, 8] as const) {
          const ofRate = lines
            .map((line, index) => ({ line, index }))
            .filter(({ line }) => line.taxRate === rate);
          if (ofRate.length === 0) {
            expect(totals.subtotals[`${rate}`]).toBeUndefined();
            continue;
          }
          const subtotal = ofRate.reduce(
            (sum, { line, index }) =>
              sum + (line.kind === 'discount' ? -1 : 1) * (totals.lines[index]?.amount ?? NaN),
            0,
          );
          expect(totals.subtotals[`${rate}`]).toBe(subtotal);
          const expectedTax = roundBig(BigInt(subtotal) * BigInt(rate), 100n, rounding);
          expect(BigInt(totals.taxes[`${rate}`] ?? NaN)).toBe(expectedTax);
        }
      }),
    );
  });

  it('splitting or reordering lines that keep each rate’s subtotal keeps the taxes (no per-line tax)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom<TaxRate>(10, 8),
        modeArb,
        (first, second, taxRate, rounding) => {
          const split = calculateTotals({
            rounding,
            lines: [
              { unitPrice: first, quantity: 1, taxRate },
              { unitPrice: second, quantity: 1, taxRate },
            ],
          });
          const whole = calculateTotals({
            rounding,
            lines: [{ unitPrice: first + second, quantity: 1, taxRate }],
          });
          expect(split.taxes).toEqual(whole.taxes);
          expect(split.total).toBe(whole.total);
        },
      ),
    );
  });

  it('a line amount is unit price × quantity rounded to whole yen by the rule', () => {
    fc.assert(
      fc.property(senArb, fc.integer({ min: 1, max: maxQuantity }), modeArb, (sen, quantity, rounding) => {
        const amount = lineAmount(fromSen(sen), quantity, rounding);
        const exactSen = BigInt(sen) * BigInt(quantity);
        expect(BigInt(amount)).toBe(roundBig(exactSen, 100n, rounding));
        const error = BigInt(amount) * 100n - exactSen;
        if (rounding === 'floor') expect(error <= 0n && error > -100n).toBe(true);
        if (rounding === 'ceil') expect(error >= 0n && error < 100n).toBe(true);
        if (rounding === 'half_up') expect(error > -50n && error <= 50n).toBe(true);
      }),
    );
  });

  it('stays exact at the bounds: 200 lines of 10,000,000円 × 1,000,000', () => {
    const lines = Array.from({ length: maxLines }, () => ({
      unitPrice: '9999999.99',
      quantity: maxQuantity,
      taxRate: 10 as const,
    }));
    for (const rounding of roundingModes) {
      const totals = calculateTotals({ lines, rounding });
      const exactLine = roundBig(999_999_999n * BigInt(maxQuantity), 100n, rounding);
      const subtotal = exactLine * BigInt(maxLines);
      expect(BigInt(totals.subtotals['10'] ?? NaN)).toBe(subtotal);
      expect(BigInt(totals.taxes['10'] ?? NaN)).toBe(roundBig(subtotal * 10n, 100n, rounding));
      expect(Number.isSafeInteger(totals.total)).toBe(true);
    }
  });
});

describe('toSen / fromSen', () => {
  it('parses decimal yen without float arithmetic and round-trips', () => {
    expect(toSen(1.5)).toBe(150);
    expect(toSen('1.50')).toBe(150);
    expect(toSen(1.15)).toBe(115);
    expect(toSen('12800')).toBe(1_280_000);
    expect(fromSen(150)).toBe('1.5');
    expect(fromSen(1_280_000)).toBe('12800');
    expect(fromSen(5)).toBe('0.05');
    fc.assert(
      fc.property(senArb, (sen) => toSen(fromSen(sen)) === sen && toSen(Number(fromSen(sen))) === sen),
    );
  });

  it.each([[0.001], ['1.234'], [-1], ['-1'], [Number.NaN], [maxUnitPriceYen + 0.01], ['1e3'], ['']])(
    'refuses %s',
    (value) => {
      expect(() => toSen(value)).toThrow(RangeError);
    },
  );

  it('refuses a quantity that is not an integer 1..1,000,000', () => {
    for (const quantity of [0, -1, 1.5, maxQuantity + 1]) {
      expect(() => calculateTotals({ lines: [{ unitPrice: 100, quantity, taxRate: 10 }] })).toThrow(
        RangeError,
      );
    }
  });
});
