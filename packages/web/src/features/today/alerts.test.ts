import type { Followup, Today } from '@kayoi/server/contracts';
import { describe, expect, it } from 'vitest';
import { orderAlerts } from './alerts.ts';

const followup = (id: string, dueDate: string): Followup =>
  ({ id, dueDate, createdAt: '2026-11-01T00:00:00Z', title: id, customerName: 'x' }) as Followup;

describe('orderAlerts', () => {
  it('puts overdue promises first, longest overdue first, then open complaints oldest first', () => {
    const alerts: Today['alerts'] = {
      overdueFollowups: [followup('late', '2026-11-28'), followup('later', '2026-11-20')],
      openComplaints: [
        { id: 'c-new', customerId: 'a', customerName: 'A', title: 'new', openedAt: '2026-11-30T00:00:00Z' },
        { id: 'c-old', customerId: 'b', customerName: 'B', title: 'old', openedAt: '2026-11-02T00:00:00Z' },
      ],
    };
    expect(orderAlerts(alerts).map((a) => a.key)).toEqual(['p-later', 'p-late', 'c-c-old', 'c-c-new']);
  });
});
