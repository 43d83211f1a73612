import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../../src/domains/kpis/kpi-period.ts';
import { todayIn } from '../../../src/domains/planning/working-days.ts';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

/*
 * The dashboard follows every write at once (docs/kpi.md, "Performance"): a new order, a
 * cancelled one and a customer handed to another team's rep change the figures of this month
 * on the next request, for each role that sees them.
 */

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
const month = monthOf(todayIn());
const P = `from=${month.from}&to=${month.to}`;

type Figures = Record<string, number | null>;
type OrderBody = { id: string; version: number; subtotals: Record<string, number> };

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});

async function figures(key: 'admin' | 'manager' | 'rep1', query: string): Promise<Figures> {
  const res = await as(key).get(`/api/kpis?${P}&compare=previous${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { figures: { current: Figures } }).figures.current;
}

/** What each role reads: rep1 their own, the manager team A (rep1, rep2), the admin rep1 and team B. */
async function snapshot() {
  return {
    rep1: await figures('rep1', ''),
    teamA: await figures('manager', ''),
    adminRep1: await figures('admin', `&scope=rep&scopeId=${tenant.users.rep1.id}`),
    adminTeamB: await figures('admin', `&scope=team&scopeId=${tenant.teams.b.id}`),
    company: await figures('admin', ''),
  };
}

const amountOf = (order: OrderBody) => Object.values(order.subtotals).reduce((a, b) => a + b, 0);

async function order(customerId: string, quantity: number): Promise<OrderBody> {
  const res = await as('rep1').send('POST', '/api/orders', {
    customerId,
    lines: [{ name: 'コピー用紙A4', quantity, unit: '箱', unitPrice: 2980, taxRate: 10 }],
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as OrderBody;
}

describe('KPIs after each write', () => {
  it('a new order, a cancelled order and a reassigned customer change the figures on the next request', async () => {
    // A customer of rep1 (team A) that has ordered nothing this month yet: a new one.
    const created = await as('rep1').send('POST', '/api/customers', {
      name: 'KPI追従商事',
      nameKana: 'ケーピーアイツイジュウショウジ',
      address: '大阪府大阪市北区梅田1-1-1',
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const customer = (await created.json()) as { id: string; version: number };
    const before = await snapshot();
    const won = (f: Figures) => [f.ordersWon, f.ordersWonAmountExclTax, f.activeCustomers];
    const plus = (f: Figures, orders: number, amount: number, customers: number) => [
      (f.ordersWon ?? 0) + orders,
      (f.ordersWonAmountExclTax ?? 0) + amount,
      (f.activeCustomers ?? 0) + customers,
    ];

    // Two orders: counts and amounts grow by exactly theirs; the customer is active once.
    const first = await order(customer.id, 3);
    const second = await order(customer.id, 10);
    const both = amountOf(first) + amountOf(second);
    expect(amountOf(first)).toBe(8940);
    const afterOrders = await snapshot();
    expect(won(afterOrders.rep1)).toEqual(plus(before.rep1, 2, both, 1));
    expect(won(afterOrders.teamA)).toEqual(plus(before.teamA, 2, both, 1));
    expect(won(afterOrders.adminRep1)).toEqual(plus(before.adminRep1, 2, both, 1));
    expect(won(afterOrders.company)).toEqual(plus(before.company, 2, both, 1));
    expect(won(afterOrders.adminTeamB)).toEqual(won(before.adminTeamB));

    // The first is cancelled: it counts nowhere any more.
    const cancelled = await as('rep1').send('POST', `/api/orders/${first.id}/status`, {
      version: first.version,
      status: 'cancelled',
      reason: '先方都合',
    });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    const afterCancel = await snapshot();
    expect(won(afterCancel.rep1)).toEqual(plus(before.rep1, 1, amountOf(second), 1));
    expect(won(afterCancel.company)).toEqual(plus(before.company, 1, amountOf(second), 1));
    expect(afterCancel.company.ordersWonAmountInclTax).toBe(
      (before.company.ordersWonAmountInclTax ?? 0) + amountOf(second) + Math.floor(amountOf(second) / 10),
    );

    // Handed to rep3 (team B): the order stays rep1's (the admin's rep1 figure keeps it, team B
    // does not get it), but team A no longer sees the customer's orders, nor does rep1.
    const moved = await as('admin').send('PATCH', `/api/customers/${customer.id}`, {
      version: customer.version,
      repId: tenant.users.rep3.id,
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const afterMove = await snapshot();
    expect(won(afterMove.adminRep1)).toEqual(won(afterCancel.adminRep1));
    expect(won(afterMove.company)).toEqual(won(afterCancel.company));
    expect(won(afterMove.adminTeamB)).toEqual(won(before.adminTeamB));
    expect(won(afterMove.teamA)).toEqual(won(before.teamA));
    expect(won(afterMove.rep1)).toEqual(won(before.rep1));
  });
});
