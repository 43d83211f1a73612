import { fireEvent, screen, waitFor } from '@testing-library/react';

import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { buildCustomer } from '../testing/customer-factories.ts';
import { CustomerLocationCard } from './CustomerLocationCard.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('CustomerLocationCard', () => {
  it('says why a customer has no position and retries the address search with the version read', async () => {
    const located = buildCustomer({
      lat: 34.7,
      lng: 135.5,
      geoPrecision: 'chome',
      hasPosition: true,
      version: 4,
    });
    const fetch = mockFetch({ '/api/customers/c1/geocode': { body: located } });
    renderWithApp(
      <CustomerLocationCard customer={buildCustomer({ address: '大阪市北区梅田1-1-3', version: 3 })} />,
    );
    expect(await screen.findByText('位置未設定：訪問計画に入りません')).toBeTruthy();
    expect(screen.getByText(/住所検索サービスに接続できず/)).toBeTruthy();
    expect(screen.getByTestId('geo-precision').textContent).toBe('位置未設定');
    fireEvent.click(screen.getByRole('button', { name: '位置を再取得' }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls.find(([u]) => String(u).includes('/geocode')) ?? [];
    expect(String(url)).toContain('/api/customers/c1/geocode');
    expect(JSON.parse(String(init?.body))).toEqual({ version: 3 });
  });

  it('tells a searched-but-unknown address apart, and offers no retry without an address', async () => {
    const { unmount } = renderWithApp(
      <CustomerLocationCard
        customer={buildCustomer({ address: '大阪市どこか', geocodedAt: '2026-11-20T01:30:00Z' })}
      />,
    );
    expect(await screen.findByText(/住所から位置が見つかりませんでした（2026/)).toBeTruthy();
    unmount();
    renderWithApp(<CustomerLocationCard customer={buildCustomer({ address: '' })} />);
    expect(await screen.findByText(/住所が未入力です/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '位置を再取得' })).toBeNull();
    expect(screen.getByRole('button', { name: '地図でピンを置く' })).toBeTruthy();
  });

  it('shows the precision reached and warns when it is the municipality only', async () => {
    renderWithApp(
      <CustomerLocationCard
        customer={buildCustomer({ lat: 34.65, lng: 135.52, geoPrecision: 'city', hasPosition: true })}
      />,
    );
    expect((await screen.findByTestId('geo-precision')).textContent).toBe('市区町村のみ');
    expect(screen.getByText(/市区町村までしか特定できていません/)).toBeTruthy();
    expect(screen.queryByText('位置未設定：訪問計画に入りません')).toBeNull();
  });
});
