import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { InviteDialog } from './InviteDialog.tsx';

afterEach(() => vi.unstubAllGlobals());

const fill = async (email: string, name: string) => {
  fireEvent.change(await screen.findByLabelText(/メールアドレス/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/氏名/), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: '招待する' }));
};

const invitation = {
  id: 'i1',
  email: 'hanako@example.jp',
  name: '新人 花子',
  role: 'rep',
  teamId: null,
  expiresAt: '2026-12-09T00:00:00.000Z',
};

describe('InviteDialog', () => {
  it('shows the link to pass on when no mail was sent', async () => {
    const fetch = mockFetch({
      '/api/people/invitations': {
        status: 201,
        body: { invitation, link: 'http://localhost:3000/invite/abc123', mailed: false },
      },
    });
    renderWithApp(<InviteDialog opened onClose={() => {}} teams={[]} />);
    await fill('hanako@example.jp', '新人 花子');
    const link = (await screen.findByTestId('invitation-link')) as HTMLInputElement;
    expect(link.value).toBe('http://localhost:3000/invite/abc123');
    expect(screen.getByText(/hanako@example.jp さんに渡してください/)).toBeTruthy();
    const body = JSON.parse(String(fetch.mock.calls[0]?.[1]?.body));
    expect(body).toEqual({ email: 'hanako@example.jp', name: '新人 花子', role: 'rep', teamId: null });
  });

  it('says the invitation was mailed, with no link, when the server sent it', async () => {
    mockFetch({
      '/api/people/invitations': { status: 201, body: { invitation, link: null, mailed: true } },
    });
    renderWithApp(<InviteDialog opened onClose={() => {}} teams={[]} />);
    await fill('hanako@example.jp', '新人 花子');
    expect(await screen.findByText(/招待メールを送りました/)).toBeTruthy();
    expect(screen.queryByTestId('invitation-link')).toBeNull();
  });

  it('shows the server’s message on the field it names', async () => {
    mockFetch({
      '/api/people/invitations': {
        status: 422,
        body: {
          error: {
            code: 'validation_failed',
            message: '入力内容に誤りがあります。',
            fields: { email: 'このメールアドレスは既に登録されています。' },
          },
        },
      },
    });
    renderWithApp(<InviteDialog opened onClose={() => {}} teams={[]} />);
    await fill('taken@example.jp', '既存');
    await waitFor(() => expect(screen.getByText('このメールアドレスは既に登録されています。')).toBeTruthy());
  });
});
