import type { Notification, NotificationList } from '@kayoi/server/contracts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';

export const listNotifications = (limit: number, signal?: AbortSignal): Promise<NotificationList> =>
  apiFetch<NotificationList>(`/api/notifications${buildQuery({ limit })}`, { signal });

export const getUnreadCount = (signal?: AbortSignal): Promise<{ unreadCount: number }> =>
  apiFetch<{ unreadCount: number }>('/api/notifications/unread-count', { signal });

export const markNotificationRead = (id: string): Promise<Notification> =>
  apiFetch<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`, {
    method: 'POST',
    idempotencyKey: newIdempotencyKey(),
  });

export const markAllNotificationsRead = (): Promise<{ marked: number }> =>
  apiFetch<{ marked: number }>('/api/notifications/read-all', {
    method: 'POST',
    idempotencyKey: newIdempotencyKey(),
  });

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (limit: number) => ['notifications', 'list', limit] as const,
  unread: ['notifications', 'unread'] as const,
};
