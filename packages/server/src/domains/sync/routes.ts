import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { recordHeartbeat } from './record-heartbeat.ts';
import { HeartbeatBody, SyncStatus } from './sync-schemas.ts';

const heartbeatRoute = defineRoute({
  method: 'post',
  path: '/heartbeat',
  tags: ['Sync'],
  summary: "The caller's phone synced: its outbox drained and the day's data downloaded",
  description:
    'Shown to managers on チームの状況 as the rep’s last sync. `pending` counts the changes still ' +
    'waiting on the phone (a failed or conflicting draft).',
  request: { body: { required: true, content: { 'application/json': { schema: HeartbeatBody } } } },
  responses: { 200: json(SyncStatus, 'Recorded'), ...errorResponses(401, 422) },
  access: { roles: ['rep', 'manager', 'admin'], scope: 'self' },
});

/** The phone's sync status, mounted at /api/sync. */
export const syncRoutes = createRouter().openapi(heartbeatRoute, async (c) => {
  const { pending } = c.req.valid('json');
  return c.json(await recordHeartbeat({ db: c.var.db, actor: c.var.actor, pending }), 200);
});
