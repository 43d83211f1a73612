import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { BriefingView } from './BriefingView.tsx';

const customerId = 'c-16';
const source = (kind: string, id: string, field?: string) => ({ kind, id, ...(field ? { field } : {}) });

/** A briefing as GET /api/customers/{id}/briefing answers it (the demo's 松田歯科医院, trimmed). */
const briefing = {
  customer: {
    id: customerId,
    code: 'C00016',
    name: '松田歯科医院',
    rank: 'B',
    address: '大阪府大阪市阿倍野区阿倍野筋3丁目16-16',
    phone: '06-6463-6450',
    repId: 'rep-4',
    repName: '松本 由美',
    lastVisitAt: '2026-11-18T03:32:00.000Z',
  },
  today: '2026-12-02',
  generatedAt: '2026-12-02T03:42:08.684Z',
  cautions: [
    { text: '入館証が必要', source: source('customer', customerId, 'cautions') },
    { text: '1階の警備室で名前を書く。', source: source('customer', customerId, 'cautions') },
  ],
  preferences: [{ text: '決裁は社長のみ', source: source('customer', customerId, 'preferences') }],
  lastVisits: {
    available: true,
    items: [
      {
        date: '2026-11-18',
        repName: '松本 由美',
        summary: '月末分のご注文を受付。',
        source: source('visit', 'v-1'),
      },
    ],
  },
  openComplaints: [
    {
      title: '請求書の宛名が違う',
      kind: 'complaint',
      category: 'billing',
      severity: 'high',
      status: 'open',
      receivedDate: '2026-11-20',
      ageDays: 12,
      dueDate: '2026-11-25',
      overdue: true,
      source: source('complaint', 'k-1'),
    },
  ],
  awaitingConfirmation: [],
  promises: {
    available: true,
    ours: [
      {
        title: '見積書を送る',
        owner: 'ours',
        dueDate: '2026-11-28',
        overdue: true,
        source: source('followup', 'f-1'),
      },
    ],
    theirs: [],
  },
  recentOrders: {
    items: [
      {
        orderNo: '2611-0000429',
        orderedDate: '2026-11-18',
        subtotal: 25200,
        items: '油性マーカー 黒 10本 ×1',
        source: source('order', 'o-1'),
      },
    ],
    trend: {
      taxBasis: 'excluded',
      recentFrom: '2026-09-03',
      recentTo: '2026-12-02',
      previousFrom: '2026-06-03',
      previousTo: '2026-09-02',
      recentAmount: 216860,
      previousAmount: 348620,
      changePercent: -38,
      direction: 'down',
    },
  },
  reorderDue: [
    {
      productId: 'p-th58',
      productCode: 'PA-TH58-20',
      productName: '感熱ロール紙 58mm 20巻',
      lastOrderedDate: '2026-10-05',
      medianIntervalDays: 18,
      expectedDate: '2026-10-23',
      daysUntil: -40,
      daysSinceLast: 58,
      usualQuantity: 2,
      unit: '箱',
      source: source('order', 'o-2'),
    },
  ],
  crossSell: [
    {
      productId: 'p-ik4c',
      productCode: 'IK-4C-PK',
      productName: 'インクカートリッジ 4色パック',
      unit: '個',
      reason: {
        code: 'similar_customers_buy',
        params: {
          anchorProductId: 'p-tnbk',
          anchorProductName: 'トナーカートリッジ ブラック',
          anchorBuyers: 29,
          bothBuyers: 11,
          confidencePercent: 38,
          basePercent: 24,
          lift: 1.6,
        },
      },
      message: {
        ja: 'トナーカートリッジ ブラックの購入客29社のうち11社（38%）が併せて購入（全体では24%、リフト1.6）',
        en: '11 of the 29 customers who buy トナーカートリッジ ブラック (38%) buy it too (24% of all customers, lift 1.6)',
      },
    },
  ],
  openQuotes: { available: true, items: [] },
  forms: {
    available: true,
    items: [
      { title: '口座振替依頼書 ×3', status: 'collected', date: '2026-09-07', source: source('form', 'fm-1') },
    ],
  },
  talkingPoints: [
    {
      reason: 'reorder_due',
      message: {
        ja: '感熱ロール紙 58mm 20巻の補充時期（前回2026-10-05、通常18日ごと・2箱）',
        en: '感熱ロール紙 58mm 20巻 is due for reorder',
      },
      source: source('order', 'o-2'),
    },
  ],
};

