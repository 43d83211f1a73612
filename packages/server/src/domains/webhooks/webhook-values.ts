/**
 * The webhooks domain's fixed value lists (re-exported by contracts.ts at run time: this module
 * imports nothing but the notification kinds' list).
 */
import { notificationKinds } from '../notifications/notification-values.ts';

/** The events an endpoint may subscribe to: the notification centre's kinds. */
export const webhookEventKinds = notificationKinds;
/** What a delivery carries: a subscribed event, or the `ping` the test button sends. */
export const webhookDeliveryKinds = [...notificationKinds, 'ping'] as const;
export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed'] as const;

/**
 * Seconds to wait after each failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h. After the sixth
 * failed attempt a delivery is `failed` (an admin may still retry it by hand).
 */
export const WEBHOOK_BACKOFF_SECONDS = [60, 300, 1800, 7200, 21600] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_SECONDS.length + 1;
/** Deliveries (not pending) are kept this long. */
export const WEBHOOK_RETENTION_DAYS = 30;
/** An endpoint is one of at most this many of a tenant. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
