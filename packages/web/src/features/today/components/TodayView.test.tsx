import type { Stop, Today } from '@kayoi/server/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import { TodayView } from './TodayView.tsx';

const stop = (n: number, patch: Partial<Stop> = {}): Stop => ({
  key: `pv${n}`,
  plannedVisitId: `pv${n}`,
  visitId: null,
  seq: n,
  plannedArrival: null,
  plannedStart: `2026-12-02T0${n}:00:00.000Z`,
  plannedDeparture: null,
  fixed: false,
  customer: {
    id: `c${n}`,
    name: `顧客${n}`,
    address: `大阪市北区${n}`,
    lat: null,
    lng: null,
    phone: `06-1234-000${n}`,
    cautions: '',
  },
  navigation: {
    google: `https://www.google.com/maps/dir/?api=1&destination=34.7,135.${n}`,
    apple: `https://maps.apple.com/?daddr=34.7,135.${n}`,
  },
  status: 'planned',
  checkInAt: null,
  checkOutAt: null,
  farFromCustomer: null,
  log: null,
  skip: null,
  visitVersion: null,
  ...patch,
});

const today: Today = {
  date: '2026-12-02',
  planId: 'p1',
  stops: [stop(1), stop(2, { status: 'checked_in', visitId: 'v2', farFromCustomer: 820 })],
  alerts: { overdueFollowups: [], openComplaints: [] },
};

describe('TodayView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the stops in order with times (Tokyo), navigation, call and the far flag; check-in sends a client UUID and an Idempotency-Key', async () => {
    const mock = mockFetch({
      '/api/today': { body: today },
      '/api/visits': { status: 201, body: { id: 'x' } },
    });
    renderWithApp(<TodayView />);
    const cards = await screen.findAllByTestId('stop-card', {}, { timeout: 5000 });
    expect(cards.map((c) => c.textContent?.match(/顧客\d/)?.[0])).toEqual(['顧客1', '顧客2']);
    expect(cards[0]?.textContent).toContain('10:00');
    expect(screen.getByTestId('far-flag').textContent).toContain('820');
    fireEvent.click(screen.getAllByTestId('stop-open')[0]!);
    expect(screen.getAllByRole('link', { name: /Google/, hidden: true })[0]?.getAttribute('href')).toContain(
      'destination=34.7,135.1',
    );
    expect(screen.getAllByRole('link', { name: /電話/, hidden: true })[0]?.getAttribute('href')).toBe(
      'tel:0612340001',
    );
    fireEvent.click(screen.getByRole('button', { name: 'チェックイン', hidden: true }));
    await waitFor(() => expect(mock.mock.calls.some(([url]) => url === '/api/visits')).toBe(true), {
      timeout: 8000,
    });
    const [, init] = mock.mock.calls.find(([url]) => url === '/api/visits')!;
    const body = JSON.parse(String(init?.body));
    expect(body).toMatchObject({ customerId: 'c1', plannedVisitId: 'pv1' });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Headers(init?.headers).get('Idempotency-Key')).toBeTruthy();
  });
});
