import type { ComplaintAlert, Followup, Today } from '@kayoi/server/contracts';

export type TodayAlert =
  | { kind: 'promise'; key: string; followup: Followup }
  | { kind: 'complaint'; key: string; complaint: ComplaintAlert };

/**
 * The alerts on top of 今日, most urgent first: overdue promises by due date (the longest
 * overdue first), then open complaints by when they were opened (the oldest first).
 */
export const orderAlerts = (alerts: Today['alerts']): TodayAlert[] => [
  ...[...alerts.overdueFollowups]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt))
    .map((followup) => ({ kind: 'promise' as const, key: `p-${followup.id}`, followup })),
  ...[...alerts.openComplaints]
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt))
    .map((complaint) => ({ kind: 'complaint' as const, key: `c-${complaint.id}`, complaint })),
];
