import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { buildDay, buildVisit, tokyo } from '../testing/plan-factories.ts';
import { DayTimeline } from './DayTimeline.tsx';

describe('DayTimeline', () => {
  const date = '2027-01-11';
  const day = buildDay({ date, lunch: { start: tokyo(date, '12:10'), end: tokyo(date, '13:10') } });
  const visits = [
    buildVisit({ id: 'b', seq: 2, customerName: '北浜商会', start: '13:30', fixed: true }),
    buildVisit({
      id: 'a',
      seq: 1,
      customerName: '梅田酒販',
      start: '09:30',
      pinned: true,
      travelSecondsBefore: 900,
    }),
  ];

  it('lists the start, the stops in order with the lunch between them, and the end', async () => {
    renderWithApp(<DayTimeline day={day} visits={visits} onTogglePin={vi.fn()} onMove={vi.fn()} />);
    const timeline = await screen.findByTestId('plan-timeline');
    const rows = within(timeline)
      .getAllByRole('listitem')
      .map((item) => item.textContent ?? '');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('08:45 出発');
    expect(rows[1]).toMatch(/^1.*梅田酒販/);
    expect(rows[1]).toContain('09:30–10:00');
    expect(rows[1]).toContain('移動 0:15');
    expect(rows[2]).toContain('昼休憩 12:10–13:10');
    expect(rows[3]).toMatch(/^2.*北浜商会/);
    expect(rows[3]).toContain('アポ固定');
    expect(rows[4]).toContain('17:20 帰着');
    const link = within(timeline).getByRole('link', { name: /梅田酒販/ });
    expect(link.getAttribute('href')).toBe('/customers/cus1');
  });

  it('toggles the pin and opens the 移動 menu for the stop pressed', async () => {
    const onTogglePin = vi.fn();
    const onMove = vi.fn();
    renderWithApp(<DayTimeline day={day} visits={visits} onTogglePin={onTogglePin} onMove={onMove} />);
    const unpin = await screen.findByRole('button', { name: 'ピンを外す: 梅田酒販' });
    expect(unpin.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(unpin);
    expect(onTogglePin).toHaveBeenCalledWith(expect.objectContaining({ id: 'a', pinned: true }));
    fireEvent.click(screen.getByRole('button', { name: '移動: 北浜商会' }));
    expect(onMove).toHaveBeenCalledWith(expect.objectContaining({ id: 'b' }));
  });
});
