import { z } from '@hono/zod-openapi';
import { notificationKinds } from './notification-values.ts';

/** Request and response schemas of the notifications API (お知らせ): the caller's own only. */
const isoTime = z.string().openapi({ format: 'date-time', example: '2026-12-01T01:30:00.000Z' });
export const MAX_NOTIFICATION_PAGE = 100;

export const Notification = z
  .object({
    id: z.string(),
    kind: z.enum(notificationKinds),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .openapi({ description: 'What the sentence needs: names, counts, dates (see the kinds)' }),
    link: z.string().openapi({ description: 'An app path the notification leads to ("" for none)' }),
    createdAt: isoTime,
    readAt: isoTime.nullable(),
  })
  .openapi('Notification');

export const NotificationListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_NOTIFICATION_PAGE)
    .optional()
    .openapi({ description: '1..100, default 30' }),
});

export const NotificationList = z
  .object({
    items: z.array(Notification).openapi({ description: 'Unread first, then newest first' }),
    unreadCount: z.number().int(),
    truncated: z.boolean().openapi({ description: 'More than `limit` exist' }),
  })
  .openapi('NotificationList');

export const UnreadCount = z.object({ unreadCount: z.number().int() }).openapi('NotificationUnreadCount');

export const ReadAllResult = z
  .object({ marked: z.number().int().openapi({ description: 'How many were unread' }) })
  .openapi('NotificationsReadAll');

export const NotificationIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
