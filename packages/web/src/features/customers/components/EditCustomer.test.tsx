import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { Customer } from '../api/customer-types.ts';
import { buildCustomer as buildTestCustomer } from '../testing/customer-factories.ts';
import { EditCustomer } from './EditCustomer.tsx';

afterEach(() => vi.unstubAllGlobals());

const buildCustomer = (overrides: Partial<Customer> = {}): Customer =>
  buildTestCustomer({ repId: 'u2', repName: '田中', ...overrides });

const reference = {
  '/api/areas': { body: { items: [{ id: 'a1', name: '千代田' }] } },
  '/api/users': { body: { items: [{ id: 'u2', name: '田中', role: 'rep', teamId: 'team1' }] } },
};

describe('EditCustomer', () => {
  it('sends the version it read and, on a conflict, offers to load the latest one', async () => {
    let version = 3;
    const fetch = mockFetch({
      ...reference,
      '/api/customers/c1': () => ({
        body: buildCustomer({ version, name: version === 3 ? '山田商店' : '山田商店（新）' }),
      }),
    });
    renderWithApp(<EditCustomer customerId="c1" />);
    await screen.findByDisplayValue('山田商店');

    // Someone else saves meanwhile: our PATCH is refused.
    fetch.mockImplementationOnce(
      async () =>
        new Response(
          JSON.stringify({ error: { code: 'version_conflict', message: '他の人が更新しました' } }),
          {
            status: 409,
          },
        ),
    );
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('他のユーザーが先に更新しました')).toBeTruthy();
    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toMatchObject({ version: 3, name: '山田商店' });

    version = 4;
    fireEvent.click(screen.getByRole('button', { name: '最新の内容を読み込む' }));
    expect(await screen.findByDisplayValue('山田商店（新）')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('他のユーザーが先に更新しました')).toBeNull());
  });

  it('shows the server field errors next to the fields', async () => {
    const fetch = mockFetch({ ...reference, '/api/customers/c1': { body: buildCustomer() } });
    renderWithApp(<EditCustomer customerId="c1" />);
    await screen.findByDisplayValue('山田商店');
    fetch.mockImplementationOnce(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'validation_failed',
              message: '入力内容を確認してください。',
              fields: { phone: '電話番号の形式が正しくありません。' },
            },
          }),
          { status: 422 },
        ),
    );
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('電話番号の形式が正しくありません。')).toBeTruthy();
    expect(screen.getByLabelText('電話番号').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a typed 0 in 訪問周期 and puts the error there, not on 許容幅', async () => {
    const fetch = mockFetch({ ...reference, '/api/customers/c1': { body: buildCustomer() } });
    renderWithApp(<EditCustomer customerId="c1" />);
    await screen.findByDisplayValue('山田商店');
    const cadence = screen.getByLabelText(/訪問周期/);
    fireEvent.change(cadence, { target: { value: '0' } });
    fireEvent.blur(cadence);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(cadence.getAttribute('aria-invalid')).toBe('true'));
    expect((cadence as HTMLInputElement).value).toBe('0');
    expect(screen.getByLabelText(/許容幅/).getAttribute('aria-invalid')).not.toBe('true');
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
  });

  it('counts characters once a long field nears its limit', async () => {
    mockFetch({ ...reference, '/api/customers/c1': { body: buildCustomer({ notes: 'あ'.repeat(3000) }) } });
    renderWithApp(<EditCustomer customerId="c1" />);
    await screen.findByDisplayValue('山田商店');
    expect(screen.queryAllByTestId('length-counter')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('メモ'), { target: { value: 'あ'.repeat(3300) } });
    expect((await screen.findByTestId('length-counter')).textContent).toBe('3,300 / 4,000文字');
  });
});
