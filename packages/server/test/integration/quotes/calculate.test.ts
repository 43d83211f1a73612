import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});

// コピー用紙 3,280円×5 (10%), ドリップコーヒー 1,296円×3 (8%), ▲500 (10%): 8% tax 311.04.
const lines = [
  { unitPrice: 3280, quantity: 5, taxRate: 10 },
  { unitPrice: 1296, quantity: 3, taxRate: 8 },
  { kind: 'discount', unitPrice: 500, quantity: 1, taxRate: 10 },
];

describe('POST /api/quotes/calculate', () => {
  it("answers per-rate subtotals and taxes with the tenant's rounding (切捨て by default)", async () => {
    const res = await as('rep1').send('POST', '/api/quotes/calculate', { lines });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      subtotals: { '10': 15_900, '8': 3_888 },
      taxes: { '10': 1_590, '8': 311 },
      total: 21_689,
      rounding: 'floor',
    });
  });

  it('takes a rounding mode and a 1.5円/枚 counter charge', async () => {
    const res = await as('manager').send('POST', '/api/quotes/calculate', {
      rounding: 'ceil',
      lines: [...lines, { unitPrice: 1.5, quantity: 3_333, taxRate: 10 }],
    });
    expect(res.status).toBe(200);
    // 10%: 15,900 + ceil(4,999.5) = 20,900 → tax 2,090; 8%: 3,888 → ceil(311.04) = 312.
    expect(await res.json()).toMatchObject({
      lines: [{ amount: 16_400 }, { amount: 3_888 }, { amount: 500 }, { amount: 5_000 }],
      subtotals: { '10': 20_900, '8': 3_888 },
      taxes: { '10': 2_090, '8': 312 },
      total: 27_190,
    });
  });

  it('refuses a negative quantity and a third decimal, naming the field in ja and en', async () => {
    const ja = await as('rep1').send(
      'POST',
      '/api/quotes/calculate',
      { lines: [{ unitPrice: 100, quantity: -1, taxRate: 10 }] },
      'ja',
    );
    expect(ja.status).toBe(422);
    const jaBody = (await ja.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(jaBody.error.fields)).toEqual(['lines.0.quantity']);
    const en = await as('rep1').send(
      'POST',
      '/api/quotes/calculate',
      { lines: [{ unitPrice: 1.234, quantity: 1, taxRate: 10 }] },
      'en',
    );
    expect(en.status).toBe(422);
    expect(((await en.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      'lines.0.unitPrice': 'A unit price has at most 2 decimals.',
    });
  });
});