describe('BriefingView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('puts the cautions first, then talking points with their reason, each line linking to its record', async () => {
    mockFetch({ [`/api/customers/${customerId}/briefing`]: { body: briefing } });
    renderWithApp(<BriefingView customerId={customerId} />);
    const cautions = await screen.findByTestId('briefing-cautions', {}, { timeout: 5000 });
    expect(cautions.textContent).toContain('入館証が必要');
    // Cautions come before everything else the rep reads.
    const view = screen.getByTestId('briefing');
    const text = view.textContent ?? '';
    expect(text.indexOf('入館証が必要')).toBeLessThan(text.indexOf('感熱ロール紙 58mm 20巻の補充時期'));
    expect(text).toContain('いつもの購入間隔を過ぎています');
    // Nothing invented: the talking point links to the order it came from.
    const point = screen.getByRole('link', { name: /感熱ロール紙 58mm 20巻の補充時期/ });
    expect(point.getAttribute('href')).toBe(`/customers/${customerId}#order-o-2`);
  });

  it('shows the overdue promise and the open complaint with its age, linked to the complaint', async () => {
    mockFetch({ [`/api/customers/${customerId}/briefing`]: { body: briefing } });
    renderWithApp(<BriefingView customerId={customerId} />);
    const promises = await screen.findByTestId('briefing-promises', {}, { timeout: 5000 });
    expect(promises.textContent).toContain('見積書を送る');
    const complaint = screen.getByRole('link', { name: /請求書の宛名が違う/ });
    expect(complaint.getAttribute('href')).toBe('/complaints/k-1');
    expect(
      within(complaint.closest('li') ?? complaint.parentElement!).queryAllByText(/12日/).length,
    ).toBeGreaterThan(0);
  });

  it('shows 発注予定 and おすすめ with their reasons in words, each one tap from a quote for this customer', async () => {
    mockFetch({ [`/api/customers/${customerId}/briefing`]: { body: briefing } });
    renderWithApp(<BriefingView customerId={customerId} />);
    const reorder = await screen.findByTestId('reorder-card', {}, { timeout: 5000 });
    expect(reorder.textContent).toContain('通常 約18日ごと・最終 10/05・予定 10/23（40日超過）・いつも2箱');
    const create = within(reorder).getByRole('link', { name: '見積を作成' });
    const url = new URL(create.getAttribute('href') ?? '', 'http://x');
    expect(url.pathname).toBe('/quotes/new');
    expect(url.searchParams.get('customerId')).toBe(customerId);
    expect(url.searchParams.get('products')).toBe('p-th58');
    const crossSell = screen.getByTestId('cross-sell-card');
    expect(crossSell.textContent).toContain(
      'トナーカートリッジ ブラックの購入客29社のうち11社（38%）が併せて購入',
    );
    expect(
      within(crossSell).getByRole('link', { name: 'インクカートリッジ 4色パックを見積に追加' }),
    ).toBeTruthy();
  });

  it('opens a briefing stored offline before the signals existed (no cross-sell list) without them', async () => {
    const { crossSell: _, ...older } = briefing;
    mockFetch({ [`/api/customers/${customerId}/briefing`]: { body: { ...older, reorderDue: [] } } });
    renderWithApp(<BriefingView customerId={customerId} />);
    await screen.findByTestId('briefing-cautions', {}, { timeout: 5000 });
    expect(screen.queryByTestId('reorder-card')).toBeNull();
    expect(screen.queryByTestId('cross-sell-card')).toBeNull();
  });
});
