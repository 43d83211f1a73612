import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { buildDay } from '../testing/plan-factories.ts';
import { WeekGrid } from './WeekGrid.tsx';

describe('WeekGrid', () => {
  const reps = [
    { id: 'rep1', name: '田中 翔太' },
    { id: 'rep2', name: '西田 彩' },
  ];
  const days = [
    buildDay({ repId: 'rep1', date: '2027-01-11', visitCount: 6, travelSeconds: 3600 }),
    buildDay({ repId: 'rep1', date: '2027-01-12', visitCount: 5, travelSeconds: 4500 }),
    buildDay({ repId: 'rep2', date: '2027-01-11', visitCount: 8, travelSeconds: 5400 }),
  ];

  it("shows each rep's week totals, each cell's count, travel and span, and a day off", async () => {
    renderWithApp(
      <WeekGrid
        reps={reps}
        days={days}
        dates={['2027-01-11', '2027-01-12']}
        selected={{ repId: 'rep1', date: '2027-01-12' }}
        onSelect={vi.fn()}
        dragging={false}
        dragDate={null}
        onDrop={vi.fn()}
      />,
    );
    const grid = await screen.findByTestId('plan-week-grid');
    const rows = within(grid).getAllByTestId('plan-rep-row');
    expect(within(rows[0]!).getByTestId('plan-rep-total').textContent).toBe('週 11件・移動 2:15');
    expect(within(rows[1]!).getByTestId('plan-rep-total').textContent).toBe('週 8件・移動 1:30');
    const cell = within(rows[0]!).getByRole('button', { name: '田中 翔太 1/12(火)：5件' });
    expect(cell.textContent).toContain('移動 1:15');
    expect(cell.textContent).toContain('08:45–17:20');
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    expect(within(rows[1]!).getByText('休み')).toBeTruthy();
    // Day totals over the reps in the column heads.
    expect(within(grid).getAllByRole('columnheader')[1]!.textContent).toContain('14件・2:30');
  });

  it('selects a rep-day, and takes a dragged visit onto another cell', async () => {
    const onSelect = vi.fn();
    const onDrop = vi.fn();
    renderWithApp(
      <WeekGrid
        reps={reps}
        days={days}
        dates={['2027-01-11', '2027-01-12']}
        selected={null}
        onSelect={onSelect}
        dragging
        dragDate="2027-01-11"
        onDrop={onDrop}
      />,
    );
    const target = await screen.findByRole('button', { name: '西田 彩 1/11(月)：8件' });
    fireEvent.click(target);
    expect(onSelect).toHaveBeenCalledWith({ repId: 'rep2', date: '2027-01-11' });
    fireEvent.dragOver(target.closest('td')!, { dataTransfer: { dropEffect: 'none' } });
    fireEvent.drop(target.closest('td')!, { dataTransfer: {} });
    expect(onDrop).toHaveBeenCalledWith({ repId: 'rep2', date: '2027-01-11' });
  });
});
