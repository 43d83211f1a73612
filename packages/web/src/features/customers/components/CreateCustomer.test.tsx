import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { CreateCustomer } from './CreateCustomer.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('CreateCustomer', () => {
  it('points at the missing required fields without calling the server', async () => {
    const fetch = mockFetch({
      '/api/areas': { body: { items: [] } },
      '/api/users': { body: { items: [] } },
    });
    renderWithApp(<CreateCustomer />);
    fireEvent.click(await screen.findByRole('button', { name: '保存' }));
    expect((await screen.findAllByText('入力してください')).length).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole('textbox', { name: /会社名/ }).getAttribute('aria-invalid')).toBe('true');
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });
});
