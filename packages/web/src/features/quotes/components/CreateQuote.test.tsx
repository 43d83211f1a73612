import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { CreateQuote } from './CreateQuote.tsx';

const paper = '11111111-1111-4111-8111-111111111111';
const toner = '22222222-2222-4222-8222-222222222222';
const gone = '33333333-3333-4333-8333-333333333333';

const product = (id: string, code: string, name: string, unitPrice: number, extra = {}) => ({
  id,
  code,
  name,
  unit: '箱',
  unitPrice,
  taxCategory: 'standard',
  taxRate: 10,
  active: true,
  ...extra,
});

const answers = () => ({
  '/api/settings/company': { body: { rounding: 'floor', paymentTerms: '月末締め翌月末払い' } },
  '/api/customers/c1': { body: { id: 'c1', name: '上町物産株式会社' } },
  [`/api/products/${paper}/price`]: {
    body: { unitPrice: '2980', source: 'customer_price', listPrice: '3280' },
  },
  [`/api/products/${paper}`]: { body: product(paper, 'PA-A4-2500', 'コピー用紙 A4', 3280) },
  [`/api/products/${toner}/price`]: { body: { unitPrice: '12800', source: 'list', listPrice: '12800' } },
  [`/api/products/${toner}`]: { body: product(toner, 'TN-BK-MFP', 'トナー 黒', 12800) },
  [`/api/products/${gone}`]: { status: 404, body: { error: { code: 'not_found', message: 'not found' } } },
  '/api/products?': {
    body: { items: [product('p-old', 'OLD-FAX', '感熱FAX用紙', 900, { active: false })] },
  },
});

describe('CreateQuote from a signal card link', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('adds the linked products at the customer’s price and usual quantity, and totals them', async () => {
    mockFetch(answers());
    renderWithApp(<CreateQuote search={{ customerId: 'c1', products: `${paper},${toner}`, qty: '3,1' }} />);
    const lines = await screen.findAllByTestId('quote-line', {}, { timeout: 5000 });
    expect(lines).toHaveLength(2);
    const first = within(lines[0]!);
    // The line shows its product, as if picked by hand.
    expect((first.getByLabelText('商品') as HTMLInputElement).value).toBe('PA-A4-2500 コピー用紙 A4');
    expect((first.getByLabelText('数量') as HTMLInputElement).value).toBe('3');
    // The customer's special price (2,980), not the list price (3,280).
    expect((first.getByLabelText('単価') as HTMLInputElement).value).toBe('2980');
    expect(first.getByTestId('line-amount').textContent).toBe('¥8,940');
    expect(within(lines[1]!).getByTestId('line-amount').textContent).toBe('¥12,800');
    // 8,940 + 12,800 = 21,740; tax 10% 2,174.
    expect(screen.getByTestId('quote-total').textContent).toBe('¥23,914');
    expect(screen.queryByTestId('prefill-skipped')).toBeNull();
    expect((screen.getByLabelText(/件名/) as HTMLInputElement).value).toBe('コピー用紙 A4ほか1点のお見積り');
  });

  it('skips an unknown and an inactive product with a notice naming them, and keeps the rest', async () => {
    mockFetch(answers());
    renderWithApp(<CreateQuote search={{ customerId: 'c1', products: `${gone},OLD-FAX,${paper}` }} />);
    const notice = await screen.findByTestId('prefill-skipped', {}, { timeout: 5000 });
    expect(notice.textContent).toContain('2件の商品は追加できませんでした');
    expect(notice.textContent).toContain(`${gone}：該当する商品がありません`);
    expect(notice.textContent).toContain('感熱FAX用紙：販売終了の商品です');
    const lines = screen.getAllByTestId('quote-line');
    expect(lines).toHaveLength(1);
    expect((within(lines[0]!).getByLabelText('単価') as HTMLInputElement).value).toBe('2980');
  });

  it('still opens a blank quote when no linked product exists', async () => {
    mockFetch(answers());
    renderWithApp(<CreateQuote search={{ customerId: 'c1', products: gone }} />);
    await screen.findByTestId('prefill-skipped', {}, { timeout: 5000 });
    const lines = screen.getAllByTestId('quote-line');
    expect(lines).toHaveLength(1);
    expect((within(lines[0]!).getByLabelText('品名') as HTMLInputElement).value).toBe('');
  });
});
