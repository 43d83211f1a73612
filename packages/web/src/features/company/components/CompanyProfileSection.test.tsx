import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { CompanyProfile } from '../api/company-api.ts';
import { CompanyProfileSection } from './CompanyProfileSection.tsx';

afterEach(() => vi.unstubAllGlobals());

const profile: CompanyProfile = {
  legalName: '浪速オフィスサプライ株式会社',
  postalCode: '550-0004',
  address: '大阪府大阪市西区靱本町1丁目8-2',
  phone: '06-6441-2026',
  contactName: '営業事務 田中',
  registrationNumber: 'T1120001234567',
  entityType: 'corporation',
  rounding: 'floor',
  dateStyle: 'western',
  quoteValidityDays: 30,
  paymentTerms: '月末締め翌月末日 銀行振込',
  seal: { mimeType: 'image/png', size: 9100, updatedAt: '2026-12-01T00:00:00.000Z' },
  version: 3,
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('CompanyProfileSection', () => {
  it("shows the server's message on the registration number field and sends the version read", async () => {
    let patched = false;
    const fetch = mockFetch({
      '/api/settings/company': () =>
        patched
          ? {
              status: 422,
              body: {
                error: {
                  code: 'validation_failed',
                  message: '入力内容を確認してください。',
                  fields: { registrationNumber: '登録番号の法人番号（13桁）が正しくありません。' },
                },
              },
            }
          : { body: profile },
    });
    renderWithApp(<CompanyProfileSection />);
    const number = await screen.findByRole('textbox', { name: /登録番号/ });
    expect((number as HTMLInputElement).value).toBe('T1120001234567');
    expect(screen.getByRole('img', { name: '登録済みの印影' }).getAttribute('src')).toContain(
      '/api/settings/company/seal',
    );
    fireEvent.change(number, { target: { value: 'T7000012050003' } });
    patched = true;
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('登録番号の法人番号（13桁）が正しくありません。')).toBeTruthy();
    await waitFor(() => expect(number.getAttribute('aria-invalid')).toBe('true'));
    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toMatchObject({
      version: 3,
      registrationNumber: 'T7000012050003',
      entityType: 'corporation',
      quoteValidityDays: 30,
    });
  });

  it('refuses a blank legal name without calling the server', async () => {
    const fetch = mockFetch({ '/api/settings/company': { body: { ...profile, seal: null } } });
    renderWithApp(<CompanyProfileSection />);
    const name = await screen.findByRole('textbox', { name: /会社名/ });
    expect(screen.getByText('未登録')).toBeTruthy();
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('入力してください')).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
  });

  it('tells of a conflicting save and reloads the latest profile on request', async () => {
    let phase: 'read' | 'conflict' | 'reread' = 'read';
    mockFetch({
      '/api/settings/company': () => {
        if (phase === 'conflict') {
          phase = 'reread';
          return {
            status: 409,
            body: { error: { code: 'version_conflict', message: '他の人が先に更新しました。' } },
          };
        }
        return {
          body:
            phase === 'reread' ? { ...profile, paymentTerms: '20日締め翌月10日払い', version: 4 } : profile,
        };
      },
    });
    renderWithApp(<CompanyProfileSection />);
    await screen.findByDisplayValue('月末締め翌月末日 銀行振込');
    phase = 'conflict';
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/他の人が先に会社情報を更新しました/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '再読み込み' }));
    expect(await screen.findByDisplayValue('20日締め翌月10日払い')).toBeTruthy();
  });
});
