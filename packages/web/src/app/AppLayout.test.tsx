import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../test/render.tsx';
import { AppLayout } from './AppLayout.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('AppLayout', () => {
  it('shows the six destinations in a bottom tab bar on phones, marking the current one', async () => {
    mockFetch({});
    renderWithApp(<AppLayout />, { path: '/customers/abc' });
    const nav = await screen.findByRole('navigation', { name: 'メインナビゲーション' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      '今日',
      '顧客',
      '計画',
      '見積・受注',
      'ダッシュボード',
      '設定',
    ]);
    expect(within(nav).getByRole('link', { name: '顧客' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: '今日' }).getAttribute('aria-current')).toBeNull();
  });

  it('names the tenant in the header', async () => {
    mockFetch({});
    renderWithApp(<AppLayout />);
    expect((await screen.findByTestId('tenant-name')).textContent).toBe('デモ商事');
  });
});
