import { useQueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp } from '../../../test/render.tsx';
import type { DayChangeResult } from '../api/plan-types.ts';
import { buildDay, buildPlan, buildVisit } from '../testing/plan-factories.ts';
import { PlanBoard, PlanScreen } from './PlanBoard.tsx';

// Leaflet needs a real layout; the map is covered by the browser test.
vi.mock('./RouteMap.tsx', () => ({ default: () => <div data-testid="route-map" /> }));

const reps = [
  { id: 'rep1', name: '田中 翔太' },
  { id: 'rep2', name: '西田 彩' },
];
const plan = buildPlan({ startDate: '2027-01-11', days: 5 });
const days = [
  buildDay({ repId: 'rep1', date: '2027-01-11', visitCount: 2, travelSeconds: 3600 }),
  buildDay({ repId: 'rep1', date: '2027-01-12', visitCount: 3, travelSeconds: 4000 }),
  buildDay({ repId: 'rep2', date: '2027-01-11', visitCount: 4, travelSeconds: 5000 }),
];
const visits = [
  buildVisit({ id: 'v1', seq: 1, customerName: '梅田酒販', start: '09:30' }),
  buildVisit({ id: 'v2', seq: 2, customerName: '北浜商会', customerId: 'cus2', start: '14:00' }),
];

const moved: DayChangeResult = {
  visit: { ...visits[0]!, date: '2027-01-12', seq: 2, version: 2 },
  days: [
    { ...days[0]!, visitCount: 1, travelSeconds: 2000 },
    { ...days[1]!, visitCount: 4, travelSeconds: 4900 },
  ],
  visits: [{ ...visits[1]!, seq: 1 }],
  change: { travelSecondsBefore: 7600, travelSecondsAfter: 6900, resequenced: 2 },
};

const routes = (move: () => { status?: number; body: unknown }) => ({
  '/api/plans/latest': { body: { plan } },
  '/api/plans/plan1/days': { body: { reps, days } },
  '/api/plans/plan1/visits?': { body: { visits } },
  '/api/plans/plan1/unplanned': {
    body: {
      unplanned: [
        {
          customerId: 'cus9',
          customerName: '堺筋商店',
          reason: 'no_window',
          message: '営業時間に入れる日がありません',
        },
      ],
    },
  },
  '/api/plans/plan1/visits/v1/move': move,
});

const openMoveMenu = async () => {
  const grid = await screen.findByTestId('plan-week-grid', {}, { timeout: 5000 });
  expect(
    within(grid).getByRole('button', { name: '田中 翔太 1/11(月)：2件' }).getAttribute('aria-pressed'),
  ).toBe('true');
  fireEvent.click(await screen.findByRole('button', { name: '移動: 梅田酒販' }, { timeout: 5000 }));
  fireEvent.change(await screen.findByRole('combobox', { name: '移動先の日' }), {
    target: { value: '2027-01-12' },
  });
  fireEvent.click(screen.getByRole('button', { name: '移動する' }));
  return grid;
};

/** Signed in as a rep (the test app signs in a manager). */
function AsRep() {
  const queryClient = useQueryClient();
  useState(() =>
    queryClient.setQueryData(['me'], {
      user: { id: 'r1', name: '田中 翔太', email: 'rep1@example.jp', role: 'rep' },
      tenant: { id: 't1', name: 'デモ商事' },
      team: { id: 'team1', name: '東京第一' },
    }),
  );
  return <PlanScreen />;
}

describe('PlanBoard', () => {
  it('points a rep to 今日 instead of loading the board', async () => {
    const fetch = mockFetch({});
    renderWithApp(<AsRep />);
    expect(await screen.findByText('計画はマネージャーの画面です')).toBeTruthy();
    expect(screen.getByRole('link', { name: '今日の訪問へ' }).getAttribute('href')).toBe('/');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('moves a visit through the 移動 menu and updates only the two days the server names', async () => {
    const fetch = mockFetch(routes(() => ({ body: moved })));
    renderWithApp(<PlanBoard />);
    expect((await screen.findByTestId('plan-unplanned', {}, { timeout: 5000 })).textContent).toContain(
      '営業時間に入れる日がありません',
    );
    const grid = await openMoveMenu();

    await waitFor(() =>
      expect(within(grid).getByRole('button', { name: '田中 翔太 1/12(火)：4件' })).toBeTruthy(),
    );
    expect(within(grid).getByRole('button', { name: '田中 翔太 1/11(月)：1件' })).toBeTruthy();
    expect(within(grid).getByRole('button', { name: '西田 彩 1/11(月)：4件' })).toBeTruthy();
    // The source day's timeline comes from the answer: the moved visit is gone, no reload.
    await waitFor(() => expect(screen.getByTestId('plan-timeline').textContent).not.toContain('梅田酒販'));
    const post = fetch.mock.calls.find(([url]) => String(url).endsWith('/move'));
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ date: '2027-01-12', repId: 'rep1', version: 1 });
    expect(
      fetch.mock.calls.filter(([url]) => String(url).startsWith('/api/plans/plan1/visits?')),
    ).toHaveLength(1);
  });

  it('reloads the day when a pin loses to someone else’s change (409)', async () => {
    const fetch = mockFetch({
      ...routes(() => ({ body: moved })),
      '/api/plans/plan1/visits/v1/pin': {
        status: 409,
        body: { error: { code: 'version_conflict', message: '他の人が先に更新しました。' } },
      },
    });
    renderWithApp(<PlanBoard />);
    fireEvent.click(await screen.findByRole('button', { name: 'ピン留め: 梅田酒販' }, { timeout: 5000 }));
    const dayLoads = () =>
      fetch.mock.calls.filter(([url]) => String(url).startsWith('/api/plans/plan1/visits?'));
    await waitFor(() => expect(dayLoads()).toHaveLength(2));
    const pin = fetch.mock.calls.find(([url]) => String(url).endsWith('/pin'));
    expect(JSON.parse(String(pin?.[1]?.body))).toEqual({ pinned: true, version: 1 });
  });

  it("keeps the board as it was and shows the server's message when the visit does not fit", async () => {
    mockFetch(
      routes(() => ({
        status: 422,
        body: { error: { code: 'visit_does_not_fit', message: 'この日は営業時間内に入りません。' } },
      })),
    );
    renderWithApp(<PlanBoard />);
    const grid = await openMoveMenu();
    expect((await screen.findByRole('alert')).textContent).toContain('この日は営業時間内に入りません。');
    expect(within(grid).getByRole('button', { name: '田中 翔太 1/11(月)：2件' })).toBeTruthy();
    expect(within(grid).getByRole('button', { name: '田中 翔太 1/12(火)：3件' })).toBeTruthy();
  });
});
