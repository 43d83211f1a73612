import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { Quote } from '../api/quote-types.ts';
import { QuoteView } from './QuoteView.tsx';

const quote = (patch: Partial<Quote> = {}): Quote => ({
  id: 'q1',
  quoteNo: 'Q-2026-0012',
  revision: 1,
  status: 'submitted',
  customer: { id: 'c1', name: '喫茶こもれび', code: 'C00001' },
  repId: 'u1',
  visitId: null,
  subject: 'コーヒー豆の定期購入',
  deliveryDate: '2026-12-10',
  deliveryPlace: '本店',
  paymentTerms: '月末締め翌月末払い',
  validUntil: '2026-12-31',
  remarks: '',
  lines: [
    {
      lineNo: 1,
      kind: 'item',
      productId: 'p1',
      productCode: 'CF-OB-1K',
      name: 'コーヒー豆 1kg',
      quantity: 2,
      unit: '袋',
      unitPrice: 3600,
      taxRate: 8,
      amount: 7200,
      note: '',
    },
    {
      lineNo: 2,
      kind: 'discount',
      productId: null,
      productCode: null,
      name: '出精値引',
      quantity: 1,
      unit: '式',
      unitPrice: 200,
      taxRate: 8,
      amount: 200,
      note: '',
    },
  ],
  subtotals: { '8': 7000 },
  taxes: { '8': 560 },
  total: 7560,
  rounding: 'floor',
  issuedAt: '2026-12-01T01:00:00Z',
  lostReason: null,
  orderId: null,
  version: 2,
  createdAt: '2026-11-30T01:00:00Z',
  updatedAt: '2026-12-01T01:00:00Z',
  revisions: [{ id: 'q1', revision: 1, status: 'submitted', issuedAt: '2026-12-01T01:00:00Z', total: 7560 }],
  ...patch,
});

describe('QuoteView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers 受注にする on a submitted quote, shows a discount as ▲, and links the order it made', async () => {
    const mock = mockFetch({
      '/api/quotes/q1/accept': {
        body: {
          quote: quote({ status: 'accepted', orderId: 'o1', version: 3 }),
          order: { id: 'o1', orderNo: 'O-1' },
        },
      },
      '/api/quotes/q1': { body: quote() },
    });
    renderWithApp(<QuoteView quoteId="q1" />);
    expect((await screen.findByTestId('quote-status', {}, { timeout: 5000 })).textContent).toBe('提出済');
    expect(screen.queryByRole('button', { name: '発行' })).toBeNull();
    expect(screen.getByText('▲¥200')).toBeTruthy();
    expect(screen.getByTestId('subtotal-8').textContent).toBe('¥7,000');
    fireEvent.click(screen.getByRole('button', { name: '受注にする' }));
    await waitFor(() => expect(screen.getByTestId('quote-status').textContent).toBe('受注'));
    const [, init] = mock.mock.calls.find(([url]) => url === '/api/quotes/q1/accept')!;
    expect(JSON.parse(String(init?.body))).toEqual({ version: 2 });
    expect(screen.getByTestId('quote-order-link').getAttribute('href')).toBe('/orders/o1');
    expect(screen.queryByRole('button', { name: '受注にする' })).toBeNull();
  });

  it('asks for a reason before 失注', async () => {
    const mock = mockFetch({
      '/api/quotes/q1/lose': { body: quote({ status: 'lost', lostReason: '他社に決定', version: 3 }) },
      '/api/quotes/q1': { body: quote() },
    });
    renderWithApp(<QuoteView quoteId="q1" />);
    fireEvent.click(await screen.findByRole('button', { name: '失注' }, { timeout: 5000 }));
    const dialog = within(await screen.findByRole('dialog'));
    const confirm = dialog.getByRole('button', { name: '失注' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(dialog.getByLabelText(/失注理由/), { target: { value: '他社に決定' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByText('失注理由: 他社に決定')).toBeTruthy());
    const [, init] = mock.mock.calls.find(([url]) => url === '/api/quotes/q1/lose')!;
    expect(JSON.parse(String(init?.body))).toEqual({ version: 2, reason: '他社に決定' });
  });
});
