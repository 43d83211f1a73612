import type { Context } from 'hono';
import { withTenant } from '../../platform/context.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute, type OperationAccess } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { createWebhookEndpoint } from './create-webhook-endpoint.ts';
import { deleteWebhookEndpoint } from './delete-webhook-endpoint.ts';
import { listWebhookDeliveries } from './delivery-view.ts';
import { listEndpointViews, loadEndpointView } from './endpoint-view.ts';
import { retryWebhookDelivery } from './retry-webhook-delivery.ts';
import { rotateWebhookSecret } from './rotate-webhook-secret.ts';
import type { WebhookTransport } from './send-webhook.ts';
import { testWebhookEndpoint } from './test-webhook-endpoint.ts';
import { updateWebhookEndpoint } from './update-webhook-endpoint.ts';
import { webhookError } from './webhook-errors.ts';
import {
  CreateWebhookEndpointBody,
  DeliveryListQuery,
  IdParam,
  UpdateWebhookEndpointBody,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
  WebhookSendResult,
} from './webhook-schemas.ts';
import { webhookSecretBox } from './webhook-signing.ts';
import { webhookEventKinds } from './webhook-values.ts';

const tags = ['Webhooks'];
const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const admins: OperationAccess = { roles: ['admin'], scope: 'tenant' };
const onEndpoint: OperationAccess = { ...admins, references: { path: { id: 'webhookEndpoint' } } };
const onDelivery: OperationAccess = { ...admins, references: { path: { id: 'webhookDelivery' } } };

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The company’s web hooks (at most 20), each with its last delivery',
  responses: { 200: json(WebhookEndpointList, 'The web hooks'), ...errorResponses(401, 403) },
  access: admins,
});

const createRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Add a web hook: its URL and events; answers its signing secret (whsec_…) this once',
  description:
    'Each event is POSTed as JSON {type, id, timestamp, tenant, data} with the Standard Webhooks headers ' +
    'webhook-id, webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of "id.timestamp.body">). ' +
    '422 on url for anything but https (http and private hosts only with WEBHOOKS_ALLOW_PRIVATE=1).',
  request: body(CreateWebhookEndpointBody),
  responses: {
    201: json(WebhookEndpointWithSecret, 'The web hook and its secret'),
    ...errorResponses(401, 403, 409, 422),
  },
  access: admins,
});

const getRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One web hook',
  request: { params: IdParam },
  responses: { 200: json(WebhookEndpoint, 'The web hook'), ...errorResponses(401, 403, 404, 422) },
  access: onEndpoint,
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change a web hook’s URL, description, events or active (send the version you read)',
  description:
    'Turning it off ends its pending deliveries as failed. 409 version_conflict with `current` when stale.',
  request: { params: IdParam, ...body(UpdateWebhookEndpointBody) },
  responses: { 200: json(WebhookEndpoint, 'The web hook'), ...errorResponses(401, 403, 404, 409, 422) },
  access: onEndpoint,
});

const deleteRoute = defineRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete a web hook and its deliveries (nothing more is sent to it)',
  request: { params: IdParam },
  responses: {
    200: json(IdParam.openapi('DeletedWebhookEndpoint'), 'Deleted'),
    ...errorResponses(401, 403, 404, 422),
  },
  access: onEndpoint,
});

const rotateRoute = defineRoute({
  method: 'post',
  path: '/{id}/rotate-secret',
  tags,
  summary: 'Give a web hook a new signing secret, answered this once (the old one also signs for 24 h)',
  request: { params: IdParam },
  responses: {
    200: json(WebhookEndpointWithSecret, 'The web hook and its new secret'),
    ...errorResponses(401, 403, 404, 422),
  },
  access: onEndpoint,
});

const testRoute = defineRoute({
  method: 'post',
  path: '/{id}/test',
  tags,
  summary: 'Send a `ping` event to the web hook now and answer how it went (not retried)',
  request: { params: IdParam },
  responses: { 200: json(WebhookSendResult, 'The attempt'), ...errorResponses(401, 403, 404, 422) },
  access: onEndpoint,
});

const deliveriesRoute = defineRoute({
  method: 'get',
  path: '/{id}/deliveries',
  tags,
  summary: 'A web hook’s deliveries, newest first (kept 30 days), paged by `before`',
  request: { params: IdParam, query: DeliveryListQuery },
  responses: { 200: json(WebhookDeliveryList, 'Deliveries'), ...errorResponses(401, 403, 404, 422) },
  access: onEndpoint,
});

const retryRoute = defineRoute({
  method: 'post',
  path: '/deliveries/{id}/retry',
  tags,
  summary: 'Send a delivery again now (再送) and answer the attempt',
  description: 'When it fails it goes on with the backoff schedule, or stays failed after its last attempt.',
  request: { params: IdParam },
  responses: { 200: json(WebhookSendResult, 'The attempt'), ...errorResponses(401, 403, 404, 422) },
  access: onDelivery,
});

const transportOf = (c: Context<AppEnv>): WebhookTransport => ({
  allowPrivate: c.var.config.webhooksAllowPrivate,
  publicUrl: c.var.config.baseUrl,
});

/** The signing secrets are stored sealed under a key derived from BETTER_AUTH_SECRET. */
const secretBoxOf = (c: Context<AppEnv>) => webhookSecretBox(c.var.config.authSecret);

/** The web hooks API, mounted at /api/webhooks (admins only). */
export const webhookRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const items = await withTenant(c.var.db, c.var.actor, (tx) =>
      listEndpointViews(tx, c.var.actor, secretBoxOf(c)),
    );
    return c.json(
      { items, eventKinds: [...webhookEventKinds], allowPrivate: c.var.config.webhooksAllowPrivate },
      200,
    );
  })
  .openapi(createRoute, async (c) =>
    c.json(
      await createWebhookEndpoint({
        db: c.var.db,
        actor: c.var.actor,
        input: c.req.valid('json'),
        allowPrivate: c.var.config.webhooksAllowPrivate,
        secretBox: secretBoxOf(c),
      }),
      201,
    ),
  )
  .openapi(retryRoute, async (c) =>
    c.json(
      await retryWebhookDelivery({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        transport: transportOf(c),
        secretBox: secretBoxOf(c),
      }),
      200,
    ),
  )
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const view = await withTenant(c.var.db, c.var.actor, (tx) =>
      loadEndpointView(tx, c.var.actor, id, secretBoxOf(c)),
    );
    if (!view) throw webhookError('endpoint_not_found');
    return c.json(view, 200);
  })
  .openapi(updateRoute, async (c) =>
    c.json(
      await updateWebhookEndpoint({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
        allowPrivate: c.var.config.webhooksAllowPrivate,
        secretBox: secretBoxOf(c),
      }),
      200,
    ),
  )
  .openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    await deleteWebhookEndpoint({ db: c.var.db, actor: c.var.actor, id });
    return c.json({ id }, 200);
  })
  .openapi(rotateRoute, async (c) =>
    c.json(
      await rotateWebhookSecret({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        secretBox: secretBoxOf(c),
      }),
      200,
    ),
  )
  .openapi(testRoute, async (c) =>
    c.json(
      await testWebhookEndpoint({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        transport: transportOf(c),
        secretBox: secretBoxOf(c),
      }),
      200,
    ),
  )
  .openapi(deliveriesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const result = await withTenant(c.var.db, c.var.actor, async (tx) => {
      if (!(await loadEndpointView(tx, c.var.actor, id, secretBoxOf(c))))
        throw webhookError('endpoint_not_found');
      return listWebhookDeliveries(tx, c.var.actor, id, query);
    });
    return c.json(result, 200);
  });
