import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { ExportMenu } from './ExportMenu.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('ExportMenu', () => {
  it('lists the rows Shift_JIS would garble and offers UTF-8 with BOM for them', async () => {
    const fetch = mockFetch({
      '/api/customers/export-check': {
        body: {
          rows: 120,
          affectedRows: 2,
          characters: ['𠮷', '—'],
          affected: [
            { code: 'C00007', name: '𠮷野商店', columns: [{ column: '会社名', characters: ['𠮷'] }] },
            { code: 'C00019', name: '梅田商会', columns: [{ column: '住所', characters: ['—'] }] },
          ],
        },
      },
    });
    renderWithApp(<ExportMenu filters={{ rank: 'A' }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'エクスポート' }));
    fireEvent.click(await screen.findByText('Excel用CSV（Shift_JIS）'));
    const dialog = await screen.findByTestId('export-check');
    expect(within(dialog).getByText(/2件の顧客に、Shift_JISで表せない文字（𠮷 —）があります/)).toBeTruthy();
    expect(within(dialog).getByText('住所: —')).toBeTruthy();
    const utf8 = within(dialog).getByRole('link', { name: 'UTF-8（BOM付き）で書き出す' });
    expect(utf8.getAttribute('href')).toContain('encoding=utf8');
    expect(utf8.getAttribute('href')).toContain('rank=A');
    expect(
      within(dialog).getByRole('link', { name: 'Shift_JISで書き出す（〓に置換）' }).getAttribute('href'),
    ).toContain('encoding=sjis');
    expect(String(fetch.mock.calls[0]?.[0])).toContain('/api/customers/export-check?rank=A');
  });
});
