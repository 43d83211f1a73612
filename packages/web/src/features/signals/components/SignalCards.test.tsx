import type { CrossSellSignal } from '@kayoi/server/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import type { ReorderItem } from '../utils/reorder-items.ts';
import { CrossSellCard } from './CrossSellCard.tsx';
import { ReorderCard } from './ReorderCard.tsx';

const paper: ReorderItem = {
  productId: 'p-paper',
  productCode: 'PA-A4-2500',
  productName: 'コピー用紙 A4 500枚×5冊',
  unit: '箱',
  intervalDays: 30,
  lastOrderedDate: '2026-11-02',
  expectedDate: '2026-12-02',
  daysUntil: 3,
  usualQuantity: 2,
  due: true,
};
const toner: ReorderItem = {
  ...paper,
  productId: 'p-toner',
  productCode: 'TN-BK-MFP',
  productName: 'トナー 黒',
  unit: '本',
  intervalDays: 61,
  lastOrderedDate: '2026-09-28',
  expectedDate: '2026-11-28',
  daysUntil: -4,
  usualQuantity: 1,
};
const later: ReorderItem = {
  ...paper,
  productId: 'p-later',
  productCode: 'ZZ',
  productName: '先の商品',
  daysUntil: 60,
  due: false,
};

const href = (el: HTMLElement) => new URL(el.getAttribute('href') ?? '', 'http://x');
/** A search parameter as the router reads it back (it JSON-quotes a value that looks like a number). */
const params = (el: HTMLElement) =>
  Object.fromEntries(
    [...href(el).searchParams].map(([key, value]) => {
      try {
        return [key, String(JSON.parse(value))];
      } catch {
        return [key, value];
      }
    }),
  );

describe('ReorderCard (発注予定)', () => {
  it('lists the overdue product first with its interval in words, and links each to a quote at its usual quantity', async () => {
    renderWithApp(<ReorderCard customerId="c1" items={[paper, toner, later]} today="2026-11-29" />);
    const card = await screen.findByTestId('reorder-card', {}, { timeout: 5000 });
    const items = within(card).getAllByTestId('signal-item');
    expect(items).toHaveLength(2); // 60 days ahead is not shown
    expect(items[0]!.textContent).toContain('トナー 黒');
    expect(items[0]!.textContent).toContain('超過');
    expect(items[0]!.textContent).toContain('通常 約61日ごと・最終 09/28・予定 11/28（4日超過）・いつも1本');
    expect(items[1]!.textContent).toContain('通常 約30日ごと・最終 11/02・予定 12/02（あと3日）・いつも2箱');

    const add = within(items[1]!).getByRole('link', { name: 'コピー用紙 A4 500枚×5冊を見積に追加' });
    expect(href(add).pathname).toBe('/quotes/new');
    expect(params(add)).toMatchObject({ customerId: 'c1', products: 'p-paper', qty: '2' });

    const all = within(card).getByRole('link', { name: '見積を作成' });
    expect(href(all).searchParams.get('products')).toBe('p-toner,p-paper');
    expect(href(all).searchParams.get('qty')).toBe('1,2');
  });

  it('says so when nothing is due and offers no empty quote', async () => {
    renderWithApp(<ReorderCard customerId="c1" items={[later]} today="2026-11-29" />);
    const card = await screen.findByTestId('reorder-card', {}, { timeout: 5000 });
    expect(card.textContent).toContain('近く補充時期になる商品はありません');
    expect(within(card).queryByRole('link', { name: '見積を作成' })).toBeNull();
  });
});

const suggestion = (productId: string, name: string, share: number): CrossSellSignal => ({
  productId,
  productCode: productId.toUpperCase(),
  productName: name,
  unit: '個',
  reason: {
    code: 'similar_customers_buy',
    params: {
      anchorProductId: 'p-tnbk',
      anchorProductName: 'トナーカートリッジ ブラック',
      anchorBuyers: 30,
      bothBuyers: Math.round((share * 30) / 100),
      confidencePercent: share,
      basePercent: 24,
      lift: 1.5,
    },
  },
  message: {
    ja: `トナーカートリッジ ブラックの購入客30社のうち${Math.round((share * 30) / 100)}社（${share}%）が併せて購入（全体では24%、リフト1.5）`,
    en: `${Math.round((share * 30) / 100)} of the 30 customers who buy トナーカートリッジ ブラック (${share}%) buy it too (24% of all customers, lift 1.5)`,
  },
});

describe('CrossSellCard (おすすめ)', () => {
  it('gives each product its reason in words and one tap to a quote; 見積を作成 takes them all', async () => {
    renderWithApp(
      <CrossSellCard
        customerId="c1"
        items={[
          suggestion('ik-4c', 'インクカートリッジ 4色パック', 37),
          suggestion('st-en3', '長形3号封筒', 27),
        ]}
      />,
    );
    const card = await screen.findByTestId('cross-sell-card', {}, { timeout: 5000 });
    expect(card.textContent).toContain(
      'トナーカートリッジ ブラックの購入客30社のうち11社（37%）が併せて購入（全体では24%、リフト1.5）',
    );
    const add = within(card).getByRole('link', { name: '長形3号封筒を見積に追加' });
    expect(params(add)).toEqual({ customerId: 'c1', products: 'st-en3' });
    expect(href(within(card).getByRole('link', { name: '見積を作成' })).searchParams.get('products')).toBe(
      'ik-4c,st-en3',
    );
  });
});
