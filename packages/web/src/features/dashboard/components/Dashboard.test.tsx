import type { KpiByRep, KpiFigures, KpiReport, KpiScopeChoices, KpiTrend } from '@kayoi/server/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { Dashboard } from './Dashboard.tsx';

// ECharts draws on a canvas, which jsdom has not: the chart is stood in for by its data.
vi.mock('./TrendChart.tsx', () => ({
  TrendChart: ({ labels, values }: { labels: string[]; values: (number | null)[] }) => (
    <div data-testid="kpi-trend-chart">{labels.map((l, i) => `${l}:${values[i]}`).join(' ')}</div>
  ),
}));

const figures = (patch: Partial<KpiFigures> = {}): KpiFigures => ({
  ordersWon: 120,
  ordersWonAmountExclTax: 3_600_000,
  ordersWonAmountInclTax: 3_960_000,
  formsCollected: 14,
  activeCustomers: 90,
  revenuePerCustomerExclTax: 40_000,
  revenuePerCustomerInclTax: 44_000,
  retentionRate: 0.8125,
  retentionBase: 96,
  retained: 78,
  repeatRate: 0.6,
  repeatBase: 80,
  repeated: 48,
  satisfactionMean: 4.12,
  satisfactionAnswers: 210,
  visitsDone: 240,
  visitsPlanned: 250,
  visitCompletionRate: 0.96,
  travelSecondsPerVisit: 780,
  overdueCustomers: 7,
  ...patch,
});

const report: KpiReport = {
  scope: { scope: 'team', scopeId: 'team1', label: '第1営業課' },
  periods: {
    current: { from: '2026-11-01', to: '2026-12-01' },
    previous: { from: '2026-10-02', to: '2026-11-01' },
    lastYear: { from: '2025-11-01', to: '2025-12-01' },
  },
  figures: {
    current: figures(),
    previous: figures({ ordersWon: 100, retentionRate: 0.8 }),
    lastYear: figures({ ordersWon: 150, satisfactionMean: null }),
  },
};
const trend: KpiTrend = {
  scope: report.scope,
  grain: 'month',
  buckets: [
    {
      from: '2026-10-01',
      to: '2026-11-01',
      ordersWon: 100,
      ordersWonAmountExclTax: 3_000_000,
      formsCollected: 10,
      activeCustomers: 80,
      revenuePerCustomerExclTax: 37_500,
      satisfactionMean: 4,
      satisfactionAnswers: 200,
      visitsDone: 230,
    },
    {
      from: '2026-11-01',
      to: '2026-12-01',
      ordersWon: 120,
      ordersWonAmountExclTax: 3_600_000,
      formsCollected: 14,
      activeCustomers: 90,
      revenuePerCustomerExclTax: 40_000,
      satisfactionMean: 4.12,
      satisfactionAnswers: 210,
      visitsDone: 240,
    },
  ],
};
const byRep: KpiByRep = {
  scope: report.scope,
  period: report.periods.current,
  rows: [
    { repId: 'r1', repName: '田中 翔太', teamId: 'team1', figures: figures({ ordersWon: 70 }), places: null },
    { repId: 'r2', repName: '山本 結衣', teamId: 'team1', figures: figures({ ordersWon: 50 }), places: null },
  ],
  total: figures(),
};
const scopes: KpiScopeChoices = {
  defaultScope: 'team',
  scopes: ['team', 'rep', 'area', 'rank'],
  teams: [{ id: 'team1', name: '第1営業課' }],
  reps: [
    { id: 'r1', name: '田中 翔太', teamId: 'team1' },
    { id: 'r2', name: '山本 結衣', teamId: 'team1' },
  ],
  areas: [],
  ranks: ['A', 'B', 'C'],
};

