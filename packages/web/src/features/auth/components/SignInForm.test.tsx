import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n/i18n.ts';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { SignInForm } from './SignInForm.tsx';

afterEach(() => vi.unstubAllGlobals());

const fillAndSubmit = async (email: string, password: string) => {
  fireEvent.change(await screen.findByLabelText(/メールアドレス/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/パスワード/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'ログイン' }));
};

describe('SignInForm', () => {
  it('tells the user in Japanese when the password is wrong', async () => {
    mockFetch({
      '/api/auth/sign-in/email': {
        status: 401,
        body: { error: { code: 'invalid_credentials', message: 'invalid' } },
      },
    });
    renderWithApp(<SignInForm onSignedIn={() => {}} />);
    await fillAndSubmit('rep1@example.jp', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'メールアドレスまたはパスワードが正しくありません',
    );
  });

  it('checks the fields before calling the server', async () => {
    const fetch = mockFetch({});
    renderWithApp(<SignInForm onSignedIn={() => {}} />);
    await fillAndSubmit('not-an-email', '');
    expect(await screen.findByText('メールアドレスの形式が正しくありません')).toBeTruthy();
    expect(screen.getByText('パスワードを入力してください')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the UI language and reports success once the user is loaded', async () => {
    const fetch = mockFetch({
      '/api/auth/sign-in/email': { body: { ok: true } },
      '/api/me': {
        body: {
          user: { id: 'u1', name: 'A', email: 'a@b.jp', role: 'rep' },
          tenant: { id: 't', name: 'T' },
          team: null,
        },
      },
    });
    const onSignedIn = vi.fn();
    renderWithApp(<SignInForm onSignedIn={onSignedIn} />);
    await fillAndSubmit('a@b.jp', 'secret');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    const init = fetch.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get('Accept-Language')).toBe('ja');
  });

  it('labels the English fields so that "Email" and "Password" each find exactly one control', async () => {
    mockFetch({});
    await i18n.changeLanguage('en');
    try {
      renderWithApp(<SignInForm onSignedIn={() => {}} />);
      await screen.findByRole('button', { name: 'Sign in' });
      // Playwright's getByLabel matches substrings: no other control may mention the field names.
      const labelled = [...document.querySelectorAll('[aria-label]')].map((el) =>
        el.getAttribute('aria-label'),
      );
      expect(labelled.filter((label) => /password|email/i.test(label ?? ''))).toEqual([]);
      expect(screen.getByLabelText(/^Password/)).toBeTruthy();
      expect(screen.getByLabelText(/^Email/)).toBeTruthy();
    } finally {
      await i18n.changeLanguage('ja');
    }
  });
});
