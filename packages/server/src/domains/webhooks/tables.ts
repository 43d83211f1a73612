import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/schema/tenancy.ts';
import { webhookDeliveryKinds, webhookDeliveryStatuses, webhookEventKinds } from './webhook-values.ts';

export type WebhookEventKind = (typeof webhookEventKinds)[number];
export type WebhookDeliveryKind = (typeof webhookDeliveryKinds)[number];
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** The body a delivery sends (Standard Webhooks' envelope). */
export interface WebhookPayload {
  type: WebhookDeliveryKind;
  id: string;
  timestamp: string;
  tenant: string;
  data: Record<string, string | number>;
}

/**
 * A tenant's web hook: where its events are POSTed, signed with the endpoint's secret
 * (Standard Webhooks, `whsec_…`). Admins only (RLS); the secret is shown once on create and on
 * rotate. For a day after a rotation the previous secret signs too.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: text('events', { enum: webhookEventKinds }).array().notNull(),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('webhook_endpoints_url_ck', sql`char_length(${t.url}) <= 2000`),
    check('webhook_endpoints_description_ck', sql`char_length(${t.description}) <= 200`),
    check('webhook_endpoints_events_ck', sql`cardinality(${t.events}) between 1 and 10`),
  ],
);

/**
 * One event to one endpoint (the outbox): written in the event's own transaction, sent by the
 * `webhooks.deliver` job, retried with backoff. `event_id` is the `webhook-id` header, the same on
 * every attempt. Kept 30 days.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    eventId: text('event_id').notNull(),
    eventKind: text('event_kind', { enum: webhookDeliveryKinds }).notNull(),
    payload: jsonb('payload').$type<WebhookPayload>().notNull(),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'webhook_deliveries_endpoint_fk',
      columns: [t.tenantId, t.endpointId],
      foreignColumns: [webhookEndpoints.tenantId, webhookEndpoints.id],
    }).onDelete('cascade'),
    uniqueIndex('webhook_deliveries_event_uq').on(t.tenantId, t.endpointId, t.eventId),
    index('webhook_deliveries_list_idx').on(t.tenantId, t.endpointId, t.createdAt),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('webhook_deliveries_error_ck', sql`char_length(${t.lastError}) <= 500`),
  ],
);
