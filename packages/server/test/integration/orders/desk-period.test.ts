import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../src/domains/planning/working-days.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
const today = todayIn();

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});

type Desk = {
  counts: { quotesToSend: number; ordersToArrange: number };
  ordersToArrange: { id: string }[];
  quotesToSend: { id: string }[];
};
const desk = async (query: string) => (await (await as('rep1').get(`/api/desk?${query}`)).json()) as Desk;
const listed = async (path: string) =>
  ((await (await as('rep1').get(path)).json()) as { items: { id: string }[] }).items.map((i) => i.id);

describe('the desk with a period', () => {
  it('counts only the quotes and orders of the period, the same ones its lists show', async () => {
    const customer = tenant.customersOf('rep1')[0]!;
    const order = (await (
      await as('rep1').send('POST', '/api/orders', {
        customerId: customer.id,
        subject: '定期補充',
        lines: [{ name: 'コピー用紙A4', quantity: 2, unit: '箱', unitPrice: 2980, taxRate: 10 }],
      })
    ).json()) as { id: string };
    const quote = (await (
      await as('rep1').send('POST', '/api/quotes', {
        customerId: customer.id,
        subject: 'コーヒーの定期購入',
        lines: [{ name: 'コーヒー豆', quantity: 1, unit: '袋', unitPrice: 3600, taxRate: 8 }],
      })
    ).json()) as { id: string };

    const lastMonth = `from=${addDays(today, -40)}&to=${addDays(today, -10)}`;
    const thisWeek = `from=${addDays(today, -1)}&to=${today}`;
    const before = await desk(lastMonth);
    const now = await desk(thisWeek);
    const all = await desk('');
    expect(before.ordersToArrange.map((o) => o.id)).not.toContain(order.id);
    expect(before.quotesToSend.map((q) => q.id)).not.toContain(quote.id);
    expect(now.ordersToArrange.map((o) => o.id)).toContain(order.id);
    expect(now.quotesToSend.map((q) => q.id)).toContain(quote.id);
    for (const [query, figures] of [
      [lastMonth, before],
      [thisWeek, now],
    ] as const) {
      expect(figures.counts.ordersToArrange).toBe(
        (await listed(`/api/orders?status=ordered&limit=100&${query}`)).length,
      );
      expect(figures.counts.quotesToSend).toBe(
        (await listed(`/api/quotes?status=draft&limit=100&${query}`)).length,
      );
    }
    // Without a period the desk counts everything: at least the period's and the earlier ones.
    expect(all.counts.ordersToArrange).toBeGreaterThanOrEqual(
      now.counts.ordersToArrange + before.counts.ordersToArrange,
    );
    expect(now.counts.quotesToSend).toBeGreaterThanOrEqual(1);
    expect(before.counts.quotesToSend).toBe(0);
  });
});
