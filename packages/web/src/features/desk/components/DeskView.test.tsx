import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { OrderSummary } from '../../quotes/api/quote-types.ts';
import { DeskView } from './DeskView.tsx';

const order = (id: string, orderNo: string): OrderSummary => ({
  id,
  orderNo,
  status: 'ordered',
  customer: { id: 'c1', name: '喫茶こもれび' },
  repId: 'u2',
  quoteId: null,
  subject: '定期補充',
  total: 11_000,
  orderedAt: '2026-11-30T01:00:00Z',
  deliveryDate: null,
  version: 1,
  updatedAt: '2026-11-30T01:00:00Z',
});

describe('DeskView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts each bucket, lists the orders to arrange, and moves the checked ones to 手配済 in one request', async () => {
    const mock = mockFetch({
      '/api/desk': {
        body: {
          counts: {
            quotesToSend: 3,
            quotesExpiring: 1,
            ordersToArrange: 2,
            ordersToDeliver: 0,
            ordersToInvoice: 5,
          },
          quotesToSend: [],
          quotesExpiring: [],
          ordersToArrange: [],
          ordersToDeliver: [],
          ordersToInvoice: [],
        },
      },
      '/api/customers/reps': { body: { items: [{ id: 'u2', name: '田中 翔太' }] } },
      '/api/orders/bulk-status': { body: { updated: 1, ids: ['o2'] } },
      '/api/orders': {
        body: { items: [order('o1', 'O-2026-0001'), order('o2', 'O-2026-0002')], nextCursor: null },
      },
    });
    renderWithApp(<DeskView filters={{ bucket: 'toArrange', repId: 'u2' }} />);
    const bucket = await screen.findByTestId('desk-bucket-toInvoice', {}, { timeout: 5000 });
    await waitFor(() => expect(within(bucket).getByTestId('desk-count').textContent).toBe('5'));
    expect(await screen.findAllByTestId('desk-row')).toHaveLength(2);
    const listed = mock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith('/api/orders?'));
    expect(listed).toContain('status=ordered');
    expect(listed).toContain('repId=u2');

    fireEvent.click(screen.getByLabelText('O-2026-0002を選択'));
    fireEvent.click(screen.getByRole('button', { name: '1件を手配済にする' }));
    await waitFor(() =>
      expect(mock.mock.calls.some(([url]) => url === '/api/orders/bulk-status')).toBe(true),
    );
    const [, init] = mock.mock.calls.find(([url]) => url === '/api/orders/bulk-status')!;
    expect(JSON.parse(String(init?.body))).toEqual({ ids: ['o2'], status: 'arranged' });
  });

  it('asks for the counts of the chosen period, as the lists are', async () => {
    const empty = {
      quotesToSend: 0,
      quotesExpiring: 0,
      ordersToArrange: 0,
      ordersToDeliver: 0,
      ordersToInvoice: 0,
    };
    const mock = mockFetch({
      '/api/desk': {
        body: {
          counts: { ...empty, ordersToArrange: 4 },
          quotesToSend: [],
          quotesExpiring: [],
          ordersToArrange: [],
          ordersToDeliver: [],
          ordersToInvoice: [],
        },
      },
      '/api/customers/reps': { body: { items: [] } },
      '/api/orders': { body: { items: [], nextCursor: null } },
    });
    renderWithApp(<DeskView filters={{ bucket: 'toArrange', from: '2026-11-01', to: '2026-11-30' }} />);
    const bucket = await screen.findByTestId('desk-bucket-toArrange', {}, { timeout: 5000 });
    await waitFor(() => expect(within(bucket).getByTestId('desk-count').textContent).toBe('4'));
    const deskCall = mock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith('/api/desk'));
    expect(deskCall).toContain('from=2026-11-01');
    expect(deskCall).toContain('to=2026-11-30');
  });
});
