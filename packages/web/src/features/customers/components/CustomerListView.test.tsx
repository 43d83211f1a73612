import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { CustomerSummary } from '../api/customer-types.ts';
import { buildSummary } from '../testing/customer-factories.ts';
import { CustomerListView } from './CustomerListView.tsx';

afterEach(() => vi.unstubAllGlobals());

const list = (items: CustomerSummary[], total = items.length, nextCursor: string | null = null) => ({
  body: { items, total, nextCursor },
});

describe('CustomerListView', () => {
  it('lists customers with the total count', async () => {
    mockFetch({
      '/api/customers': list([buildSummary(), buildSummary({ id: 'c2', name: '鈴木工業', rank: 'C' })], 2),
    });
    renderWithApp(<CustomerListView filters={{}} onClearFilters={() => {}} canImport />);
    expect(await screen.findByText('2 / 2件を表示')).toBeTruthy();
    expect(screen.getByRole('link', { name: /^山田商店/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^鈴木工業/ })).toBeTruthy();
    expect(screen.getByTitle('ランクA').textContent).toBe('ランクA');
  });

  it('invites to add or import customers when the book is empty', async () => {
    mockFetch({ '/api/customers': list([]) });
    renderWithApp(<CustomerListView filters={{}} onClearFilters={() => {}} canImport />);
    expect(await screen.findByText('顧客がまだ登録されていません')).toBeTruthy();
    expect(screen.getByRole('link', { name: '顧客を登録' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'CSV取込' })).toBeTruthy();
  });

  it('hides the import suggestion from reps', async () => {
    mockFetch({ '/api/customers': list([]) });
    renderWithApp(<CustomerListView filters={{}} onClearFilters={() => {}} canImport={false} />);
    await screen.findByText('顧客がまだ登録されていません');
    expect(screen.queryByRole('link', { name: 'CSV取込' })).toBeNull();
  });

  it('offers to clear filters when nothing matches', async () => {
    mockFetch({ '/api/customers': list([]) });
    const onClearFilters = vi.fn();
    renderWithApp(<CustomerListView filters={{ rank: 'A' }} onClearFilters={onClearFilters} canImport />);
    expect(await screen.findByText('条件に一致する顧客がいません')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '条件をクリア' }));
    expect(onClearFilters).toHaveBeenCalled();
  });

  it('shows the server message and retries after a failure', async () => {
    let calls = 0;
    mockFetch({
      '/api/customers': () => {
        calls += 1;
        return calls === 1
          ? { status: 500, body: { error: { code: 'internal', message: 'サーバーで問題が発生しました。' } } }
          : list([buildSummary()]);
      },
    });
    renderWithApp(<CustomerListView filters={{}} onClearFilters={() => {}} canImport />);
    expect(await screen.findByText('サーバーで問題が発生しました。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '再試行' }));
    await waitFor(() => expect(screen.getByRole('link', { name: /^山田商店/ })).toBeTruthy());
  });

  it('loads the next page with the cursor', async () => {
    const fetch = mockFetch({
      '/api/customers': () =>
        fetch.mock.calls.length === 1
          ? list([buildSummary()], 2, 'next-1')
          : list([buildSummary({ id: 'c2', name: '鈴木工業' })], 2),
    });
    renderWithApp(<CustomerListView filters={{ q: '山' }} onClearFilters={() => {}} canImport />);
    fireEvent.click(await screen.findByRole('button', { name: 'さらに表示' }));
    expect(await screen.findByRole('link', { name: /^鈴木工業/ })).toBeTruthy();
    const secondUrl = String(fetch.mock.calls[1]?.[0]);
    expect(secondUrl).toContain('cursor=next-1');
    expect(secondUrl).toContain('q=%E5%B1%B1');
  });
});
