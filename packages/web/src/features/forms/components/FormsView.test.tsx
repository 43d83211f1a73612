import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { AppForm } from '../api/forms-api.ts';
import { FormsView } from './FormsView.tsx';

const form = (id: string, patch: Partial<AppForm> = {}): AppForm => ({
  id,
  customerId: 'c1',
  customerCode: 'C-0001',
  customerName: '喫茶こもれび',
  kind: 'new_service',
  repId: 'u2',
  repName: '田中 翔太',
  collectedOn: '2026-11-20',
  visitId: null,
  note: 'ウォーターサーバー 2台目',
  voidedAt: null,
  voidReason: null,
  attachment: null,
  version: 1,
  createdAt: '2026-11-20T01:00:00Z',
  updatedAt: '2026-11-20T01:00:00Z',
  ...patch,
});

const page = (items: AppForm[]) => ({
  items,
  nextCursor: null,
  counts: {
    total: 3,
    byRep: [
      { repId: 'u2', repName: '田中 翔太', count: 2, byKind: { new_service: 1, renewal: 1 } },
      { repId: 'u3', repName: '鈴木 美咲', count: 1, byKind: { renewal: 1 } },
    ],
  },
});

describe('FormsView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts per kind over all reps, sends the period with an exclusive end, and strikes a voided form through', async () => {
    const voided = form('f2', {
      voidedAt: '2026-11-21T02:00:00Z',
      voidReason: '別の顧客で登録',
      kind: 'renewal',
    });
    const mock = mockFetch({
      '/api/customers/reps': { body: { items: [{ id: 'u2', name: '田中 翔太' }] } },
      '/api/forms': {
        body: page([
          form('f1', {
            attachment: {
              contentType: 'image/png',
              size: 2048,
              sha256: 'ab',
              fileName: 'a.png',
              uploadedAt: '2026-11-20T02:00:00Z',
            },
          }),
          voided,
        ]),
      },
    });
    renderWithApp(<FormsView filters={{ repId: 'u2', from: '2026-11-01', to: '2026-11-30' }} />);
    const total = await screen.findByTestId('forms-count-total', {}, { timeout: 5000 });
    expect(within(total).getByTestId('forms-count').textContent).toBe('3');
    expect(within(screen.getByTestId('forms-count-renewal')).getByText('2')).toBeTruthy();
    const listed = mock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith('/api/forms?'));
    expect(listed).toContain('repId=u2');
    expect(listed).toContain('from=2026-11-01');
    expect(listed).toContain('to=2026-12-01');
    const rows = await screen.findAllByTestId('form-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.getAttribute('data-voided')).toBe('true');
    expect(within(rows[1] as HTMLElement).getByText('取消')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByTestId('form-has-attachment')).toBeTruthy();
  });

  it('refuses a file that is not a photo or a PDF before sending it, in words', async () => {
    const mock = mockFetch({
      '/api/customers/reps': { body: { items: [] } },
      '/api/forms/f1': { body: form('f1') },
      '/api/forms': { body: page([form('f1')]) },
    });
    renderWithApp(<FormsView filters={{}} />);
    fireEvent.click(
      (
        await screen.findAllByRole('button', { name: '喫茶こもれびの申込書を開く' }, { timeout: 5000 })
      )[0] as HTMLElement,
    );
    const input = (await screen.findByTestId('form-file-f1')) as HTMLInputElement;
    expect(input.getAttribute('capture')).toBe('environment');
    const text = new File(['hello'], 'memo.txt', { type: 'text/plain' });
    fireEvent.change(input, { target: { files: [text] } });
    expect((await screen.findByRole('alert')).textContent).toContain('JPEG・PNG・WebP・HEICの写真かPDF');
    const big = new File([new Uint8Array(9 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [big] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('8MBまで'));
    expect(mock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
  });
});
