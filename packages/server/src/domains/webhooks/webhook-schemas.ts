import { z } from '@hono/zod-openapi';
import {
  WEBHOOK_MAX_ATTEMPTS,
  webhookDeliveryKinds,
  webhookDeliveryStatuses,
  webhookEventKinds,
} from './webhook-values.ts';

/** Request and response schemas of the web hooks API (admins only). */
const isoTime = z.string().openapi({ format: 'date-time', example: '2026-12-01T01:30:00.000Z' });
const RecordId = z.string().min(1).max(100);
export const MAX_DELIVERY_PAGE = 100;

export const IdParam = z.object({ id: RecordId.openapi({ param: { name: 'id', in: 'path' } }) });

const Url = z.string().trim().min(1).max(2000).openapi({
  example: 'https://hooks.example.jp/kayoi',
  description:
    'https; http and loopback/private/link-local hosts only with WEBHOOKS_ALLOW_PRIVATE=1 (422 on url otherwise)',
});
const Description = z.string().trim().max(200).openapi({ example: '基幹システム連携' });
const Events = z
  .array(z.enum(webhookEventKinds))
  .min(1)
  .max(webhookEventKinds.length)
  .openapi({ description: 'The notification kinds sent to this endpoint (at least one)' });

export const WebhookEndpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(webhookEventKinds)),
    active: z.boolean(),
    secretHint: z.string().openapi({ description: 'whsec_… and the last four characters' }),
    lastDelivery: z
      .object({
        status: z.enum(webhookDeliveryStatuses),
        at: isoTime,
        statusCode: z.number().int().nullable(),
      })
      .nullable(),
    createdByName: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
    version: z.number().int(),
  })
  .openapi('WebhookEndpoint');

export const WebhookEndpointList = z
  .object({
    items: z.array(WebhookEndpoint),
    eventKinds: z
      .array(z.enum(webhookEventKinds))
      .openapi({ description: 'What an endpoint may subscribe to' }),
    allowPrivate: z
      .boolean()
      .openapi({ description: 'WEBHOOKS_ALLOW_PRIVATE: http and private hosts allowed' }),
  })
  .openapi('WebhookEndpointList');

export const WebhookEndpointWithSecret = z
  .object({
    endpoint: WebhookEndpoint,
    secret: z.string().openapi({ description: 'The signing secret (whsec_…): shown this once' }),
  })
  .openapi('WebhookEndpointWithSecret');

export const CreateWebhookEndpointBody = z
  .object({
    id: z.uuid().optional().openapi({ description: 'A client-made UUID (409 id_taken when in use)' }),
    url: Url,
    description: Description.optional(),
    events: Events,
    active: z.boolean().optional().openapi({ description: 'Default true' }),
  })
  .openapi('CreateWebhookEndpoint');

export const UpdateWebhookEndpointBody = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    url: Url.optional(),
    description: Description.optional(),
    events: Events.optional(),
    active: z.boolean().optional(),
  })
  .openapi('UpdateWebhookEndpoint');

export const WebhookDelivery = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string().openapi({ description: 'The webhook-id header, the same on every attempt' }),
    eventKind: z.enum(webhookDeliveryKinds),
    status: z.enum(webhookDeliveryStatuses),
    attempts: z.number().int(),
    maxAttempts: z.number().int().openapi({ example: WEBHOOK_MAX_ATTEMPTS }),
    nextAttemptAt: isoTime.nullable(),
    lastAttemptAt: isoTime.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable().openapi({ description: 'At most 500 characters' }),
    payload: z.record(z.string(), z.unknown()).openapi({ description: 'The body sent' }),
    createdAt: isoTime,
  })
  .openapi('WebhookDelivery');

export const DeliveryListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_DELIVERY_PAGE)
    .optional()
    .openapi({ description: '1..100, default 20' }),
  before: RecordId.optional().openapi({ description: 'A delivery id: the page after it (nextBefore)' }),
});

export const WebhookDeliveryList = z
  .object({
    items: z.array(WebhookDelivery).openapi({ description: 'Newest first' }),
    nextBefore: z.string().nullable().openapi({ description: 'Pass as `before` for the next page' }),
  })
  .openapi('WebhookDeliveryList');

export const WebhookSendResult = z
  .object({
    ok: z.boolean().openapi({ description: 'The endpoint answered 2xx' }),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
    delivery: WebhookDelivery,
  })
  .openapi('WebhookSendResult');

export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointBody>;
export type UpdateWebhookEndpointInput = z.infer<typeof UpdateWebhookEndpointBody>;
export type WebhookEndpointView = z.infer<typeof WebhookEndpoint>;
export type WebhookDeliveryView = z.infer<typeof WebhookDelivery>;
