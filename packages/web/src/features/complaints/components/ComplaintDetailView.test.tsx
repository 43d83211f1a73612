import type { ComplaintDetail } from '@kayoi/server/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { ComplaintDetailView } from './ComplaintDetailView.tsx';

const complaint = (patch: Partial<ComplaintDetail>): ComplaintDetail => ({
  id: 'k1',
  customerId: 'c1',
  customerName: '喫茶こもれび',
  customerCode: 'C00001',
  repId: 'u1',
  source: 'phone',
  visitId: null,
  kind: 'complaint',
  category: 'delivery',
  severity: 'high',
  title: '納品が遅れた',
  detail: '',
  status: 'in_progress',
  ownerId: 'u1',
  ownerName: '田中 翔太',
  receivedAt: '2026-11-20T01:00:00Z',
  receivedDate: '2026-11-20',
  dueDate: '2026-11-25',
  ageDays: 12,
  overdue: true,
  escalated: true,
  resolvedAt: null,
  confirmedAt: null,
  createdBy: 'u1',
  version: 2,
  createdAt: '2026-11-20T01:00:00Z',
  updatedAt: '2026-11-21T01:00:00Z',
  actions: [
    {
      id: 'a1',
      type: 'created',
      note: '',
      fromStatus: null,
      toStatus: 'open',
      ownerId: 'u1',
      actorId: 'u1',
      actorName: '田中 翔太',
      at: '2026-11-20T01:00:00Z',
    },
    {
      id: 'a2',
      type: 'start',
      note: '',
      fromStatus: 'open',
      toStatus: 'in_progress',
      ownerId: 'u1',
      actorId: 'u1',
      actorName: '田中 翔太',
      at: '2026-11-21T01:00:00Z',
    },
  ],
  ...patch,
});

describe('ComplaintDetailView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the history, asks for a note before 解決, and sends resolve with the version read', async () => {
    const mock = mockFetch({
      '/api/complaints/k1/actions': { body: complaint({ status: 'resolved', version: 3 }) },
      '/api/complaints/k1': { body: complaint({}) },
    });
    renderWithApp(<ComplaintDetailView complaintId="k1" />);
    expect((await screen.findByTestId('complaint-status', {}, { timeout: 5000 })).textContent).toBe('対応中');
    expect(screen.getAllByTestId('complaint-action')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: '対応開始' })).toBeNull();
    const resolve = screen.getByRole('button', { name: '解決' });
    expect((resolve as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('対応メモ'), { target: { value: '翌日再配送' } });
    fireEvent.click(screen.getByRole('button', { name: '解決' }));
    await waitFor(() => expect(screen.getByTestId('complaint-status').textContent).toBe('解決'));
    const [, init] = mock.mock.calls.find(([url]) => url === '/api/complaints/k1/actions')!;
    expect(JSON.parse(String(init?.body))).toMatchObject({ type: 'resolve', note: '翌日再配送', version: 2 });
    expect(screen.getByRole('button', { name: '完了確認' })).toBeTruthy();
  });
});
