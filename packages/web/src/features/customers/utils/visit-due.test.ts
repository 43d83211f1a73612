import { describe, expect, it } from 'vitest';
import { visitDueState } from './visit-due.ts';

const now = new Date('2026-11-27T03:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('visitDueState', () => {
  it('is unknown for a customer never visited', () => {
    expect(visitDueState({ lastVisitAt: null, cadenceDays: 14, now })).toBe('unknown');
  });

  it('is ok before the cadence day', () => {
    expect(visitDueState({ lastVisitAt: daysAgo(13), cadenceDays: 14, now })).toBe('ok');
  });

  it('is due within the tolerance', () => {
    expect(visitDueState({ lastVisitAt: daysAgo(14), cadenceDays: 14, toleranceDays: 3, now })).toBe('due');
    expect(visitDueState({ lastVisitAt: daysAgo(17), cadenceDays: 14, toleranceDays: 3, now })).toBe('due');
  });

  it('is overdue past cadence plus tolerance', () => {
    expect(visitDueState({ lastVisitAt: daysAgo(18), cadenceDays: 14, toleranceDays: 3, now })).toBe(
      'overdue',
    );
  });
});
