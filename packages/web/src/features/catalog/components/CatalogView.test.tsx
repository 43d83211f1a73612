import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { CatalogView } from './CatalogView.tsx';

afterEach(() => vi.unstubAllGlobals());

const summary = (overrides: Record<string, unknown>) => ({
  id: 'p1',
  code: 'CC-MONO',
  name: 'モノクロカウンター料金',
  nameKana: 'モノクロカウンターリョウキン',
  category: 'カウンター料金',
  unit: '枚',
  unitPrice: 1.5,
  taxCategory: 'standard',
  taxRate: 10,
  active: true,
  isBundle: false,
  version: 1,
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

describe('CatalogView', () => {
  it('lists decimal prices with their unit and marks reduced-rate products 軽減 8%', async () => {
    mockFetch({
      '/api/products': {
        body: {
          items: [
            summary({}),
            summary({
              id: 'p2',
              code: 'CF-OB-1K',
              name: 'コーヒー豆 1kg',
              unit: '袋',
              unitPrice: 3600,
              taxCategory: 'reduced',
              taxRate: 8,
            }),
          ],
          nextCursor: null,
        },
      },
    });
    renderWithApp(<CatalogView userRole="manager" />);
    const list = await screen.findByTestId('product-list', {}, { timeout: 5000 });
    expect(within(list).getByText('¥1.5')).toBeTruthy();
    expect(within(list).getByText('¥3,600')).toBeTruthy();
    expect(
      within(list)
        .getAllByTestId('tax-reduced')
        .map((b) => b.textContent),
    ).toEqual(['軽減 8%']);
    expect(within(list).getAllByTestId('tax-standard')).toHaveLength(1);
  });

  it('shows the server’s message under the unit price when a new product is refused', async () => {
    const fetch = mockFetch({
      '/api/products': () => ({ body: { items: [], nextCursor: null } }),
    });
    renderWithApp(<CatalogView userRole="admin" />);
    fireEvent.click(await screen.findByRole('button', { name: '商品を追加' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /商品コード/ }), {
      target: { value: 'CC-X' },
    });
    fetch.mockImplementationOnce(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'validation_failed',
              message: '入力内容を確認してください。',
              fields: {
                unitPrice: '単価は 0〜10,000,000 円、小数点以下2桁までで入力してください（例: 2980、1.5）。',
              },
            },
          }),
          { status: 422, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(dialog).getByText(/小数点以下2桁までで入力してください/)).toBeTruthy());
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({
      code: 'CC-X',
      taxCategory: 'standard',
      active: true,
    });
  });
});
