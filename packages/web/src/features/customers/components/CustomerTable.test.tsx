import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { buildSummary } from '../testing/customer-factories.ts';
import { CustomerTable } from './CustomerTable.tsx';

describe('CustomerTable', () => {
  it('sorts by a column header, and a second click on 会社名 reverses the order', async () => {
    const onSortChange = vi.fn();
    const first = renderWithApp(
      <CustomerTable customers={[buildSummary()]} sort="name" onSortChange={onSortChange} />,
    );
    const table = await screen.findByTestId('customer-table');
    const header = (name: string) => within(table).getByRole('columnheader', { name: new RegExp(name) });
    expect(header('会社名').getAttribute('aria-sort')).toBe('ascending');
    expect(header('最終受注').getAttribute('aria-sort')).toBeNull();

    fireEvent.click(within(header('会社名')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('-name');
    fireEvent.click(within(header('最終受注')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('-lastOrderAt');
    fireEvent.click(within(header('ランク')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('rank');
    fireEvent.click(within(header('最終訪問')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('nextVisitDue');

    first.unmount();
    renderWithApp(
      <CustomerTable customers={[buildSummary()]} sort="-lastOrderAt" onSortChange={onSortChange} />,
    );
    const again = await screen.findByTestId('customer-table');
    const headerAgain = (name: string) => within(again).getByRole('columnheader', { name: new RegExp(name) });
    expect(headerAgain('最終受注').getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(headerAgain('最終受注')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('lastOrderAt');
  });
});
