import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { CustomerFigures } from '../api/customer-types.ts';
import { buildCustomer } from '../testing/customer-factories.ts';
import { CustomerStats } from './CustomerStats.tsx';

afterEach(() => vi.unstubAllGlobals());

const period = (
  p: '12m' | 'fy' | 'all',
  fromDate: string | null,
  count: number,
  excl: number,
  incl: number,
) => ({
  period: p,
  from: null,
  fromDate,
  toDate: '2026-12-01',
  orderCount: count,
  revenueExclTax: excl,
  revenueInclTax: incl,
  averageOrderExclTax: Math.round(excl / count),
});
const figures: CustomerFigures = {
  fiscalYearStartMonth: 4,
  periods: [
    period('12m', '2025-12-01', 50, 3_070_260, 3_377_000),
    period('fy', '2026-04-01', 30, 1_800_000, 1_980_000),
    period('all', '2023-05-10', 180, 9_000_000, 9_900_000),
  ],
  usuallyBuys: [
    {
      productCode: 'P-1',
      productName: 'コピー用紙A4',
      unit: '箱',
      orders: 42,
      usualQuantity: 3,
      intervalDays: 14,
      lastOrderedAt: '2026-11-24T01:00:00Z',
    },
  ],
  usualFromOrders: 100,
};

describe('CustomerStats', () => {
  it('labels every card with its basis and period, and switches the period', async () => {
    mockFetch({ '/api/customers/c1/figures': { body: figures } });
    renderWithApp(<CustomerStats customer={buildCustomer()} />);
    const revenue = (await screen.findByText('売上（税抜）', {}, { timeout: 5000 })).closest(
      'div',
    ) as HTMLElement;
    expect(within(revenue).getByText('¥3,070,260')).toBeTruthy();
    expect(within(revenue).getByText('税込 ¥3,377,000')).toBeTruthy();
    expect(screen.getByText('2025/12/01〜2026/12/01・取消を除く')).toBeTruthy();
    expect(screen.getByText('50件')).toBeTruthy();
    expect(screen.getByText('期間によらず')).toBeTruthy();

    fireEvent.click(screen.getByText('今年度（4月〜）'));
    expect(await screen.findByText('¥1,800,000')).toBeTruthy();
    expect(screen.getByText('30件')).toBeTruthy();
    expect(screen.getByText('2026/04/01〜2026/12/01・取消を除く')).toBeTruthy();
    fireEvent.click(screen.getByText('全期間'));
    expect(await screen.findByText('180件')).toBeTruthy();
  });

  it('says what the customer usually buys, how much and how often', async () => {
    mockFetch({ '/api/customers/c1/figures': { body: figures } });
    renderWithApp(<CustomerStats customer={buildCustomer()} />);
    const usual = await screen.findByTestId('usually-buys', {}, { timeout: 5000 });
    expect(within(usual).getByText('いつもの注文')).toBeTruthy();
    // Phone layout (jsdom has no desk-wide media): one line per product under its name.
    expect(within(usual).getByText('3箱・約14日ごと・最終 2026/11/24')).toBeTruthy();
    expect(within(usual).getByText('直近100件の受注から')).toBeTruthy();
  });
});
