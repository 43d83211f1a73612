import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { CustomerTimelineCard } from './CustomerTimelineCard.tsx';

const item = (kind: string, id: string, at: string, title: string, amount: number | null = null) => ({
  kind,
  id,
  at,
  title,
  detail: '',
  status: null,
  amount,
  source: { kind, id },
});
const firstPage = {
  items: [
    item('visit', 'v1', '2026-11-18T03:32:00.000Z', '月末分のご注文を受付。'),
    item('order', 'o1', '2026-11-18T02:00:00.000Z', '2611-0000429', 25200),
  ],
  nextCursor: 'cursor-1',
  kindsAvailable: ['visit', 'order'],
};
const secondPage = {
  items: [item('complaint', 'k1', '2026-10-02T01:00:00.000Z', '納品数が不足していた')],
  nextCursor: null,
  kindsAvailable: ['visit', 'order', 'complaint'],
};

describe('CustomerTimelineCard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists records newest first with amounts, loads older ones from the cursor, and filters by kind', async () => {
    const mock = mockFetch({
      '/api/customers/c1/timeline': () => {
        const url = String(mock.mock.calls.at(-1)?.[0] ?? '');
        return { body: url.includes('before=cursor-1') ? secondPage : firstPage };
      },
    });
    renderWithApp(<CustomerTimelineCard customerId="c1" />);
    const order = await screen.findByRole('link', { name: /2611-0000429/ }, { timeout: 5000 });
    expect(order.textContent).toMatch(/25,200/);
    expect(order.getAttribute('href')).toBe('/customers/c1#order-o1');
    expect(screen.queryByText('納品数が不足していた')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'さらに表示' }));
    expect(await screen.findByText('納品数が不足していた')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'さらに表示' })).toBeNull());

    fireEvent.click(screen.getByRole('checkbox', { name: '注文' }));
    await waitFor(() => expect(String(mock.mock.calls.at(-1)?.[0])).toContain('kinds=order'));
  });
});
