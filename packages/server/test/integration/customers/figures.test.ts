import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderLines, orders } from '../../../src/domains/orders/tables.ts';
import type { SignedTenantFixture, TestApp } from '../../support/test-app.ts';
import { createCustomerTestApp, signInAll } from './customer-app.ts';

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
let customerId: string;
const DAY = 86_400_000;
const now = Date.now();

/**
 * 60 orders, one every 20 days back from 5 days ago (the oldest ~3.3 years ago): 1 box of copy
 * paper (¥3,000 + 10 %) and 2 bags of coffee (¥1,000 each + 8 %) in each, plus tea in two of them;
 * the order 25 days ago is cancelled.
 */
const ages = Array.from({ length: 60 }, (_, i) => 5 + 20 * i);
const CANCELLED_AGE = 25;

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
  const res = await as('rep1').send('POST', '/api/customers', { name: '履歴の長い商店' });
  customerId = ((await res.json()) as { id: string }).id;
  for (const [i, age] of ages.entries()) {
    const orderId = randomUUID();
    const tea = i === 3 || i === 7;
    const reduced = 2000 + (tea ? 500 : 0);
    await t.database.admin.insert(orders).values({
      tenantId: tenant.tenantId,
      id: orderId,
      orderNo: `F-${String(i).padStart(3, '0')}`,
      customerId,
      repId: tenant.users.rep1.id,
      orderedAt: new Date(now - age * DAY),
      status: age === CANCELLED_AGE ? 'cancelled' : 'delivered',
      subtotalStandard: 3000,
      subtotalReduced: reduced,
      taxStandard: 300,
      taxReduced: Math.floor((reduced * 8) / 100),
      total: 3000 + reduced + 300 + Math.floor((reduced * 8) / 100),
    });
    const line = (
      lineNo: number,
      code: string,
      name: string,
      quantity: number,
      unitPrice: number,
      taxRate: number,
    ) => ({
      tenantId: tenant.tenantId,
      orderId,
      lineNo,
      productCode: code,
      productName: name,
      unit: code === 'P-PAPER' ? '箱' : '袋',
      quantity,
      unitPrice: String(unitPrice),
      taxRate,
      amount: quantity * unitPrice,
    });
    await t.database.admin
      .insert(orderLines)
      .values([
        line(1, 'P-PAPER', 'コピー用紙A4', 1, 3000, 10),
        line(2, 'P-COFFEE', 'コーヒー豆', 2, 1000, 8),
        ...(tea ? [line(3, 'P-TEA', '緑茶', 1, 500, 8)] : []),
      ]);
  }
});
afterAll(() => t?.close());

type Page = { items: { orderNo: string; orderedAt: string }[]; nextCursor: string | null };

describe('purchase history pages', () => {
  it('reads every order, newest first, a page at a time (no longer stops at 50)', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await as('rep1').get(
        `/api/customers/${customerId}/orders?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      seen.push(...page.items.map((o) => o.orderNo));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(ages.map((_, i) => `F-${String(i).padStart(3, '0')}`));
    const bad = await as('rep1').get(`/api/customers/${customerId}/orders?cursor=nonsense`, 'en');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: object } }).error.fields).toHaveProperty('cursor');
  });
});

describe('the カルテ figures', () => {
  it('gives each period its dates and both tax bases, without cancelled orders', async () => {
    const res = await as('rep1').get(`/api/customers/${customerId}/figures`);
    expect(res.status).toBe(200);
    const figures = (await res.json()) as {
      fiscalYearStartMonth: number;
      periods: {
        period: string;
        from: string | null;
        fromDate: string | null;
        toDate: string;
        orderCount: number;
        revenueExclTax: number;
        revenueInclTax: number;
        averageOrderExclTax: number;
      }[];
    };
    expect(figures.fiscalYearStartMonth).toBe(4);
    // Tokyo civil dates, computed here independently of the server.
    const tokyo = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
    const today = tokyo(now);
    const [y, m] = today.split('-').map(Number) as [number, number];
    const fyStart = `${m >= 4 ? y : y - 1}-04-01`;
    const yearAgo = `${y - 1}${today.slice(4)}`;
    const counted = (from: string | null) =>
      ages.filter((a) => a !== CANCELLED_AGE && (from === null || tokyo(now - a * DAY) >= from));
    const expected = (from: string | null) => {
      const kept = counted(from);
      const reduced = (a: number) => 2000 + (ages.indexOf(a) === 3 || ages.indexOf(a) === 7 ? 500 : 0);
      const excl = kept.reduce((s, a) => s + 3000 + reduced(a), 0);
      const incl = kept.reduce((s, a) => s + 3000 + reduced(a) + 300 + Math.floor((reduced(a) * 8) / 100), 0);
      return { orderCount: kept.length, revenueExclTax: excl, revenueInclTax: incl };
    };
    const by = (p: string) => figures.periods.find((f) => f.period === p);
    expect(by('12m')).toMatchObject({ fromDate: yearAgo, toDate: today, ...expected(yearAgo) });
    expect(by('fy')).toMatchObject({ fromDate: fyStart, toDate: today, ...expected(fyStart) });
    expect(by('all')).toMatchObject({ from: null, toDate: today, ...expected(null) });
    expect(by('all')?.fromDate).toBe(tokyo(now - ages[ages.length - 1]! * DAY));
    expect(by('all')?.orderCount).toBe(59);
    expect(by('all')?.averageOrderExclTax).toBe(Math.round(expected(null).revenueExclTax / 59));
    expect(by('12m')!.revenueInclTax).toBeGreaterThan(by('12m')!.revenueExclTax);
  });

  it('follows the tenant’s fiscal year start', async () => {
    const changed = await as('admin').send('PATCH', '/api/customers/settings', { fiscalYearStartMonth: 1 });
    expect(changed.status).toBe(200);
    const figures = (await (await as('rep1').get(`/api/customers/${customerId}/figures`)).json()) as {
      periods: { period: string; fromDate: string }[];
    };
    const year = new Date(now + 9 * 3_600_000).toISOString().slice(0, 4);
    expect(figures.periods.find((p) => p.period === 'fy')?.fromDate).toBe(`${year}-01-01`);
    await as('admin').send('PATCH', '/api/customers/settings', { fiscalYearStartMonth: 4 });
  });

  it('says what the customer usually buys: products of two orders or more, usual quantity and interval', async () => {
    const figures = (await (await as('rep1').get(`/api/customers/${customerId}/figures`)).json()) as {
      usuallyBuys: {
        productCode: string;
        orders: number;
        usualQuantity: number;
        intervalDays: number | null;
        unit: string;
      }[];
      usualFromOrders: number;
    };
    expect(figures.usualFromOrders).toBe(59);
    expect(figures.usuallyBuys.map((p) => p.productCode)).toEqual(['P-PAPER', 'P-COFFEE', 'P-TEA']);
    expect(figures.usuallyBuys[0]).toMatchObject({
      orders: 59,
      usualQuantity: 1,
      intervalDays: 20,
      unit: '箱',
    });
    expect(figures.usuallyBuys[1]).toMatchObject({ orders: 59, usualQuantity: 2, intervalDays: 20 });
    expect(figures.usuallyBuys[2]).toMatchObject({ orders: 2, usualQuantity: 1, intervalDays: 80 });
  });
});
