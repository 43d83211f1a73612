import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-error.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { buildVisit } from '../testing/plan-factories.ts';
import { MoveDialog } from './MoveDialog.tsx';

const reps = [
  { id: 'rep1', name: '田中 翔太' },
  { id: 'rep2', name: '西田 彩' },
];
const dates = ['2027-01-11', '2027-01-12', '2027-01-13'];

const choose = (label: string, option: string) => {
  const select = screen.getByRole('combobox', { name: label }) as HTMLSelectElement;
  const value = [...select.options].find((each) => each.textContent === option)?.value;
  if (value === undefined) throw new Error(`No option ${option} in ${label}`);
  fireEvent.change(select, { target: { value } });
};

describe('MoveDialog', () => {
  it('moves only once a different day or rep is chosen, sending both', async () => {
    const onSubmit = vi.fn();
    renderWithApp(
      <MoveDialog
        visit={buildVisit({ date: '2027-01-11', repId: 'rep1' })}
        dates={dates}
        reps={reps}
        onClose={vi.fn()}
        onSubmit={onSubmit}
        pending={false}
        error={null}
      />,
    );
    const submit = await screen.findByRole('button', { name: '移動する' });
    expect(submit).toHaveProperty('disabled', true);
    choose('移動先の日', '1/13(水)');
    choose('担当者', '西田 彩');
    expect(submit).toHaveProperty('disabled', false);
    fireEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledWith({ date: '2027-01-13', repId: 'rep2' });
  });

  it("shows the server's reason when the visit does not fit", async () => {
    renderWithApp(
      <MoveDialog
        visit={buildVisit()}
        dates={dates}
        reps={reps}
        onClose={vi.fn()}
        onSubmit={vi.fn()}
        pending={false}
        error={new ApiError({ status: 422, code: 'visit_does_not_fit', message: 'この日には入りません。' })}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('この日には入りません。');
  });
});
