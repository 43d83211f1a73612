import { withTenant } from '../../platform/context.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute, type OperationAccess } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { notifyOverdueFollowups } from '../followups/notify-overdue-followups.ts';
import { countUnread, listNotifications } from './list-notifications.ts';
import { markAllNotificationsRead, markNotificationRead } from './mark-notifications-read.ts';
import {
  Notification,
  NotificationIdParam,
  NotificationList,
  NotificationListQuery,
  ReadAllResult,
  UnreadCount,
} from './notification-schemas.ts';

const tags = ['Notifications'];
const own: OperationAccess = { roles: ['rep', 'manager', 'admin'], scope: 'self' };

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The caller’s notifications, unread first, newest first (bounded), with the unread count',
  description:
    'Looking also checks the caller’s promises: each open followup assigned to them and past due ' +
    'notifies them once (promise_overdue).',
  request: { query: NotificationListQuery },
  responses: { 200: json(NotificationList, 'Notifications'), ...errorResponses(401, 422) },
  access: own,
});

const countRoute = defineRoute({
  method: 'get',
  path: '/unread-count',
  tags,
  summary: 'How many of the caller’s notifications are unread (the badge)',
  responses: { 200: json(UnreadCount, 'The count'), ...errorResponses(401) },
  access: own,
});

const readRoute = defineRoute({
  method: 'post',
  path: '/{id}/read',
  tags,
  summary: 'Mark one of the caller’s notifications read',
  request: { params: NotificationIdParam },
  responses: { 200: json(Notification, 'The notification, read'), ...errorResponses(401, 404, 422) },
  access: { ...own, references: { path: { id: 'notification' } } },
});

const readAllRoute = defineRoute({
  method: 'post',
  path: '/read-all',
  tags,
  summary: 'Mark every notification of the caller read',
  responses: { 200: json(ReadAllResult, 'How many were unread'), ...errorResponses(401) },
  access: own,
});

/** The notifications API, mounted at /api/notifications. */
export const notificationRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const actor = c.var.actor;
    const result = await withTenant(c.var.db, actor, async (tx) => {
      await notifyOverdueFollowups(tx, actor);
      return listNotifications(tx, actor, query);
    });
    return c.json(result, 200);
  })
  .openapi(countRoute, async (c) => {
    const actor = c.var.actor;
    const unreadCount = await withTenant(c.var.db, actor, async (tx) => {
      await notifyOverdueFollowups(tx, actor);
      return countUnread(tx, actor);
    });
    return c.json({ unreadCount }, 200);
  })
  .openapi(readAllRoute, async (c) =>
    c.json(await withTenant(c.var.db, c.var.actor, (tx) => markAllNotificationsRead(tx, c.var.actor)), 200),
  )
  .openapi(readRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await withTenant(c.var.db, c.var.actor, (tx) => markNotificationRead(tx, c.var.actor, id)),
      200,
    );
  });