describe('Dashboard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the six KPIs with their changes, the table by rep, and opens a rep’s orders from the table', async () => {
    const mock = mockFetch({
      '/api/kpis/scopes': { body: scopes },
      '/api/kpis/trend': { body: trend },
      '/api/kpis/by-rep': { body: byRep },
      '/api/kpis/ordersWon/records': {
        body: {
          kpi: 'ordersWon',
          items: [
            {
              type: 'order',
              id: 'o1',
              customerId: 'c1',
              customerCode: 'C00012',
              customerName: '喫茶こもれび',
              repId: 'r1',
              repName: '田中 翔太',
              date: '2026-11-20',
              orderNo: 'O-0012',
              orders: null,
              amountExclTax: 12000,
              amountInclTax: 13200,
              forms: null,
              satisfaction: null,
              kept: null,
              dueDate: null,
            },
          ],
          nextCursor: null,
        },
      },
      '/api/kpis': { body: report },
    });
    renderWithApp(<Dashboard />, { path: '/dashboard?period=lastMonth' });
    const orders = await screen.findByTestId('kpi-card-ordersWon', {}, { timeout: 5000 });
    expect(within(orders).getByTestId('kpi-value').textContent).toBe('120');
    // 120 against 100 and 150.
    expect(
      within(orders)
        .getAllByTestId('kpi-change')
        .map((e) => e.textContent),
    ).toEqual(['前期比 +20.0%', '前年同期比 −20.0%']);
    const retention = screen.getByTestId('kpi-card-retentionRate');
    expect(within(retention).getByTestId('kpi-value').textContent).toBe('81.3%');
    expect(within(retention).getAllByTestId('kpi-change')[0]!.textContent).toBe('前期比 +1.3pt');
    // Last year's satisfaction is null: no change is claimed.
    expect(
      within(screen.getByTestId('kpi-card-satisfactionMean')).getAllByTestId('kpi-change')[1]!.textContent,
    ).toBe('前年同期比 —');
    for (const key of ['formsCollected', 'revenuePerCustomerExclTax', 'activeCustomers'])
      expect(screen.getByTestId(`kpi-card-${key}`)).toBeTruthy();
    expect((await screen.findByTestId('kpi-trend-chart')).textContent).toBe('10月:100 11月:120');
    const rows = await screen.findAllByTestId('kpi-rep-row');
    expect(rows.map((r) => r.textContent?.slice(0, 5))).toEqual(['田中 翔太', '山本 結衣']);
    // The CSV link carries the same period as the cards.
    expect(screen.getByTestId('kpi-csv').getAttribute('href')).toMatch(
      /^\/api\/kpis\/export\.csv\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-01$/,
    );

    fireEvent.click(within(rows[0]!).getByRole('button', { name: '70' }));
    const record = await screen.findByTestId('kpi-record', {}, { timeout: 5000 });
    expect(record.textContent).toContain('喫茶こもれび');
    expect(within(record).getByRole('link', { name: '喫茶こもれび' }).getAttribute('href')).toBe(
      '/customers/c1',
    );
    const call = mock.mock.calls
      .map(([url]) => String(url))
      .find((url) => url.startsWith('/api/kpis/ordersWon/records'));
    expect(call).toMatch(/scope=rep&scopeId=r1/);
  });

  it('a rep sees their place in the team, and no table of other reps', async () => {
    mockFetch({
      '/api/kpis/trend': { body: trend },
      '/api/kpis/by-rep': {
        body: {
          ...byRep,
          rows: [
            {
              ...byRep.rows[0]!,
              places: { ordersWon: { place: 1, of: 4 }, formsCollected: { place: 3, of: 4 } },
            },
          ],
        },
      },
      '/api/kpis': { body: { ...report, scope: { scope: 'rep', scopeId: 'u1', label: '田中 翔太' } } },
    });
    const { queryClient } = renderWithApp(<Dashboard />, { path: '/dashboard' });
    queryClient.setQueryData(['me'], {
      user: { id: 'u1', name: '田中 翔太', email: 'rep@example.jp', role: 'rep' },
      tenant: { id: 't1', name: 'デモ商事' },
      team: { id: 'team1', name: '第1営業課' },
    });
    const places = await screen.findByTestId('kpi-team-places', {}, { timeout: 5000 });
    await waitFor(() => expect(places.textContent).toContain('1位 / 4人'));
    expect(places.textContent).toContain('3位 / 4人');
    expect(screen.queryByTestId('kpi-rep-table')).toBeNull();
    expect(screen.queryByTestId('kpi-scope')).toBeNull();
  });
});
