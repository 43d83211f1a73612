import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { CustomerFiltersBar } from './CustomerFiltersBar.tsx';

afterEach(() => vi.unstubAllGlobals());

const reference = {
  '/api/areas': { body: { items: [{ id: 'a1', name: '千代田' }] } },
  '/api/users': { body: { items: [{ id: 'u2', name: '田中', role: 'rep', teamId: null }] } },
};

describe('CustomerFiltersBar', () => {
  it('searches after the user pauses typing, keeping the other filters', async () => {
    mockFetch(reference);
    const onChange = vi.fn();
    renderWithApp(<CustomerFiltersBar filters={{ rank: 'A' }} onChange={onChange} showRepFilter />);
    fireEvent.change(await screen.findByLabelText('顧客を検索'), { target: { value: ' やまだ ' } });
    expect(onChange).not.toHaveBeenCalled();
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ rank: 'A', q: 'やまだ' }));
  });

  it('writes the search at once when the box loses focus (a result tapped right after typing)', async () => {
    mockFetch(reference);
    const onChange = vi.fn();
    renderWithApp(<CustomerFiltersBar filters={{}} onChange={onChange} showRepFilter />);
    const box = await screen.findByLabelText('顧客を検索');
    fireEvent.change(box, { target: { value: 'なにわ' } });
    fireEvent.blur(box);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ q: 'なにわ' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('opens with the filters shown when some are active, and clears them but keeps the sort', async () => {
    mockFetch(reference);
    const onChange = vi.fn();
    renderWithApp(
      <CustomerFiltersBar filters={{ status: 'dormant', sort: '-name' }} onChange={onChange} showRepFilter />,
    );
    expect(await screen.findByRole('button', { name: /絞り込み/, expanded: true })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '条件をクリア' }));
    expect(onChange).toHaveBeenCalledWith({ sort: '-name' });
  });

  it('has no rep filter for reps, who only see their own customers', async () => {
    const fetch = mockFetch(reference);
    renderWithApp(
      <CustomerFiltersBar filters={{ areaId: 'a1' }} onChange={() => {}} showRepFilter={false} />,
    );
    await screen.findByLabelText('エリア');
    expect(screen.queryByLabelText('担当営業')).toBeNull();
    expect(fetch.mock.calls.some(([url]) => String(url).startsWith('/api/users'))).toBe(false);
  });
});
