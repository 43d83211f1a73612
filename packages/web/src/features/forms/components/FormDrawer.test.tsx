import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { AppForm } from '../api/forms-api.ts';
import { FormDrawer } from './FormDrawer.tsx';

const form: AppForm = {
  id: 'f1',
  customerId: 'c1',
  customerCode: 'C-0001',
  customerName: '喫茶こもれび',
  kind: 'new_service',
  repId: 'u2',
  repName: '田中 翔太',
  collectedOn: '2026-11-20',
  visitId: 'v1',
  note: '定期便申込書',
  voidedAt: null,
  voidReason: null,
  attachment: {
    contentType: 'image/png',
    size: 2600,
    sha256: 'a'.repeat(64),
    fileName: 'IMG_1.png',
    uploadedAt: '2026-11-20T02:00:00Z',
  },
  version: 2,
  createdAt: '2026-11-20T01:00:00Z',
  updatedAt: '2026-11-20T01:00:00Z',
};

describe('FormDrawer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the photo, and on a stale edit says someone changed it first and shows theirs', async () => {
    const theirs = { ...form, version: 3, kind: 'renewal', note: '更新（2年）に変更' };
    const mock = mockFetch({
      '/api/forms/f1': () =>
        mock.mock.calls.some(([, init]) => init?.method === 'PATCH')
          ? { status: 409, body: { error: { code: 'version_conflict', message: '', current: theirs } } }
          : { body: form },
    });
    renderWithApp(<FormDrawer formId="f1" onClose={() => {}} />);
    const img = await screen.findByRole('img', { name: '喫茶こもれびの申込書の写真' }, { timeout: 5000 });
    expect(img.getAttribute('src')).toContain('/api/forms/f1/attachment');
    fireEvent.click(screen.getByRole('button', { name: '編集' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'メモ' }), {
      target: { value: '定期便申込書（2口）' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/他の人がこの申込書を先に変更しました/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('更新（2年）に変更')).toBeTruthy());
    const patch = mock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toMatchObject({ version: 2, note: '定期便申込書（2口）' });
  });

  it('voids only with a reason and then shows it struck, with the reason', async () => {
    const voided = { ...form, version: 3, voidedAt: '2026-11-21T03:00:00Z', voidReason: '二重に記録した' };
    const mock = mockFetch({
      '/api/forms/f1/void': { body: voided },
      '/api/forms/f1': { body: form },
    });
    renderWithApp(<FormDrawer formId="f1" onClose={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: '取消…' }, { timeout: 5000 }));
    const confirm = screen.getByRole('button', { name: '取り消す' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /取消の理由/ }), {
      target: { value: '二重に記録した' },
    });
    fireEvent.click(confirm);
    expect((await screen.findByTestId('form-voided')).textContent).toContain('二重に記録した');
    const call = mock.mock.calls.find(([url]) => String(url) === '/api/forms/f1/void');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ version: 2, reason: '二重に記録した' });
  });
});
