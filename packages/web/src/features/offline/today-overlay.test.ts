import type { Stop, Today } from '@kayoi/server/contracts';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './offline-db.ts';
import { applyPendingToToday } from './today-overlay.ts';

const buildStop = (overrides: Partial<Stop> = {}): Stop =>
  ({
    key: 'pv1',
    plannedVisitId: 'pv1',
    visitId: null,
    seq: 1,
    status: 'planned',
    checkInAt: null,
    checkOutAt: null,
    log: null,
    skip: null,
    visitVersion: null,
    customer: { id: 'c1', name: '株式会社なにわ商会' },
    ...overrides,
  }) as Stop;

const buildDay = (stops: Stop[]): Today =>
  ({
    date: '2026-12-02',
    planId: 'p1',
    stops,
    alerts: { overdueFollowups: [], openComplaints: [] },
  }) as Today;

const buildEntry = (overrides: Partial<OutboxEntry>): OutboxEntry => ({
  id: crypto.randomUUID(),
  kind: 'check-in',
  method: 'POST',
  path: '/api/visits',
  body: {},
  idempotencyKey: crypto.randomUUID(),
  label: '',
  customerId: 'c1',
  replaces: null,
  createdAt: '2026-12-02T01:00:00.000Z',
  status: 'pending',
  attempts: 0,
  notBefore: 0,
  error: null,
  current: null,
  ...overrides,
});

describe('the day as the rep made it offline', () => {
  it('shows a stop checked in and then logged while the writes wait on the phone', () => {
    const day = buildDay([buildStop(), buildStop({ key: 'pv2', plannedVisitId: 'pv2' })]);
    const shown = applyPendingToToday(day, [
      buildEntry({
        body: { id: 'v1', customerId: 'c1', plannedVisitId: 'pv1', at: '2026-12-02T01:00:00.000Z' },
      }),
      buildEntry({
        kind: 'visit-log',
        method: 'PUT',
        path: '/api/visits/v1/log',
        body: { outcome: 'met', notes: '異常なし', promises: [{ id: 'f1' }], checkOut: true },
      }),
    ]);
    expect(shown.stops[0]).toMatchObject({
      visitId: 'v1',
      status: 'done',
      log: { outcome: 'met', promises: 1 },
    });
    expect(shown.stops[1]?.status).toBe('planned');
  });

  it('does not show a write the server refused as done', () => {
    const day = buildDay([buildStop()]);
    const shown = applyPendingToToday(day, [
      buildEntry({ status: 'failed', body: { id: 'v1', customerId: 'c1', plannedVisitId: 'pv1' } }),
    ]);
    expect(shown.stops[0]?.status).toBe('planned');
  });
});
