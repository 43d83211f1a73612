import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { FieldView } from './FieldView.tsx';

const field = {
  date: '2026-12-02',
  teamId: 'team1',
  reps: [
    {
      repId: 'r1',
      repName: '田中 翔太',
      teamId: 'team1',
      sync: { lastSyncedAt: '2026-12-02T00:30:00.000Z', pending: 2 },
      planned: 5,
      done: 2,
      visits: [],
      overduePromises: [
        {
          id: 'f1',
          customerId: 'c1',
          customerName: '天満商事株式会社',
          title: '納品時間の変更を配送に伝える',
          dueDate: '2026-11-19',
          daysOverdue: 13,
        },
      ],
      escalatedComplaints: [
        {
          id: 'k1',
          customerId: 'c2',
          customerName: '三和商事株式会社',
          title: '請求書の金額が見積と違う',
          kind: 'complaint',
          severity: 'high',
          status: 'open',
          ownerId: 'r1',
          dueDate: '2026-11-06',
          daysOverdue: 26,
        },
      ],
    },
    {
      repId: 'r2',
      repName: '西田 彩',
      teamId: 'team1',
      sync: null,
      planned: 4,
      done: 4,
      visits: [],
      overduePromises: [],
      escalatedComplaints: [],
    },
  ],
  totals: { planned: 9, done: 6, overduePromises: 1, escalatedComplaints: 1 },
};

describe('FieldView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each rep’s visits done of planned, and what is overdue linked to the complaint and the briefing', async () => {
    mockFetch({ '/api/field/today': { body: field } });
    renderWithApp(<FieldView />);
    expect((await screen.findByTestId('field-total', {}, { timeout: 5000 })).textContent).toBe('6 / 9');
    const [tanaka, nishida] = screen.getAllByTestId('field-rep');
    expect(tanaka!.textContent).toContain('田中 翔太');
    expect(within(tanaka!).getByText(/2 \/ 5/)).toBeTruthy();
    expect(within(nishida!).getByText(/4 \/ 4/)).toBeTruthy();
    const complaint = within(tanaka!).getByRole('link', { name: /請求書の金額が見積と違う/ });
    expect(complaint.getAttribute('href')).toBe('/complaints/k1');
    expect(within(screen.getByTestId('field-escalated')).getByText(/26/)).toBeTruthy();
    const promise = within(tanaka!).getByRole('link', { name: /納品時間の変更を配送に伝える/ });
    expect(promise.getAttribute('href')).toBe('/customers/c1/briefing');
    expect(within(nishida!).queryAllByRole('link')).toHaveLength(0);
    // When each rep's phone last synced (Tokyo time), and a phone that never did.
    expect(within(tanaka!).getByTestId('rep-sync').textContent).toBe(
      '最終同期 2026/12/02 09:30 · 端末に未送信 2 件',
    );
    expect(within(nishida!).getByTestId('rep-sync').textContent).toBe('同期なし');
  });
});
